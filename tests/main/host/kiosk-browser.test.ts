import { describe, expect, it } from 'vitest';
import { quietChromiumFlags } from '../../../main/host/chromium.js';
import { kioskWindowUnavailable } from '../../../main/host/kiosk-browser.js';

describe('kiosk window', () => {
  it('says why no window opens', () => {
    expect(
      kioskWindowUnavailable({ BORNE_CHROMIUM: '/nonexistent/chromium', DISPLAY: ':0' }),
    ).toMatch(/^no Chromium found/);
    expect(kioskWindowUnavailable({ BORNE_CHROMIUM: process.execPath })).toBe(
      'no display (DISPLAY or WAYLAND_DISPLAY): serving only',
    );
    expect(
      kioskWindowUnavailable({ BORNE_CHROMIUM: process.execPath, WAYLAND_DISPLAY: 'wayland-0' }),
    ).toBeNull();
  });

  it('drops Chromium’s sandbox only when it must (running as root)', () => {
    expect(quietChromiumFlags(true)).toContain('--no-sandbox');
    expect(quietChromiumFlags(false)).not.toContain('--no-sandbox');
    expect(quietChromiumFlags(false)).toContain('--disable-background-networking');
  });
});
