/**
 * `borne enroll <server-url> <code>`: joins this kiosk to a fleet server's
 * site with a one-time code an admin made in the console. `borne server`:
 * runs the fleet server itself (same as `npm run server`).
 */
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { dataDir } from '../app/paths.js';
import { BORNE_VERSION } from '../app/version.js';
import { enrolKiosk } from '../fleet/enrolment.js';
import type { CliIo, SetExitCode } from './cli-io.js';

export function addFleetCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('enroll')
    .description("join a fleet server's site with a one-time code from its console")
    .argument('<server-url>', 'the fleet server, e.g. https://flotte.example.org/')
    .argument('<code>', 'the enrolment code, XXXX-XXXX-XXXX-XXXX')
    .option('--name <name>', 'how the console names this kiosk', hostname())
    .action(async (serverUrl: string, code: string, options: { name: string }) => {
      let url: URL;
      try {
        url = new URL(serverUrl);
        if (!['http:', 'https:'].includes(url.protocol)) throw new Error('not http');
      } catch {
        io.err(`"${serverUrl}" is not a server address (https://…)\n`);
        return setExitCode(2);
      }
      const result = await enrolKiosk({
        serverUrl: url.href,
        code,
        dataDir: dataDir(),
        name: options.name.slice(0, 80) || 'Borne',
        appVersion: BORNE_VERSION,
      });
      if (!result.ok) {
        io.err(`enrolment failed (${result.problem}): ${result.detail}\n`);
        return setExitCode(1);
      }
      io.out(`enrolled as ${result.kioskId} in site ${result.siteId} (${result.siteName})\n`);
      for (const file of result.keptSecrets) {
        io.err(
          `warning: ${file} already existed and differs from the site's: kept it. ` +
            "Move it away and enrol again to use the site's.\n",
        );
      }
      setExitCode(result.keptSecrets.length > 0 ? 1 : 0);
    });

  program
    .command('server')
    .description(
      'run the fleet server (BORNE_SERVER_PORT, BORNE_SERVER_DATA, BORNE_SERVER_DATABASE)',
    )
    .action(async () => {
      const { runServer } = await import('../../server/main.js');
      await runServer();
    });
}
