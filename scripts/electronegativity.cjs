// Runs @doyensec/electronegativity (Electron security linter) on the built
// Electron code. Its 1.10.3 release requires 'commander' without declaring it
// and expects the v2 API; Borne's own CLI uses a current commander. This
// points electronegativity alone at commander 2 (installed as commander-v2).
// Usage: node scripts/electronegativity.cjs <electronegativity args…>
const Module = require('node:module');

const original = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  if (request === 'commander' && parent?.filename?.includes('@doyensec/electronegativity')) {
    return original.call(this, 'commander-v2', parent, ...rest);
  }
  return original.call(this, request, parent, ...rest);
};
process.argv.splice(1, 1, require.resolve('@doyensec/electronegativity/dist/index.js'));
require('@doyensec/electronegativity/dist/index.js');
