/**
 * "Fill in my details": the visitor touches a field on the site, then
 * chooses which line of their ID card goes in it. The card stays in the
 * readers service (this session's memory only); the host lends the
 * visitor's site page once its browsing exists.
 */
import { ID_CARD_FIELDS, type CopyOutcome, type IdCardField } from '../contract/ipc-contract.js';
import type { VisitorSiteInput } from '../shell/focused-field.js';
import { idCardValue } from './id-card-values.js';

export interface IdCardHelper {
  /** The host's visitor browsing (each host attaches its own). */
  attachSite(site: VisitorSiteInput): void;
  /** The fields of a card that can be copied now: none while no site page is open. */
  copyable(fields: Readonly<Record<string, string>>): IdCardField[];
  copy(field: IdCardField): Promise<CopyOutcome>;
}

export function createIdCardHelper(options: {
  /** The valid card held for this visitor, if any. */
  card: () => { fields: Readonly<Record<string, string>> } | undefined;
  now?: () => Date;
}): IdCardHelper {
  const now = options.now ?? (() => new Date());
  let site: VisitorSiteInput | undefined;
  return {
    attachSite(attached) {
      site = attached;
    },
    copyable(fields) {
      if (!site?.hasPage()) return [];
      const today = now();
      return ID_CARD_FIELDS.filter((field) => idCardValue(fields, field, today) !== null);
    },
    async copy(field) {
      const card = options.card();
      const value = card ? idCardValue(card.fields, field, now()) : null;
      if (!value) return 'no-value';
      if (!site) return 'no-site';
      return site.fillFocusedField(value);
    },
  };
}
