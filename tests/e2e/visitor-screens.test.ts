/**
 * Every visitor screen in the eight languages, walked by touch in Chromium:
 * axe finds nothing, no target under 64 px, no text under 22 px, nothing
 * overflowing its box. (`npm run audit -- screens` walks the same screens in
 * the three displays too and draws the contact sheets.)
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../main/contract/ipc-contract.js';
import { useGuidedKiosk } from '../support/guided-kiosk-fixture.js';
import { DISPLAYS, auditScreen, visitorScreens } from '../support/screen-walk.js';

const guidedKiosk = useGuidedKiosk();

describe('every visitor screen', () => {
  it.each([...LANGUAGE_CODES])(
    'in %s: clean for axe, 64 px targets, 22 px text, nothing cut off',
    async (language) => {
      const guided = await guidedKiosk.open();
      const found: string[] = [];
      const steps = visitorScreens(language, DISPLAYS.normal);
      for (const step of steps) {
        await step.go(guided);
        const issues = await auditScreen(guided.page);
        for (const [kind, list] of Object.entries(issues))
          for (const item of list) found.push(`${step.name} ${kind}: ${item}`);
      }
      expect(found).toEqual([]);
      expect(steps.length).toBeGreaterThanOrEqual(17);
      expect(guided.errors).toEqual([]);
    },
    90_000,
  );
});
