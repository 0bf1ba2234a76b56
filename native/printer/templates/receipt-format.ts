/**
 * How money, dates and codes read on French tickets. Money is integer cents
 * everywhere (DESIGN §3); formatting is the last step.
 */
const TIME_ZONE = 'Europe/Paris';

/** 123456 → "1 234,56 €" (plain spaces: every printer code page has them). */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not a number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${euros},${String(absolute % 100).padStart(2, '0')} €`;
}

/** "23/11/2026 à 14:05" in Paris time, whatever the kiosk's clock zone. */
export function formatDateTime(when: Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} à ${part('hour')}:${part('minute')}`;
}

/** "2027-06-30" → "30/06/2027". */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}

/** A PIN or serial in groups of four, as people read them aloud: "1234 5678 9012". */
export function groupDigits(code: string, size = 4): string {
  return code.replace(/\s/g, '').replace(new RegExp(`(.{${size}})(?=.)`, 'g'), '$1 ');
}

/** "12345678900012" → "123 456 789 00012" (SIREN by threes, then the NIC). */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
