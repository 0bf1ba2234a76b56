import type { Reporter, TestModule } from 'vitest/node';
import catalogue from '../escape/escape-catalogue.json';

/**
 * Matches test results to the escape catalogue (tests/escape/escape-catalogue.json)
 * by the `[Exx]` their names start with. A vector counts as blocked when it has
 * tests and all of them passed. Prints `escape vectors: <blocked> blocked of <total>`
 * and fails the run unless every vector is blocked.
 */
export default class EscapeReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const results = new Map<string, boolean[]>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const id = /^\[(E\d+)\]/.exec(test.name)?.[1];
        if (!id) continue;
        const list = results.get(id) ?? [];
        list.push(test.result().state === 'passed');
        results.set(id, list);
      }
    }
    if (results.size === 0) return; // a run without the escape tests says nothing about them
    const blocked = catalogue.filter((vector) => results.get(vector.id)?.every(Boolean) === true);
    const untested = catalogue
      .filter((vector) => !results.has(vector.id))
      .map((vector) => vector.id);
    const unknown = [...results.keys()].filter(
      (id) => !catalogue.some((vector) => vector.id === id),
    );
    if (untested.length > 0)
      process.stdout.write(`\nescape vectors without a test: ${untested.join(', ')}\n`);
    if (unknown.length > 0)
      process.stdout.write(`\ntests naming no catalogued vector: ${unknown.join(', ')}\n`);
    process.stdout.write(`\nescape vectors: ${blocked.length} blocked of ${catalogue.length}\n`);
    if (blocked.length !== catalogue.length || unknown.length > 0) process.exitCode = 1;
  }
}
