import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBorne } from '../../support/run-borne.js';
import { loadSiteSecret } from '../../../main/app/site-secret.js';
import { MemberRegistry } from '../../../main/members/member-registry.js';
import { dayOf, periodEnd } from '../../../main/members/membership-period.js';
import { readerEvent } from '../../../native/hid/reader-events.js';

let dir: string;
let previous: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-member-cli-'));
  previous = process.env.BORNE_DATA_DIR;
  process.env.BORNE_DATA_DIR = dir;
});
afterEach(() => {
  if (previous === undefined) delete process.env.BORNE_DATA_DIR;
  else process.env.BORNE_DATA_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

const cli = runBorne;

const LIST = 'ADH0012345\n\nADH0067890\n??\nADH0012345\n';

describe('borne member', () => {
  it('imports a site’s cards as pseudonyms, names refused lines by number only', async () => {
    const first = await cli(['member', 'import', '--months', '6', '--by', 'Awa'], LIST);
    expect(first.code).toBe(1);
    const validUntil = periodEnd(dayOf(new Date()), null, 6);
    expect(JSON.parse(first.out)).toEqual({ cards: 2, changed: 2, validUntil, refusedLines: [4] });
    expect(first.out).not.toContain('ADH');

    // The same card scanned at the desk (wedge barcode) is the imported member.
    const event = readerEvent(
      'member-card',
      { type: 'barcode', text: 'ADH0067890' },
      loadSiteSecret(dir),
    );
    const registry = new MemberRegistry(join(dir, 'members.sqlite'));
    expect(registry.lookup(event.kind === 'member-card' ? (event.pseudonym ?? '') : '')).toEqual({
      status: 'active',
      validUntil,
    });
    registry.close();
    for (const file of readdirSync(dir).filter((name) => name.startsWith('members'))) {
      expect(readFileSync(join(dir, file)).includes('0067890'), file).toBe(false);
    }

    // Importing the list again gives nobody extra months.
    const again = await cli(['member', 'import', '--months', '6'], 'ADH0012345\nADH0067890\n');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ cards: 2, changed: 0 });
    const count = await cli(['member', 'count']);
    expect(JSON.parse(count.out)).toEqual({ active: 2, expired: 0 });
  });

  it.each([
    [['member', 'import', '--months', '0'], '--months must be a whole number from 1 to 36'],
    [['member', 'import', '--months', '6', '--read', 'nfc'], 'unknown --read "nfc"'],
  ])('refuses %j', async (args, message) => {
    const result = await cli(args, 'ADH0012345\n');
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});
