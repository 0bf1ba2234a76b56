// The entry of dist/server/main.mjs (`npm run server`).
import { runServer } from './main.js';

runServer().catch((error: unknown) => {
  console.error(`borne server: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
