import type { ProcedureView } from '../../main/contract/ipc-contract';

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A left-to-right run inside right-to-left text: Latin words, ASCII digits and
 * what joins them in addresses, codes and phone numbers ("impots.gouv",
 * "nom@exemple.fr", "39 49", "Identifiant oublié ?").
 */
const LTR_RUN =
  /[\p{Script=Latin}0-9][\p{Script=Latin}\p{M}0-9@._:/+'’-]*(?:[ \u00A0]+[\p{Script=Latin}0-9?!][\p{Script=Latin}\p{M}0-9@._:/+'’?!-]*)*/gu;

/**
 * Wraps each left-to-right run of a right-to-left text in Unicode isolates, so
 * numbers, addresses and the French labels of a site keep their order inside
 * Arabic or Persian sentences (the Unicode bidi algorithm alone moves their
 * punctuation and breaks runs at spaces). Text already isolated stays as it is.
 */
export function isolateLtrRuns(text: string): string {
  if (text.includes(FSI)) return text;
  return text.replace(LTR_RUN, (run) => `${FSI}${run}${PDI}`);
}

/** A procedure shown right to left, its Latin runs isolated (read-aloud texts untouched). */
export function isolateProcedure(procedure: ProcedureView): ProcedureView {
  const iso = isolateLtrRuns;
  return {
    ...procedure,
    title: iso(procedure.title),
    summary: iso(procedure.summary),
    bring: procedure.bring.map((item) => ({ ...item, text: iso(item.text) })),
    steps: procedure.steps.map((step) => ({
      ...step,
      text: iso(step.text),
      tips: step.tips.map(iso),
      problems: step.problems.map((problem) => ({
        title: iso(problem.title),
        solution: iso(problem.solution),
      })),
    })),
    end: { done: procedure.end.done.map(iso), next: procedure.end.next.map(iso) },
  };
}

/**
 * One value set inside a sentence (a product name, a serial, an amount):
 * isolated so it keeps its own direction whatever the sentence's.
 */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`;
}
