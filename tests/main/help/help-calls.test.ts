import { describe, expect, it } from 'vitest';
import { createVisitorAids } from '../../../main/app/visitor-aids.js';
import { HelpCalls } from '../../../main/help/help-calls.js';
import { RecordingUsageLog } from '../../support/usage-recorder.js';
import { durationBucket } from '../../../main/usage/usage-event.js';

const NOON = new Date(2026, 11, 2, 12, 0, 0).getTime();

describe('volunteer calls', () => {
  it('keeps one call open, with its first time, until it ends; the day’s calls for the staff', () => {
    const calls = new HelpCalls();
    expect(calls.call(NOON)).toBe(true);
    expect(calls.call(NOON + 5000)).toBe(false);
    expect(calls.view()).toEqual({ state: 'calling', calledAt: NOON });
    expect(calls.end('answered', NOON + 150_000)).toBe(150_000);
    expect(calls.end('answered', NOON + 160_000)).toBeNull();
    calls.call(NOON + 200_000);
    expect(calls.history(NOON + 210_000)).toEqual([
      { calledAt: NOON + 200_000, outcome: 'open' },
      { calledAt: NOON, outcome: 'answered', waitedSeconds: 150 },
    ]);
    // The next day, yesterday's calls are not listed.
    expect(calls.history(NOON + 86_400_000)).toEqual([]);
  });

  it.each([
    [0, 'under-1-min'],
    [59_999, 'under-1-min'],
    [60_000, '1-3-min'],
    [179_999, '1-3-min'],
    [180_000, '3-5-min'],
    [300_000, '5-10-min'],
    [600_000, '10-30-min'],
    [1_800_000, 'over-30-min'],
  ] as const)('records a wait of %i ms as %s, never to the second', (ms, bucket) => {
    expect(durationBucket(ms)).toBe(bucket);
  });
});

describe('visitor aids service', () => {
  function aids() {
    let now = NOON;
    const usage = new RecordingUsageLog();
    const help: unknown[] = [];
    const keyboard: unknown[] = [];
    const typed: string[] = [];
    const zooms: number[] = [];
    let staff = false;
    const service = createVisitorAids({
      usage,
      language: () => 'fa',
      requireStaff: () => {
        if (!staff) throw new Error('staff only');
      },
      onActivity: () => {},
      emit: { help: (view) => help.push(view), keyboard: (view) => keyboard.push(view) },
      now: () => now,
    });
    service.attachSite({
      typeText: (text) => Promise.resolve(typed.push(text) > 0),
      pressKey: (key) => Promise.resolve(typed.push(`<${key}>`) > 0),
      setZoom: (factor) => Promise.resolve(void zooms.push(factor)),
    });
    return {
      service,
      usage,
      help,
      keyboard,
      typed,
      zooms,
      advance: (ms: number) => (now += ms),
      signIn: () => (staff = true),
    };
  }

  it('records called, answered after a bucketed wait, and counts each aid once a visit', async () => {
    const { service, usage, help, advance, signIn } = aids();
    service.handlers['help.call']({});
    advance(200_000);
    service.answerCall();
    await service.handlers['keyboard.type']({ text: 'a' });
    await service.handlers['keyboard.type']({ text: 'b' });
    service.handlers['session.aid']({ aid: 'read-aloud' });
    service.handlers['session.aid']({ aid: 'read-aloud' });
    expect(
      usage.events.map((event) => [event.kind, event.duration ?? event.aid ?? '', event.language]),
    ).toEqual([
      ['help-called', '', 'fa'],
      ['help-answered', '3-5-min', 'fa'],
      ['aid-used', 'keyboard', 'fa'],
      ['aid-used', 'read-aloud', 'fa'],
    ]);
    expect(help).toEqual([{ state: 'calling', calledAt: NOON }, { state: 'none' }]);
    expect(() => service.handlers['help.calls']({})).toThrow('staff only');
    signIn();
    expect(service.handlers['help.calls']({})).toEqual({
      calls: [{ calledAt: NOON, outcome: 'answered', waitedSeconds: 200 }],
    });
  });

  it('types into the site, zooms it with the text size, and forgets it all at the reset', async () => {
    const { service, usage, typed, zooms, keyboard } = aids();
    service.siteFieldFocused({ field: { mode: 'digits', secret: false }, touch: 0 });
    service.siteFieldFocused({ field: { mode: 'digits', secret: false }, touch: 0 });
    expect(keyboard).toEqual([{ siteField: { mode: 'digits', secret: false }, touch: 0 }]);
    await service.handlers['keyboard.type']({ text: '1' });
    await service.handlers['keyboard.key']({ key: 'Backspace' });
    expect(typed).toEqual(['1', '<Backspace>']);
    service.handlers['session.display']({ textSize: 1.5, highContrast: true });
    expect(service.textScale()).toBe(1.5);
    service.handlers['help.call']({});
    await service.wipe();
    expect(zooms).toEqual([1.5, 1]);
    expect(service.textScale()).toBe(1);
    expect(keyboard.at(-1)).toEqual({ siteField: null, touch: 0 });
    expect(service.handlers['help.get']({})).toEqual({ state: 'none' });
    expect(
      usage.events.map((event) => `${event.kind}:${event.aid ?? event.outcome ?? ''}`),
    ).toEqual([
      'aid-used:keyboard',
      'aid-used:large-text',
      'aid-used:high-contrast',
      'help-called:',
      'help-cancelled:visit-ended',
    ]);
    // A new visit counts its aids again.
    service.handlers['session.aid']({ aid: 'keyboard' });
    expect(usage.events.at(-1)?.aid).toBe('keyboard');
  });
});
