import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../native/describe-issues.js';
import {
  DEFAULT_SITES,
  defaultConfig,
  KioskConfig,
  receiptIdentity,
} from '../../../main/config/config-schema.js';

function problemsOf(input: unknown): string[] {
  const parsed = KioskConfig.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error);
}

describe('kiosk configuration schema', () => {
  it('gives a complete configuration from nothing (embedded defaults)', () => {
    expect(defaultConfig()).toEqual({
      kiosk: { id: 'borne-dev', siteName: 'Point d’accueil numérique' },
      languages: { default: 'fr', enabled: ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'uk', 'fa'] },
      session: { idleSeconds: 180, warningSeconds: 30 },
      browsing: { sites: DEFAULT_SITES },
      printing: {
        printers: [],
        receipt: {
          organisation: 'Association Borne',
          address: [],
          legalMentions: [],
          footer: 'Merci de votre visite',
        },
      },
      readers: {
        wedge: {
          enabled: false,
          role: 'id-card',
          layout: 'qwerty',
          prefix: '',
          suffix: 'Enter',
          minLength: 6,
          maxGapMs: 30,
        },
        hid: [],
      },
      staff: { members: [], pinAttempts: 3, lockoutMinutes: 5, idleMinutes: 10 },
      membership: { validityMonths: 6 },
      procedures: {},
      vouchers: { products: [], memberCard: 'optional', payments: ['cash', 'card', 'free'] },
      // CNIL's audience-measurement limits: 13 months of events, 25 of counts.
      usage: { rawMonths: 13, aggregateMonths: 25, maxMegabytes: 256 },
      openingHours: { timeZone: 'Europe/Paris', closedDates: [] },
      branding: { colour: '#0b3a82' },
      documents: {
        scanner: { dpi: 150, options: [], autoRotate: true },
        officePrinter: {},
        pagesPerVisit: 20,
        scanMaxMegabytes: 2,
      },
    });
  });

  it('names the ticket printer of the guided procedures among the printers', () => {
    const bad = KioskConfig.safeParse({ procedures: { ticketPrinter: 'visiteurs' } });
    expect(
      bad.success
        ? []
        : bad.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    ).toEqual(['procedures.ticketPrinter: no printer "visiteurs" in printing.printers']);
    const good = KioskConfig.parse({
      printing: { printers: [{ id: 'visiteurs', uri: 'tcp://10.0.0.5:9100' }] },
      procedures: {
        ticketPrinter: 'visiteurs',
        offered: ['caf-declaration-trimestrielle'],
        catalogueDir: 'procedures',
      },
    });
    expect(good.procedures).toEqual({
      ticketPrinter: 'visiteurs',
      offered: ['caf-declaration-trimestrielle'],
      catalogueDir: 'procedures',
    });
  });

  it('reads printers and the receipts identity, and says what is wrong with a printer address', () => {
    const config = KioskConfig.parse({
      printing: {
        printers: [{ id: 'desk', uri: 'tcp://192.168.1.50:9100', profile: 'generic-80' }],
        receipt: { organisation: 'Connexions Solidaires', siret: '123 456 789 00012' },
      },
    });
    expect(config.printing.printers).toEqual([
      { id: 'desk', uri: 'tcp://192.168.1.50:9100', profile: 'generic-80' },
    ]);
    expect(receiptIdentity(config)).toMatchObject({
      organisation: 'Connexions Solidaires',
      siret: '12345678900012',
      siteName: 'Point d’accueil numérique',
    });
    const bad = KioskConfig.safeParse({
      printing: { printers: [{ id: 'desk', uri: 'lpt1' }], receipt: { siret: '123' } },
    });
    expect(bad.success === false && describeIssues(bad.error)).toEqual([
      'printing.printers.0.uri: not a printer address: "lpt1" (tcp://10.0.0.5:9100, usb:///dev/usb/lp0 or serial:///dev/ttyUSB0?baud=38400)',
      'printing.receipt.siret: a SIRET has 14 digits',
    ]);
  });

  it('keeps the defaults of the fields a partial file leaves out', () => {
    const config = KioskConfig.parse({
      kiosk: { siteName: 'Paris 18e' },
      session: { idleSeconds: 120 },
    });
    expect(config.kiosk).toEqual({ id: 'borne-dev', siteName: 'Paris 18e' });
    expect(config.session).toEqual({ idleSeconds: 120, warningSeconds: 30 });
    expect(config.languages.default).toBe('fr');
  });

  it.each([
    [{ kiosk: { idd: 'x' } }, 'kiosk: Unrecognized key: "idd"'],
    [{ colour: 'red' }, '(top level): Unrecognized key: "colour"'],
    [{ languages: { default: 'de' } }, 'languages.default: Invalid option'],
    [
      { languages: { default: 'ar', enabled: ['fr'] } },
      'languages.default: the default language must be one of',
    ],
    [{ languages: { enabled: [] } }, 'languages.enabled:'],
    [{ languages: { enabled: ['fr', 'fr'] } }, 'languages.enabled: each language may appear once'],
    [{ kiosk: { id: 'Borne 1' } }, 'kiosk.id: lowercase letters, digits and dashes'],
    [{ kiosk: { siteName: '   ' } }, 'kiosk.siteName:'],
    [{ session: { idleSeconds: 5 } }, 'session.idleSeconds:'],
    [{ session: { warningSeconds: 1.5 } }, 'session.warningSeconds:'],
    [{ session: 'long' }, 'session:'],
    [[], '(top level):'],
    [{ browsing: { sites: [{ host: 'caf' }] } }, 'browsing.sites.0.host: a host name'],
    [
      { browsing: { sites: [{ host: 'www.caf.fr', pathPrefix: 'x' }] } },
      'browsing.sites.0.pathPrefix:',
    ],
    [{ browsing: { sites: [{ host: 'www.caf.fr', scheme: 'ftp' }] } }, 'browsing.sites.0.scheme:'],
  ])('names the bad field in %j', (input, expected) => {
    const problems = problemsOf(input);
    expect(problems.some((line) => line.startsWith(expected))).toBe(true);
  });
});
