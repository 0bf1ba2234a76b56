import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  isExternalProtocol,
  type NavigationPolicy,
} from '../../../main/shell/navigation-policy.js';

const policy: NavigationPolicy = {
  appOrigin: 'http://127.0.0.1:5180',
  sites: [
    { scheme: 'https', host: 'www.caf.fr', pathPrefix: '/' },
    { scheme: 'https', host: '*.ameli.fr', pathPrefix: '/' },
    { scheme: 'https', host: 'www.impots.gouv.fr', pathPrefix: '/particulier' },
    { scheme: 'http', host: '127.0.0.1', pathPrefix: '/', port: 8081 },
  ],
};

describe('navigation policy', () => {
  it.each([
    ['http://127.0.0.1:5180/', 'allow', 'app'],
    ['https://www.caf.fr/allocataires/mon-compte', 'allow', 'site'],
    ['https://WWW.CAF.FR/', 'allow', 'site'],
    ['https://assure.ameli.fr/PortailAS', 'allow', 'site'],
    ['https://www.impots.gouv.fr/particulier', 'allow', 'site'],
    ['https://www.impots.gouv.fr/particulier/questions', 'allow', 'site'],
    ['about:blank', 'allow', 'blank'],
    ['http://127.0.0.1:8081/test-site', 'allow', 'site'],
  ])('allows %s', (url, action, target) => {
    expect(decideNavigation(url, policy)).toEqual({ action, target });
  });

  it.each([
    ['https://ameli.fr/', 'not-allowed'], // *.ameli.fr is subdomains only
    ['https://www.caf.fr.evil.example/', 'not-allowed'],
    ['https://evil.example/www.caf.fr', 'not-allowed'],
    ['https://www.caf.fr@evil.example/', 'credentials'], // host is evil.example
    ['https://user:pw@www.caf.fr/', 'credentials'],
    ['http://www.caf.fr/', 'not-allowed'], // scheme is part of the rule
    ['https://www.caf.fr:8443/', 'not-allowed'],
    ['https://www.impots.gouv.fr/particulier-pro', 'not-allowed'],
    ['https://www.impots.gouv.fr/particulier/../professionnel', 'not-allowed'],
    ['https://www.impots.gouv.fr/%70articulier/x', 'not-allowed'],
    ['https://www.impots.gouv.fr/professionnel', 'not-allowed'],
    ['http://127.0.0.1:5181/', 'not-allowed'],
    ['http://localhost:5180/', 'not-allowed'],
    ['http://127.0.0.1:8082/', 'not-allowed'],
    ['http://127.0.0.1/', 'not-allowed'],
    ['javascript:alert(document.cookie)', 'blocked-scheme'],
    ['JaVaScRiPt:alert(1)', 'blocked-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'blocked-scheme'],
    ['file:///etc/passwd', 'blocked-scheme'],
    ['chrome://settings', 'blocked-scheme'],
    ['chrome://crash', 'blocked-scheme'],
    ['devtools://devtools/bundled/inspector.html', 'blocked-scheme'],
    ['view-source:https://www.caf.fr/', 'blocked-scheme'],
    ['about:config', 'blocked-scheme'],
    ['filesystem:https://www.caf.fr/temporary/x', 'blocked-scheme'],
    ['mailto:contact@caf.fr', 'external-protocol'],
    ['tel:3230', 'external-protocol'],
    ['intent://scan/#Intent;scheme=zxing;end', 'external-protocol'],
    ['ms-word:ofe|u|https://x/doc.docx', 'external-protocol'],
    ['steam://run/1', 'external-protocol'],
    ['not a url', 'malformed'],
    ['', 'malformed'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(decideNavigation(url, policy)).toEqual({ action: 'deny', reason });
  });

  it('lets a page open its own blob: URLs, never another origin’s', () => {
    const blob = 'blob:https://www.caf.fr/0f1e2d3c-aaaa-bbbb-cccc-123456789abc';
    expect(decideNavigation(blob, policy, 'https://www.caf.fr/attestation')).toEqual({
      action: 'allow',
      target: 'site',
    });
    expect(decideNavigation(blob, policy, 'https://assure.ameli.fr/')).toEqual({
      action: 'deny',
      reason: 'foreign-blob',
    });
    expect(decideNavigation(blob, policy)).toEqual({ action: 'deny', reason: 'foreign-blob' });
  });

  it('names the protocols that would hand off to another program', () => {
    expect(isExternalProtocol('mailto:a@b.c')).toBe(true);
    expect(isExternalProtocol('https://www.caf.fr/')).toBe(false);
  });

  it('never allows a URL whose host is not on the list (any string)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const decision = decideNavigation(url, policy);
        if (decision.action === 'allow') {
          const host = new URL(url).hostname;
          expect(
            host === 'www.caf.fr' || host.endsWith('.ameli.fr') || host === 'www.impots.gouv.fr',
          ).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decideNavigation(text, policy)).not.toThrow();
      }),
    );
  });
});
