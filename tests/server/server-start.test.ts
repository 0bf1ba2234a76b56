/**
 * `borne server` as an admin starts it: the ready line, the one-time setup
 * token printed once, and two server processes sharing one PostgreSQL
 * database behind a load balancer (a change made through one is read
 * through the other).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleUser, removeDir } from '../support/fleet-server.js';
import { type PostgresCluster, startPostgres } from '../support/postgres-cluster.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];
let cluster: PostgresCluster | undefined;

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  cluster?.stop();
  dirs.forEach(removeDir);
});

/** Starts `borne server` and waits (10 s at most) for its ready line. */
function borneServer(env: Record<string, string>): Promise<{ url: string; output: string }> {
  const child = spawn(process.execPath, ['bin/borne.mjs', 'server'], {
    env: { ...process.env, BORNE_SERVER_PORT: '0', BORNE_SERVER_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 10 s:\n${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Borne fleet server ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1] as string, output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

describe('borne server', { timeout: 30_000 }, () => {
  it('starts on embedded SQLite, prints its setup token once, and asks for the first admin', async () => {
    const data = mkdtempSync(join(tmpdir(), 'borne-server-'));
    dirs.push(data);
    const first = await borneServer({ BORNE_SERVER_DATA: data });
    const token = /one-time setup token: (\S+)/.exec(first.output)?.[1];
    expect(token).toMatch(/^[\w-]{24}$/);
    expect((await consoleUser(first.url).call('GET', '/api/admin/setup')).body).toEqual({
      needed: true,
    });
    children.pop()?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await borneServer({ BORNE_SERVER_DATA: data });
    expect(second.output).not.toMatch(/setup token/);
  });

  it('runs as several processes sharing one PostgreSQL database', async () => {
    cluster = await startPostgres();
    const data = mkdtempSync(join(tmpdir(), 'borne-server-pg-'));
    dirs.push(data);
    const env = {
      BORNE_SERVER_DATA: data,
      BORNE_SERVER_DATABASE: cluster.url,
      BORNE_SERVER_INSECURE_COOKIES: '1',
    };
    const one = await borneServer(env);
    const two = await borneServer(env);
    const token = /one-time setup token: (\S+)/.exec(one.output + two.output)?.[1];
    const onOne = consoleUser(one.url);
    expect(
      (
        await onOne.call('POST', '/api/admin/setup', {
          token,
          username: 'camille',
          password: 'un mot de passe long',
        })
      ).status,
    ).toBe(201);
    await onOne.login('camille', 'un mot de passe long');
    expect(
      (await onOne.call('POST', '/api/admin/sites', { id: 'lyon-8', name: 'Lyon 8e' })).status,
    ).toBe(201);
    const onTwo = consoleUser(two.url);
    await onTwo.login('camille', 'un mot de passe long');
    expect((await onTwo.call('GET', '/api/admin/sites')).body.sites).toEqual([
      { id: 'lyon-8', name: 'Lyon 8e' },
    ]);

    const otherKey = mkdtempSync(join(tmpdir(), 'borne-server-pg-other-'));
    dirs.push(otherKey);
    await expect(borneServer({ ...env, BORNE_SERVER_DATA: otherKey })).rejects.toThrow(
      /configuration-signing key is not the one the database was set up with/,
    );
  });
});
