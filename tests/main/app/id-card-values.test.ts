import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_CARD_FIELDS } from '../../../main/contract/ipc-contract.js';
import { createIdCardHelper } from '../../../main/app/id-card-helper.js';
import { idCardValue } from '../../../main/app/id-card-values.js';
import type { VisitorSiteInput } from '../../../main/shell/focused-field.js';

const TODAY = new Date('2026-11-23T10:00:00Z');
const CARD = {
  lastName: 'BERTHIER',
  firstNames: 'CORINNE',
  birthDate: '651206',
  documentNumber: '880692310285',
  nationality: 'FRA',
};

describe('idCardValue', () => {
  it.each([
    ['lastName', CARD, { text: 'BERTHIER' }],
    ['firstNames', { firstNames: 'JEAN PIERRE' }, { text: 'JEAN PIERRE' }],
    ['birthDate', CARD, { text: '06/12/1965', isoDate: '1965-12-06' }],
    // A birth year not after this one is of this century; a later one, of the last.
    ['birthDate', { birthDate: '260101' }, { text: '01/01/2026', isoDate: '2026-01-01' }],
    ['birthDate', { birthDate: '270101' }, { text: '01/01/1927', isoDate: '1927-01-01' }],
    ['expiryDate', { expiryDate: '310722' }, { text: '22/07/2031', isoDate: '2031-07-22' }],
    ['expiryDate', { expiryDate: '990101' }, { text: '01/01/2099', isoDate: '2099-01-01' }],
    ['birthDate', { birthDate: '000229' }, { text: '29/02/2000', isoDate: '2000-02-29' }],
  ] as const)('%s of %j', (field, fields, expected) => {
    expect(idCardValue(fields, field, TODAY)).toEqual(expected);
  });

  it.each([
    ['missing', 'expiryDate', CARD],
    ['blank', 'lastName', { lastName: '  ' }],
    ['unknown day and month (MRZ fillers)', 'birthDate', { birthDate: '65<<<<' }],
    ['no 31 November', 'birthDate', { birthDate: '651131' }],
    ['no 29 February in 2001', 'birthDate', { birthDate: '010229' }],
    ['month 13', 'expiryDate', { expiryDate: '301301' }],
  ] as const)('nothing to copy when %s', (_why, field, fields) => {
    expect(idCardValue(fields, field, TODAY)).toBeNull();
  });

  it('never throws, and a date it gives is a real day, written both ways alike', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ID_CARD_FIELDS),
        fc.oneof(fc.string(), fc.stringMatching(/^\d{6}$/)),
        (field, raw) => {
          const value = idCardValue({ [field]: raw }, field, TODAY);
          if (!value?.isoDate) return;
          const [year, month, day] = value.isoDate.split('-');
          expect(value.text).toBe(`${day}/${month}/${year}`);
          expect(new Date(`${value.isoDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
            value.isoDate,
          );
        },
      ),
    );
  });
});

describe('the ID card helper', () => {
  const site = (open: boolean) => {
    const filled: string[] = [];
    const input: VisitorSiteInput = {
      hasPage: () => open,
      fillFocusedField: async (value) => {
        filled.push(value.text);
        return 'copied';
      },
    };
    return { input, filled };
  };

  it('offers the fields with a value, only while a site page is open', () => {
    const helper = createIdCardHelper({ card: () => ({ fields: CARD }), now: () => TODAY });
    expect(helper.copyable(CARD)).toEqual([]);
    helper.attachSite(site(false).input);
    expect(helper.copyable(CARD)).toEqual([]);
    helper.attachSite(site(true).input);
    expect(helper.copyable({ ...CARD, birthDate: '65<<<<' })).toEqual([
      'lastName',
      'firstNames',
      'documentNumber',
      'nationality',
    ]);
  });

  it('copies the value of the held card, and nothing once it is forgotten', async () => {
    let card: { fields: Record<string, string> } | undefined = { fields: CARD };
    const helper = createIdCardHelper({ card: () => card, now: () => TODAY });
    await expect(helper.copy('lastName')).resolves.toBe('no-site');
    const { input, filled } = site(true);
    helper.attachSite(input);
    await expect(helper.copy('birthDate')).resolves.toBe('copied');
    expect(filled).toEqual(['06/12/1965']);
    card = undefined;
    await expect(helper.copy('lastName')).resolves.toBe('no-value');
    expect(filled).toEqual(['06/12/1965']);
  });
});
