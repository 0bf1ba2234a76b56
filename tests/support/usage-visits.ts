/**
 * Realistic usage records for tests and the bench: whole visits as the kiosk
 * records them (start, language, a procedure and its steps, help, aids,
 * the end), for a day and an hour.
 */
import { randomBytes } from 'node:crypto';
import type { LanguageCode } from '../../main/contract/ipc-contract.js';
import type { UsageRecord } from '../../main/usage/usage-event.js';

export const KIOSK = 'borne-test';

export interface VisitShape {
  day: string;
  hour: number;
  language?: LanguageCode;
  /** A procedure followed to `reached` steps of `steps`; completed when it reached them all. */
  procedure?: { id: string; steps: readonly string[]; reached: number };
  help?: 'answered' | 'cancelled';
  aids?: readonly ('keyboard' | 'read-aloud' | 'glossary' | 'id-card-copied')[];
  end?: 'visitor' | 'idle';
}

export const FRANCE_TRAVAIL = {
  id: 'france-travail-actualisation',
  steps: ['identifiant', 'mot-de-passe', 'questions', 'travail', 'recapitulatif', 'confirmation'],
} as const;

export function visitRecords(shape: VisitShape): UsageRecord[] {
  const visit = randomBytes(6).toString('hex');
  const language = shape.language ?? 'fr';
  const at = { day: shape.day, hour: shape.hour, kioskId: KIOSK, visit, language };
  const records: UsageRecord[] = [{ kind: 'session-started', ...at }];
  const procedure = shape.procedure;
  if (procedure) {
    records.push({ kind: 'procedure-started', procedureId: procedure.id, ...at });
    for (const stepId of procedure.steps.slice(0, procedure.reached)) {
      records.push({ kind: 'step-reached', procedureId: procedure.id, stepId, ...at });
    }
  }
  for (const aid of shape.aids ?? []) records.push({ kind: 'aid-used', aid, ...at });
  if (shape.help) {
    records.push({ kind: 'help-called', ...at });
    records.push(
      shape.help === 'answered'
        ? { kind: 'help-answered', duration: '1-3-min', ...at }
        : { kind: 'help-cancelled', duration: 'under-1-min', outcome: 'visitor', ...at },
    );
  }
  if (procedure) {
    const done = procedure.reached >= procedure.steps.length;
    const stepId = procedure.steps[Math.max(0, procedure.reached - 1)];
    records.push({
      kind: done ? 'procedure-completed' : 'procedure-abandoned',
      procedureId: procedure.id,
      ...(stepId ? { stepId } : {}),
      ...at,
    });
  }
  records.push({
    kind: 'session-ended',
    outcome: shape.end ?? 'visitor',
    duration: '5-10-min',
    ...at,
  });
  return records;
}
