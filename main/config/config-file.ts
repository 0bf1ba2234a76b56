import { readFileSync } from 'node:fs';
import type { ConfigStatus } from '../contract/ipc-contract.js';
import { describeIssues } from '../../native/describe-issues.js';
import { defaultConfig, KioskConfig } from './config-schema.js';

export type ConfigCheck = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

export interface LoadedConfig {
  config: KioskConfig;
  status: ConfigStatus;
}

/** Parses and validates configuration text. Never throws. */
export function checkConfigText(text: string): ConfigCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [describeJsonError(text, error)] };
  }
  const parsed = KioskConfig.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  return { ok: true, config: parsed.data };
}

/**
 * Loads the configuration file. A missing file means defaults; an unreadable
 * or invalid file also means defaults, with the problems said, so the kiosk
 * always starts.
 */
export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problems = code === 'ENOENT' ? [] : [`cannot read the file (${code ?? String(error)})`];
    return { config: defaultConfig(), status: { source: 'defaults', path, problems } };
  }
  const check = checkConfigText(text);
  if (!check.ok) {
    return {
      config: defaultConfig(),
      status: { source: 'defaults', path, problems: check.problems },
    };
  }
  return { config: check.config, status: { source: 'file', path, problems: [] } };
}

/** The one line a host prints at start about its configuration. */
export function describeLoadedConfig(loaded: LoadedConfig): string {
  const { status } = loaded;
  if (status.source === 'file') return `Configuration: ${status.path}`;
  if (status.source === 'fleet') return 'Configuration: from the fleet server (signed bundles)';
  if (status.problems.length === 0)
    return `Configuration: ${status.path} not found, using defaults`;
  return [
    `Configuration: ${status.path} is invalid, starting on defaults:`,
    ...status.problems.map((problem) => `  - ${problem}`),
  ].join('\n');
}

/** "line 3, column 14: Unexpected token …" from a JSON.parse error. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return `not valid JSON: ${message}`;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '');
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}
