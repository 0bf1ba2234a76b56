import type { z } from 'zod';

/** One line per validation problem, each naming the field: `languages.default: …`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return `${field || '(top level)'}: ${issue.message}`;
  });
}

/** Parses or throws one readable error: `voucher: pin: 4 to 32 digits…; serial: …`. */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`${what}: ${describeIssues(result.error).join('; ')}`);
  return result.data;
}
