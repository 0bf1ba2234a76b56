import type { z } from 'zod';

/** One line per validation problem, each naming the field: `languages.default: …`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return `${field || '(top level)'}: ${issue.message}`;
  });
}
