import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Procedure } from '../../../main/procedures/procedure-schema.js';
import {
  chooseStep,
  elementSelectors,
  globMatches,
  locateStep,
  matchingSteps,
} from '../../../main/procedures/step-matcher.js';
import { matchesRule } from '../../../main/shell/navigation-policy.js';

const demo = Procedure.parse(
  JSON.parse(
    readFileSync(join(process.cwd(), 'tests/fixtures/procedures/demo-attestation.json'), 'utf8'),
  ),
);
const page = (url: string, title = '', elements: string[] = []) => ({ url, title, elements });

describe('which step a page is', () => {
  it.each([
    [
      'the login form, seen in the isolated world',
      page('https://connexion.example.fr/login/etape-1', 'Connexion', ['#identifiant']),
      [0],
    ],
    [
      'the login page before its form appears',
      page('https://connexion.example.fr/login/etape-1', 'Connexion'),
      [],
    ],
    [
      'the code page, by its title in any case',
      page('https://connexion.example.fr/login/code', 'CODE DE VÉRIFICATION – Démo'),
      [1],
    ],
    [
      'the code page with another title',
      page('https://connexion.example.fr/login/code', 'Erreur'),
      [],
    ],
    [
      'the account home, by a query parameter pattern',
      page('https://demo.example.fr/compte?page=accueil-2', 'Accueil'),
      [2],
    ],
    [
      'the account home with another page parameter',
      page('https://demo.example.fr/compte?page=profil', 'Profil'),
      [],
    ],
    [
      'a certificate page, by a path pattern',
      page('https://demo.example.fr/compte/attestations/droits?x=1', ''),
      [3],
    ],
    [
      'a single-page site showing the list',
      page('https://demo.example.fr/compte?page=accueil', '', ['.liste-attestations']),
      [2, 3],
    ],
    [
      'the same path on another scheme',
      page('http://demo.example.fr/compte/attestations/droits', ''),
      [],
    ],
    [
      'the same path with a port',
      page('https://demo.example.fr:8443/compte/attestations/droits', ''),
      [],
    ],
    [
      'a look-alike host',
      page('https://demo.example.fr.evil.example/compte/attestations/x', ''),
      [],
    ],
    [
      'the login host outside its allowed path',
      page('https://connexion.example.fr/admin/login/x', '', ['#identifiant']),
      [],
    ],
    ['not a URL', page('pas une adresse', ''), []],
  ])('%s', (_what, observed, steps) => {
    expect(matchingSteps(demo, observed)).toEqual(steps);
  });

  it('lists the selectors to probe once each', () => {
    expect(elementSelectors(demo)).toEqual(['#identifiant', '.liste-attestations']);
  });

  it('globs: * stands for anything, the rest is literal', () => {
    expect(globMatches('/a/*/c', '/a/b/x/c')).toBe(true);
    expect(globMatches('/a.b', '/axb')).toBe(false);
    expect(globMatches('/a(b)?', '/a(b)?')).toBe(true);
    expect(globMatches('accueil*', 'accueil')).toBe(true);
  });
});

describe('where the guide goes', () => {
  it.each<[number[], number, number | null, string]>([
    [[2, 3], 2, 2, 'stays on the current step when the page is one of its'],
    [[2, 3], 0, 2, 'goes to the nearest step ahead'],
    [[0, 1], 3, 1, 'goes back to the nearest step behind (the visitor went back)'],
    [[], 1, null, 'stays put on an unknown page'],
  ])('%j from %i → %j (%s)', (candidates, current, expected) => {
    expect(chooseStep(candidates, current)).toBe(expected);
  });

  it('follows the site forward and back', () => {
    const path = [
      page('https://connexion.example.fr/login/a', '', ['#identifiant']),
      page('https://connexion.example.fr/login/code', 'Code de vérification'),
      page('https://demo.example.fr/compte?page=accueil'),
      page('https://demo.example.fr/compte/attestations/droits'),
      page('https://demo.example.fr/compte?page=accueil'),
    ];
    const steps: (number | null)[] = [];
    let current = 0;
    for (const observed of path) {
      const step = locateStep(demo, observed, current);
      steps.push(step);
      if (step !== null) current = step;
    }
    expect(steps).toEqual([0, 1, 2, 3, 2]);
  });
});

describe('property: a page outside the procedure’s sites never matches', () => {
  const hosts = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'demo.example.fr',
        'connexion.example.fr',
        'example.fr',
        'demo.example.fr.evil.com',
        'xdemo.example.fr',
        'www.caf.fr',
      ),
    },
    { weight: 1, arbitrary: fc.domain() },
  );
  const paths = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '/login/code',
        '/compte',
        '/compte/attestations/x',
        '/login/a',
        '/',
      ),
    },
    { weight: 1, arbitrary: fc.webPath() },
  );
  const ports = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) },
  );
  const titles = fc.oneof(fc.constant('Code de vérification'), fc.string());
  it('whatever the path, title and elements', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'https', 'https', 'http'),
        hosts,
        ports,
        paths,
        titles,
        fc.subarray(['#identifiant', '.liste-attestations']),
        (scheme, host, port, path, title, elements) => {
          const url = `${scheme}://${host}${port ? `:${port}` : ''}${path.startsWith('/') ? path : `/${path}`}?page=accueil`;
          const found = matchingSteps(demo, { url, title, elements });
          if (found.length === 0) return;
          matched += 1;
          const parsed = new URL(url);
          expect(demo.sites.some((site) => matchesRule(parsed, site))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    // The property was tested on real matches, not only on refusals.
    expect(matched).toBeGreaterThan(20);
  });
});
