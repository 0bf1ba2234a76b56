import { describe, expect, it } from 'vitest';
import catalogue from './escape-catalogue.json';

describe('escape catalogue', () => {
  it('lists at least 35 distinct vectors, each with how it is blocked and where it is tested', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(35);
    expect(new Set(catalogue.map((vector) => vector.id)).size).toBe(catalogue.length);
    for (const vector of catalogue) {
      expect(vector.id).toMatch(/^E\d{2}$/);
      expect(vector.vector.length).toBeGreaterThan(5);
      expect(vector.blockedBy.length).toBeGreaterThan(5);
      expect(vector.test).toMatch(/^(electron|chromium)(, (electron|chromium))?$/);
    }
  });
});
