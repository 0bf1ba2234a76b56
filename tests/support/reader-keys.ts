/**
 * A keyboard-wedge reader, as Chromium sees it: key events with the reader's
 * own timing, for the e2e tests of the wedge guard.
 */
import type { Page } from 'playwright-core';
import { keysFor, type ReaderLayout, wedgeChar } from '../../renderer/kit/wedge-decoder.js';

/**
 * Presses each key of `text` as a reader with this layout would (Shift down
 * around shifted keys), then Enter. The key events are queued on Chromium's
 * DevTools connection all at once, as a reader's USB reports arrive a few ms
 * apart; awaiting each round trip can take longer than a reader ever does.
 */
export async function typeLikeReader(
  page: Page,
  text: string,
  layout: ReaderLayout,
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  // A reader's own cadence, 8 ms a report: events carry the time they were made,
  // as the kernel stamps real key presses, whatever the page is busy with.
  let time = Date.now() / 1000;
  const stamp = () => (time += 0.004);
  const key = (type: 'keyDown' | 'keyUp', code: string, shift: boolean) => {
    // What a US keyboard types with this key: Playwright's and headless Chromium's own layout.
    const char = code === 'Enter' ? '\r' : (wedgeChar({ code, shift }, 'qwerty') ?? '');
    const vk =
      code === 'Enter'
        ? 13
        : code.startsWith('Key') || code.startsWith('Digit')
          ? code.at(-1)?.charCodeAt(0)
          : 0;
    sent.push(
      session.send('Input.dispatchKeyEvent', {
        type,
        code,
        key: code === 'Enter' ? 'Enter' : char,
        windowsVirtualKeyCode: vk,
        modifiers: shift ? 8 : 0,
        timestamp: stamp(),
        ...(type === 'keyDown' && char ? { text: char } : {}),
      }),
    );
  };
  const shiftKey = (type: 'keyDown' | 'keyUp') =>
    sent.push(
      session.send('Input.dispatchKeyEvent', {
        type,
        code: 'ShiftLeft',
        key: 'Shift',
        windowsVirtualKeyCode: 16,
        modifiers: type === 'keyDown' ? 8 : 0,
        timestamp: stamp(),
      }),
    );
  for (const { code, shift } of [...keysFor(text, layout), { code: 'Enter', shift: false }]) {
    if (shift) shiftKey('keyDown');
    key('keyDown', code, shift);
    key('keyUp', code, shift);
    if (shift) shiftKey('keyUp');
  }
  await Promise.all(sent);
  await session.detach();
}
