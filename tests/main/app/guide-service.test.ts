/**
 * The guide service with a fake site (what a host lends it) and the real
 * printing stack on the virtual printer: starting a procedure opens its
 * site, the pages the site shows move the guide, the layout follows, usage
 * is recorded, and the summary ticket prints without personal data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGuideService,
  type GuideService,
  type GuideSite,
  type SiteOpenResult,
  type SiteWatch,
} from '../../../main/app/guide-service.js';
import { createPrintingService } from '../../../main/app/printing-service.js';
import { KioskConfig } from '../../../main/config/config-schema.js';
import type { ScreenLayout } from '../../../main/shell/split-layout.js';
import { RecordingUsageLog } from '../../support/usage-recorder.js';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'procedures');

class FakeSite implements GuideSite {
  opened: string[] = [];
  layouts: ScreenLayout[] = [];
  closed = 0;
  watch: SiteWatch | undefined;
  answer: SiteOpenResult = { ok: true };
  open(url: string, watch: SiteWatch) {
    this.opened.push(url);
    this.watch = watch;
    return Promise.resolve(this.answer);
  }
  close() {
    this.closed += 1;
    return Promise.resolve();
  }
  layout(layout: ScreenLayout) {
    this.layouts.push(layout);
    return Promise.resolve();
  }
  show(url: string, title = '', elements: string[] = []) {
    this.watch?.onPage({ url, title, elements });
  }
}

let dir: string;
let printer: VirtualPrinter | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-guide-'));
});
afterEach(async () => {
  await printer?.close();
  printer = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function guideOn(config: unknown = {}) {
  const parsed = KioskConfig.parse(config);
  const usage = new RecordingUsageLog();
  const printing = createPrintingService({
    config: parsed,
    baseDir: dir,
    dataDir: dir,
    log: () => {},
  });
  const changes: string[] = [];
  const site = new FakeSite();
  const guide: GuideService = createGuideService({
    config: () => parsed,
    configDir: () => dir,
    builtInDir: FIXTURES,
    usage,
    printing,
    onChange: (view) => changes.push(JSON.stringify(view)),
    now: () => new Date(2026, 11, 2, 14, 37),
  });
  guide.attachSite(site);
  return { guide, site, usage, changes, printing };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guide service', () => {
  it('opens the site beside the guide and follows the pages it shows', async () => {
    const { guide, site, changes } = guideOn();
    const started = await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    expect(started).toMatchObject({
      state: 'guiding',
      stepIndex: 0,
      stepCount: 4,
      site: 'opening',
    });
    await settle();
    expect(site.opened).toEqual(['https://demo.example.fr/compte']);
    expect(site.watch?.selectors).toEqual(['#identifiant', '.liste-attestations']);
    expect(guide.view()).toMatchObject({ site: 'open' });
    expect(site.layouts.at(-1)).toEqual({ mode: 'split', direction: 'ltr' });
    expect(guide.activeSites().map((rule) => rule.host)).toEqual([
      'demo.example.fr',
      'connexion.example.fr',
    ]);

    site.show('https://connexion.example.fr/login/code', 'Code de vérification');
    expect(guide.view()).toMatchObject({ stepIndex: 1, recognised: true });
    site.show('https://demo.example.fr/aide');
    expect(guide.view()).toMatchObject({ stepIndex: 1, recognised: false });
    const before = changes.length;
    site.show('https://demo.example.fr/aide');
    expect(changes).toHaveLength(before); // the same unknown page again changes nothing
  });

  it('puts the guide on the right in Arabic, and the whole screen to the kiosk under a dialog', async () => {
    const { guide, site } = guideOn();
    await guide.handlers['session.language']({ language: 'ar' });
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    await settle();
    expect(site.layouts.at(-1)).toEqual({ mode: 'split', direction: 'rtl' });
    await guide.handlers['guide.overlay']({ open: true });
    expect(site.layouts.at(-1)).toEqual({ mode: 'full' });
    await guide.handlers['guide.overlay']({ open: false });
    expect(site.layouts.at(-1)).toEqual({ mode: 'split', direction: 'rtl' });
  });

  it('says when the site does not answer, and tries again on request', async () => {
    const { guide, site } = guideOn();
    site.answer = { ok: false, reason: 'net::ERR_NAME_NOT_RESOLVED' };
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    await settle();
    expect(guide.view()).toMatchObject({ state: 'guiding', site: 'unreachable' });
    expect(site.layouts.at(-1)).toEqual({ mode: 'full' });
    // The browser's own error page is not the site coming back.
    site.show('chrome-error://chromewebdata/');
    expect(guide.view()).toMatchObject({ site: 'unreachable' });
    site.answer = { ok: true };
    await guide.handlers['guide.retry']({});
    await settle();
    expect(site.opened).toHaveLength(2);
    expect(guide.view()).toMatchObject({ site: 'open' });
  });

  it('keeps a step chosen by hand while the site shows the same page', async () => {
    const { guide, site } = guideOn();
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    site.show('https://connexion.example.fr/login/a', 'Connexion', ['#identifiant']);
    await guide.handlers['guide.move']({ direction: 'next' });
    site.show('https://connexion.example.fr/login/a', 'Connexion', ['#identifiant']);
    expect(guide.view()).toMatchObject({ stepIndex: 1 });
    site.show('https://demo.example.fr/compte?page=accueil');
    expect(guide.view()).toMatchObject({ stepIndex: 2 });
  });

  it('ignores what a site opened for an earlier procedure reports', async () => {
    const { guide, site } = guideOn();
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    const earlier = site.watch;
    await guide.handlers['guide.leave']({});
    earlier?.onPage({
      url: 'https://demo.example.fr/compte/attestations/x',
      title: '',
      elements: [],
    });
    earlier?.onUnreachable('late');
    expect(guide.view()).toEqual({ state: 'none' });
    expect(site.closed).toBe(1);
  });

  it('records usage without anything personal, and abandons at the reset', async () => {
    const { guide, site, usage } = guideOn();
    await guide.handlers['session.language']({ language: 'en' });
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    site.show('https://connexion.example.fr/login/a', 'Connexion', ['#identifiant']);
    site.show('https://connexion.example.fr/login/code', 'Code de vérification');
    await guide.handlers['guide.help']({ ask: 'problems' });
    await guide.handlers['guide.help']({ ask: 'volunteer' });
    await guide.wipe();
    expect(usage.events).toEqual([
      {
        kind: 'procedure-started',
        procedureId: 'demo-attestation',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
      {
        kind: 'step-reached',
        procedureId: 'demo-attestation',
        stepId: 'login',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
      {
        kind: 'step-reached',
        procedureId: 'demo-attestation',
        stepId: 'code',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
      {
        kind: 'help-asked',
        procedureId: 'demo-attestation',
        stepId: 'code',
        outcome: 'problems',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
      {
        kind: 'help-asked',
        procedureId: 'demo-attestation',
        stepId: 'code',
        outcome: 'volunteer',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
      {
        kind: 'procedure-abandoned',
        procedureId: 'demo-attestation',
        stepId: 'code',
        language: 'en',
        day: '2026-12-02',
        hour: 14,
      },
    ]);
    expect(guide.view()).toEqual({ state: 'none' });
  });

  it('gives the catalogue in the visitor’s language, whole procedures in French otherwise', async () => {
    const { guide } = guideOn();
    const ar = await guide.handlers['procedures.catalogue']({ language: 'ar' });
    expect(ar.procedures[0]).toMatchObject({ language: 'ar', title: 'الحصول على شهادة' });
    expect(ar.procedures[0]?.steps[1]?.text).toBe('اكتب الرمز الذي وصلك بالبريد الإلكتروني.');
    expect(() => guide.handlers['guide.start']({ procedureId: 'absent' })).toThrow(
      'no procedure "absent" is offered here',
    );
  });

  it('offers only the configured procedures', async () => {
    const { guide } = guideOn({ procedures: { offered: ['caf-rsa'] } });
    expect((await guide.handlers['procedures.catalogue']({ language: 'fr' })).procedures).toEqual(
      [],
    );
  });

  it('prints the summary ticket in French, with no personal data, once', async () => {
    printer = await startVirtualPrinter();
    const { guide, usage, printing } = guideOn({
      printing: {
        printers: [
          { id: 'visiteurs', uri: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-80' },
        ],
      },
    });
    await guide.handlers['guide.start']({ procedureId: 'demo-attestation' });
    expect(await guide.handlers['guide.finish']({})).toEqual({
      state: 'finished',
      procedureId: 'demo-attestation',
      ticket: 'ready',
    });
    expect(usage.events.at(-1)).toMatchObject({ kind: 'procedure-completed', stepId: 'login' });
    expect(await guide.handlers['guide.print']({})).toMatchObject({ ticket: 'printed' });
    expect(await guide.handlers['guide.print']({})).toMatchObject({ ticket: 'printed' });
    expect(printer.jobs).toHaveLength(1);
    const lines = interpretEscPos(printer.jobs[0] ?? Buffer.alloc(0))
      .elements.filter((element) => element.kind === 'line')
      .map((element) => element.text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Obtenir une attestation',
        '- Attestation téléchargée',
        // The printer's code page has no typographic apostrophe.
        "- Imprimez-la à l'accueil",
        'Le site : demo.example.fr',
        'Ce ticket ne contient aucune donnée personnelle.',
      ]),
    );
    printing.dispose();
  });
});
