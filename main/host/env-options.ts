/** Start options read from the environment, shared by both hosts. */
export interface StartOptions {
  port: number;
  headless: boolean;
}

export const DEFAULT_PORT = 5180;

export function readStartOptions(env: NodeJS.ProcessEnv = process.env): StartOptions {
  const raw = env.BORNE_PORT;
  let port = DEFAULT_PORT;
  if (raw !== undefined && raw !== '') {
    port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(
        `BORNE_PORT must be a port number from 0 to 65535 (0 = any free port), not "${raw}"`,
      );
    }
  }
  return { port, headless: env.BORNE_HEADLESS === '1' };
}

export function readyLine(url: string): string {
  return `Borne ready: ${url}`;
}
