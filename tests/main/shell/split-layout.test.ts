import { describe, expect, it } from 'vitest';
import {
  KEYBOARD_MIN_HEIGHT,
  panelWidth,
  placeSurfaces,
} from '../../../main/shell/split-layout.js';

describe('split view', () => {
  it('puts the site above and the keyboard strip across the bottom while typing', () => {
    expect(placeSurfaces({ width: 1920, height: 1080 }, { mode: 'typing' })).toEqual({
      site: { x: 0, y: 0, width: 1920, height: 570 },
      kiosk: { x: 0, y: 570, width: 1920, height: 510 },
    });
    // A short screen keeps six rows of 64 px keys and the step line.
    const small = placeSurfaces({ width: 1280, height: 800 }, { mode: 'typing' });
    expect(small.kiosk.height).toBe(KEYBOARD_MIN_HEIGHT);
    expect(small.site?.height).toBe(800 - KEYBOARD_MIN_HEIGHT);
    // Larger text: room for the step on two lines above the keys.
    expect(
      placeSurfaces({ width: 1280, height: 800 }, { mode: 'typing', scale: 1.5 }).kiosk,
    ).toEqual({ x: 0, y: 230, width: 1280, height: 570 });
  });

  it('widens the guide panel with the text size, never past half the screen', () => {
    expect(panelWidth(1280)).toBe(440);
    expect(panelWidth(1280, 1.25)).toBe(550);
    expect(panelWidth(1280, 1.5)).toBe(640);
    expect(panelWidth(1920)).toBe(600);
    expect(panelWidth(1920, 1.5)).toBe(900);
    expect(panelWidth(1024, 1.5)).toBe(512);
    const rtl = placeSurfaces(
      { width: 1280, height: 800 },
      { mode: 'split', direction: 'rtl', scale: 1.5 },
    );
    expect(rtl).toEqual({
      kiosk: { x: 640, y: 0, width: 640, height: 800 },
      site: { x: 0, y: 0, width: 640, height: 800 },
    });
  });
});
