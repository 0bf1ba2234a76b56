/**
 * Where the visitor is in a guided procedure, as a pure state machine: the
 * guide service feeds it what the visitor did and what the site showed, and
 * records the usage notes it returns. Nothing here knows about hosts or time.
 */

export type SiteStatus = 'opening' | 'open' | 'unreachable';
export type HelpState = 'none' | 'problems' | 'volunteer';
export type TicketState = 'unavailable' | 'ready' | 'printing' | 'printed' | 'failed';

export type GuideState =
  | { kind: 'none' }
  | {
      kind: 'guiding';
      procedureId: string;
      stepCount: number;
      stepIndex: number;
      /** False while the site shows a page the catalogue does not know. */
      recognised: boolean;
      site: SiteStatus;
      help: HelpState;
    }
  | { kind: 'finished'; procedureId: string; ticket: TicketState };

export type GuideEvent =
  | { type: 'start'; procedureId: string; stepCount: number }
  | { type: 'site'; status: SiteStatus }
  /** The site showed a page: the step it is, or null for a page the catalogue does not know. */
  | { type: 'page'; step: number | null }
  | { type: 'move'; direction: 'next' | 'previous' }
  | { type: 'help'; ask: 'problems' | 'volunteer' | 'close' }
  | { type: 'finish'; canPrint: boolean }
  | { type: 'ticket'; state: TicketState }
  /** The visitor leaves the procedure, or the session ends. */
  | { type: 'leave' };

/** What happened, for the usage log (the service adds step ids, language and time). */
export type GuideNote =
  | { kind: 'procedure-started'; procedureId: string }
  | { kind: 'step-reached'; procedureId: string; stepIndex: number }
  | {
      kind: 'help-asked';
      procedureId: string;
      stepIndex: number;
      outcome: 'problems' | 'volunteer';
    }
  | { kind: 'procedure-completed'; procedureId: string; stepIndex: number }
  | { kind: 'procedure-abandoned'; procedureId: string; stepIndex: number };

export interface Transition {
  state: GuideState;
  notes: GuideNote[];
}

export const NO_GUIDE: GuideState = { kind: 'none' };

const stay = (state: GuideState): Transition => ({ state, notes: [] });

export function nextGuideState(state: GuideState, event: GuideEvent): Transition {
  if (event.type === 'start') return start(state, event);
  if (event.type === 'leave') return leave(state);
  if (state.kind === 'finished') {
    return event.type === 'ticket' ? stay({ ...state, ticket: event.state }) : stay(state);
  }
  if (state.kind !== 'guiding') return stay(state);
  switch (event.type) {
    case 'site':
      return stay(state.site === event.status ? state : { ...state, site: event.status });
    case 'page':
      if (event.step === null)
        return stay(state.recognised ? { ...state, recognised: false } : state);
      return goTo(state, event.step);
    case 'move': {
      const target = state.stepIndex + (event.direction === 'next' ? 1 : -1);
      if (target < 0 || target >= state.stepCount) return stay(state);
      return goTo(state, target);
    }
    case 'help':
      if (event.ask === 'close') return stay({ ...state, help: 'none' });
      // A second ask at the same level is the same call, not a new one.
      if (state.help === event.ask) return stay(state);
      return {
        state: { ...state, help: event.ask },
        notes: [
          {
            kind: 'help-asked',
            procedureId: state.procedureId,
            stepIndex: state.stepIndex,
            outcome: event.ask,
          },
        ],
      };
    case 'finish':
      return {
        state: {
          kind: 'finished',
          procedureId: state.procedureId,
          ticket: event.canPrint ? 'ready' : 'unavailable',
        },
        notes: [
          {
            kind: 'procedure-completed',
            procedureId: state.procedureId,
            stepIndex: state.stepIndex,
          },
        ],
      };
    case 'ticket':
      return stay(state);
  }
}

function start(state: GuideState, event: { procedureId: string; stepCount: number }): Transition {
  const left = leave(state).notes;
  return {
    state: {
      kind: 'guiding',
      procedureId: event.procedureId,
      stepCount: event.stepCount,
      stepIndex: 0,
      recognised: true,
      site: 'opening',
      help: 'none',
    },
    notes: [
      ...left,
      { kind: 'procedure-started', procedureId: event.procedureId },
      { kind: 'step-reached', procedureId: event.procedureId, stepIndex: 0 },
    ],
  };
}

function leave(state: GuideState): Transition {
  if (state.kind !== 'guiding') return stay(NO_GUIDE);
  return {
    state: NO_GUIDE,
    notes: [
      {
        kind: 'procedure-abandoned',
        procedureId: state.procedureId,
        stepIndex: state.stepIndex,
      },
    ],
  };
}

function goTo(state: Extract<GuideState, { kind: 'guiding' }>, stepIndex: number): Transition {
  // Moving on closes the problems of the step left behind; a volunteer called is still coming.
  const moved = stepIndex !== state.stepIndex;
  if (!moved && state.recognised) return stay(state);
  const next = {
    ...state,
    stepIndex,
    recognised: true,
    help: moved && state.help === 'problems' ? ('none' as const) : state.help,
  };
  return {
    state: next,
    notes: moved ? [{ kind: 'step-reached', procedureId: state.procedureId, stepIndex }] : [],
  };
}
