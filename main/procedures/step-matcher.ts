/**
 * Which step of a procedure the visitor's page is. Pure: both hosts observe
 * the page (URL, title, which of the procedure's selectors are present, read
 * in an isolated world) and hand the observation here, in the main process.
 * A page outside the procedure's own sites never matches, whatever its rules.
 */
import { matchesRule } from '../shell/navigation-policy.js';
import type { MatchRule, Procedure } from './procedure-schema.js';

/** What a host saw of the visitor's page. */
export interface PageObservation {
  url: string;
  title: string;
  /** The procedure's selectors found in the page (see `elementSelectors`). */
  elements: readonly string[];
}

type Matchable = Pick<Procedure, 'sites' | 'steps'>;

const patterns = new Map<string, RegExp>();

/** `*` stands for any characters (slashes included); everything else is literal. */
export function globMatches(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${source}$`, 's');
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

/** Every selector a procedure's steps look for, once each, for the host to probe. */
export function elementSelectors(procedure: Pick<Procedure, 'steps'>): string[] {
  const selectors = new Set<string>();
  for (const step of procedure.steps) {
    for (const rule of step.match) if (rule.element) selectors.add(rule.element);
  }
  return [...selectors];
}

function ruleMatches(rule: MatchRule, url: URL, page: PageObservation): boolean {
  if (url.hostname !== rule.host) return false;
  if (rule.path !== undefined && !globMatches(rule.path, url.pathname)) return false;
  if (rule.hash !== undefined && !globMatches(rule.hash, url.hash)) return false;
  if (rule.query) {
    for (const [name, pattern] of Object.entries(rule.query)) {
      const value = url.searchParams.get(name);
      if (value === null || !globMatches(pattern, value)) return false;
    }
  }
  if (rule.title !== undefined && !normalise(page.title).includes(normalise(rule.title))) {
    return false;
  }
  return rule.element === undefined || page.elements.includes(rule.element);
}

const normalise = (text: string) => text.normalize('NFC').toLocaleLowerCase('fr');

/**
 * How precise a rule is. What the page shows outranks its address: a visible
 * element counts 3, a title 2, each URL criterion 1 (a path or hash plus its
 * literal characters as a fraction, so `/actualisation-declaree*` beats
 * `/actualisation*`). A code form shown at the login page's own URL is the
 * code step, not the login step.
 */
export function ruleSpecificity(rule: MatchRule): number {
  const literal = (pattern: string | undefined) => (pattern ?? '').replaceAll('*', '').length;
  return (
    (rule.path === undefined ? 0 : 1 + literal(rule.path) / 1000) +
    (rule.hash === undefined ? 0 : 1 + literal(rule.hash) / 1000) +
    Object.keys(rule.query ?? {}).length +
    (rule.title === undefined ? 0 : 2) +
    (rule.element === undefined ? 0 : 3)
  );
}

/** Each step the page matches, with the precision of its best matching rule. */
function scoredMatches(procedure: Matchable, page: PageObservation): [number, number][] {
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return [];
  }
  if (!procedure.sites.some((site) => matchesRule(url, site))) return [];
  const found: [number, number][] = [];
  procedure.steps.forEach((step, index) => {
    const scores = step.match.filter((rule) => ruleMatches(rule, url, page)).map(ruleSpecificity);
    if (scores.length > 0) found.push([index, Math.max(...scores)]);
  });
  return found;
}

/** The indexes of the steps whose page this is (none for a page outside the procedure's sites). */
export function matchingSteps(procedure: Matchable, page: PageObservation): number[] {
  return scoredMatches(procedure, page).map(([index]) => index);
}

/**
 * Of the steps a page matches, the one the visitor is on: the current step if
 * it is one of them (a page shared by two steps does not make the guide jump),
 * otherwise the nearest one ahead, otherwise the nearest one behind (the
 * visitor went back on the site).
 */
export function chooseStep(candidates: readonly number[], current: number): number | null {
  if (candidates.length === 0) return null;
  if (candidates.includes(current)) return current;
  const ahead = candidates.filter((index) => index > current);
  if (ahead.length > 0) return Math.min(...ahead);
  return Math.max(...candidates);
}

/**
 * The step the page shows, given where the guide is, or null for a page the
 * catalogue does not know: among the steps matched by the most precise rules,
 * the one `chooseStep` picks.
 */
export function locateStep(
  procedure: Matchable,
  page: PageObservation,
  current: number,
): number | null {
  const scored = scoredMatches(procedure, page);
  const best = Math.max(...scored.map(([, score]) => score));
  return chooseStep(
    scored.filter(([, score]) => score === best).map(([index]) => index),
    current,
  );
}
