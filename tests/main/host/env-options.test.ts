import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, readStartOptions, readyLine } from '../../../main/host/env-options.js';

describe('start options from the environment', () => {
  it('defaults to a fixed port with a window', () => {
    expect(readStartOptions({})).toEqual({ port: DEFAULT_PORT, headless: false });
  });
  it('honours BORNE_PORT (0 = any free port) and BORNE_HEADLESS=1', () => {
    expect(readStartOptions({ BORNE_PORT: '0', BORNE_HEADLESS: '1' })).toEqual({
      port: 0,
      headless: true,
    });
    expect(readStartOptions({ BORNE_PORT: '8080', BORNE_HEADLESS: '0' })).toEqual({
      port: 8080,
      headless: false,
    });
  });
  it.each(['-1', '65536', 'abc', '80.5'])('refuses BORNE_PORT=%s with a clear message', (value) => {
    expect(() => readStartOptions({ BORNE_PORT: value })).toThrow(
      /BORNE_PORT must be a port number/,
    );
  });
  it('prints the ready line the scripts and the team look for', () => {
    expect(readyLine('http://127.0.0.1:5180/')).toBe('Borne ready: http://127.0.0.1:5180/');
  });
});
