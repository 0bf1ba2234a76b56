import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../main/app/paths.js';

describe('data folder', () => {
  it('is $BORNE_DATA_DIR when the kiosk unit sets it, otherwise the XDG state folder', () => {
    expect(dataDir({ BORNE_DATA_DIR: '/var/lib/borne' }, '/home/k')).toBe('/var/lib/borne');
    expect(dataDir({ XDG_STATE_HOME: '/s' }, '/home/k')).toBe('/s/borne');
    expect(dataDir({}, '/home/k')).toBe('/home/k/.local/state/borne');
  });
});
