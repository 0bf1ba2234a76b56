/**
 * A procedure's texts in one language: what the screen, the read-aloud and
 * `borne catalogue show` use. A procedure is shown in the visitor's language
 * only when every one of its texts exists in it; otherwise all of it is shown
 * in French (never a mix, and never French read with another language's voice).
 */
import type { ProcedureView } from '../contract/guide-contract.js';
import type { LanguageCode } from '../contract/ipc-contract.js';
import type { LocalizedText, Procedure } from './procedure-schema.js';

/** The paths of the texts a procedure lacks in a language: `steps.2.tips.0`. */
export function missingTranslations(procedure: Procedure, language: LanguageCode): string[] {
  return localizedTexts(procedure)
    .filter(({ text }) => typeof text[language] !== 'string')
    .map(({ path }) => path);
}

/** Every text of a procedure that visitors read, with where it is ("steps.2.tips.0"). */
export function localizedTexts(
  procedure: Procedure,
): { path: string; text: Record<string, unknown> }[] {
  const found: { path: string; text: Record<string, unknown> }[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index)]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.fr === 'string') {
      found.push({ path: path.join('.'), text: record });
      return;
    }
    for (const [key, child] of Object.entries(record)) visit(child, [...path, key]);
  };
  visit(procedure, []);
  return found;
}

/** The language a procedure is shown in for a visitor who chose `language`. */
export function shownLanguage(procedure: Procedure, language: LanguageCode): LanguageCode {
  return missingTranslations(procedure, language).length === 0 ? language : 'fr';
}

export function resolveProcedure(procedure: Procedure, language: LanguageCode): ProcedureView {
  const shown = shownLanguage(procedure, language);
  const text = (localized: LocalizedText): string => localized[shown] ?? localized.fr ?? '';
  return {
    id: procedure.id,
    category: procedure.category,
    pictogram: procedure.pictogram,
    language: shown,
    siteName: procedure.siteName,
    title: text(procedure.title),
    summary: text(procedure.summary),
    bring: procedure.bring.map((item) => ({ pictogram: item.pictogram, text: text(item.text) })),
    steps: procedure.steps.map((step) => ({
      id: step.id,
      text: text(step.text),
      readAloud: text(step.readAloud),
      pictogram: step.pictogram,
      tips: step.tips.map(text),
      problems: step.problems.map((problem) => ({
        title: text(problem.title),
        solution: text(problem.solution),
      })),
    })),
    end: { done: procedure.end.done.map(text), next: procedure.end.next.map(text) },
  };
}
