// `npm run bench -- <name>`: builds, then runs tests/bench/<name>.ts with tsx.
// Each bench prints its figures and, as its last line, one JSON object.
import { runNamedScript } from './named-script.mjs';

runNamedScript('bench', 'bench');
