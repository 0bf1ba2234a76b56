import { describe, expect, it } from 'vitest';
import {
  type GuideEvent,
  type GuideState,
  NO_GUIDE,
  nextGuideState,
} from '../../../main/procedures/guide-machine.js';

/** Runs events from `state`, collecting the usage notes. */
function run(events: GuideEvent[], state: GuideState = NO_GUIDE) {
  const notes: string[] = [];
  for (const event of events) {
    const transition = nextGuideState(state, event);
    state = transition.state;
    for (const note of transition.notes)
      notes.push('stepIndex' in note ? `${note.kind}@${note.stepIndex}` : note.kind);
  }
  return { state, notes };
}

const start: GuideEvent = { type: 'start', procedureId: 'caf', stepCount: 4 };

describe('the guide', () => {
  it('starts on the first step, the site opening', () => {
    expect(run([start])).toEqual({
      state: {
        kind: 'guiding',
        procedureId: 'caf',
        stepCount: 4,
        stepIndex: 0,
        recognised: true,
        site: 'opening',
        help: 'none',
      },
      notes: ['procedure-started', 'step-reached@0'],
    });
  });

  it('follows the pages, and stays on the last known step on an unknown one', () => {
    const { state, notes } = run([
      start,
      { type: 'site', status: 'open' },
      { type: 'page', step: 1 },
      { type: 'page', step: null },
    ]);
    expect(state).toMatchObject({ stepIndex: 1, recognised: false, site: 'open' });
    expect(notes).toEqual(['procedure-started', 'step-reached@0', 'step-reached@1']);
    expect(run([{ type: 'page', step: 1 }], state).state).toMatchObject({ recognised: true });
  });

  it('moves by hand within the procedure, never past its ends', () => {
    const { state, notes } = run([
      start,
      { type: 'move', direction: 'previous' },
      { type: 'move', direction: 'next' },
      { type: 'move', direction: 'next' },
      { type: 'move', direction: 'next' },
      { type: 'move', direction: 'next' },
    ]);
    expect(state).toMatchObject({ stepIndex: 3 });
    expect(notes.slice(2)).toEqual(['step-reached@1', 'step-reached@2', 'step-reached@3']);
  });

  it('shows the step’s problems, then calls a volunteer, each asked once', () => {
    const { state, notes } = run([
      start,
      { type: 'help', ask: 'problems' },
      { type: 'help', ask: 'problems' },
      { type: 'help', ask: 'volunteer' },
      { type: 'page', step: 2 },
    ]);
    // A volunteer called is still coming when the visitor moves on.
    expect(state).toMatchObject({ help: 'volunteer', stepIndex: 2 });
    expect(notes.slice(2)).toEqual(['help-asked@0', 'help-asked@0', 'step-reached@2']);
    expect(run([{ type: 'help', ask: 'close' }], state).state).toMatchObject({ help: 'none' });
  });

  it('closes the problems of a step left behind', () => {
    const { state } = run([start, { type: 'help', ask: 'problems' }, { type: 'page', step: 1 }]);
    expect(state).toMatchObject({ help: 'none', stepIndex: 1 });
  });

  it('finishes with or without a ticket to print, and is completed once', () => {
    const printable = run([start, { type: 'page', step: 3 }, { type: 'finish', canPrint: true }]);
    expect(printable.state).toEqual({ kind: 'finished', procedureId: 'caf', ticket: 'ready' });
    expect(printable.notes.at(-1)).toBe('procedure-completed@3');
    const printed = run(
      [
        { type: 'ticket', state: 'printing' },
        { type: 'ticket', state: 'printed' },
        { type: 'finish', canPrint: true },
        { type: 'leave' },
      ],
      printable.state,
    );
    expect(printed).toEqual({ state: NO_GUIDE, notes: [] });
    expect(run([start, { type: 'finish', canPrint: false }]).state).toMatchObject({
      ticket: 'unavailable',
    });
  });

  it('is abandoned when the visitor leaves, starts another, or the session ends', () => {
    expect(run([start, { type: 'page', step: 2 }, { type: 'leave' }]).notes.at(-1)).toBe(
      'procedure-abandoned@2',
    );
    expect(
      run([start, { type: 'start', procedureId: 'ameli', stepCount: 3 }]).notes.slice(2),
    ).toEqual(['procedure-abandoned@0', 'procedure-started', 'step-reached@0']);
    expect(run([{ type: 'leave' }])).toEqual({ state: NO_GUIDE, notes: [] });
  });

  it('keeps the same state object when nothing changes (no screen update)', () => {
    const { state } = run([start, { type: 'site', status: 'open' }, { type: 'page', step: 1 }]);
    for (const event of [
      { type: 'page', step: 1 },
      { type: 'site', status: 'open' },
      { type: 'ticket', state: 'printed' },
    ] as GuideEvent[]) {
      expect(nextGuideState(state, event).state).toBe(state);
    }
  });
});
