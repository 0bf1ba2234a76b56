// `npm run audit -- <name> [args]`: builds, then runs tests/audit/<name>.ts with tsx.
// `npm run audit -- screens [fr,ar]` walks every visitor screen (see tests/audit/screens.ts).
import { runNamedScript } from './named-script.mjs';

runNamedScript('audit', 'audit');
