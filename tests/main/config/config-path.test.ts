import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../../../main/config/config-path.js';

describe('configuration path', () => {
  it('follows $BORNE_CONFIG first', () => {
    expect(
      resolveConfigPath(
        { BORNE_CONFIG: '/etc/borne/config.json', XDG_CONFIG_HOME: '/x' },
        '/home/k',
      ),
    ).toBe('/etc/borne/config.json');
  });
  it('then the XDG configuration folder', () => {
    expect(resolveConfigPath({ XDG_CONFIG_HOME: '/x' }, '/home/k')).toBe('/x/borne/config.json');
  });
  it('then ~/.config', () => {
    expect(resolveConfigPath({}, '/home/k')).toBe('/home/k/.config/borne/config.json');
  });
});
