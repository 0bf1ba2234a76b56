#!/usr/bin/env node
// The `borne` command: runs the built CLI (npm start, npm test and npm run build build it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('borne: the CLI is not built yet. Run `npm run build` in the Borne folder first.');
  process.exit(2);
}
await import(cli.href);
