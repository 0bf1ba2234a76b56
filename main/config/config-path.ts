import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the kiosk reads its local configuration: $BORNE_CONFIG when set
 * (the kiosk session sets /etc/borne/config.json), otherwise the user's
 * XDG configuration folder.
 */
export function resolveConfigPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.BORNE_CONFIG) return env.BORNE_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(base, 'borne', 'config.json');
}
