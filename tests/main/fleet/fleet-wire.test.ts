/**
 * The fleet wire's pure parts: secrets sealed to a kiosk's key, kiosk
 * request signatures, signed commands, and the console's alerts.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCommand, verifyCommand } from '../../../main/fleet/fleet-protocol.js';
import { signRequest, verifyRequest } from '../../../main/fleet/request-signature.js';
import { open, seal } from '../../../main/fleet/sealed-box.js';
import { alertsOf } from '../../../server/alerts.js';

const NOW = new Date('2026-12-06T09:00:00Z');

describe('a sealed box', () => {
  it('opens with the kiosk’s key only, and not once altered', () => {
    const kiosk = generateKeyPairSync('x25519');
    const other = generateKeyPairSync('x25519');
    const box = seal(kiosk.publicKey, Buffer.from('site secret'));
    expect(box.ciphertext).not.toContain(Buffer.from('site secret').toString('base64'));
    expect(open(kiosk.privateKey, box).toString()).toBe('site secret');
    expect(() => open(other.privateKey, box)).toThrow();
    const flipped = Buffer.from(box.ciphertext, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() =>
      open(kiosk.privateKey, { ...box, ciphertext: flipped.toString('base64') }),
    ).toThrow();
  });
});

describe('a kiosk request signature', () => {
  const key = generateKeyPairSync('ed25519');
  const signed = signRequest({
    kioskId: 'borne-1',
    method: 'POST',
    path: '/api/kiosk/heartbeat',
    body: '{"a":1}',
    now: NOW,
    privateKey: key.privateKey,
  });
  const check = (changes: Partial<Parameters<typeof verifyRequest>[0]>) =>
    verifyRequest({
      method: 'POST',
      path: '/api/kiosk/heartbeat',
      body: '{"a":1}',
      time: signed['x-borne-time'],
      signature: signed['x-borne-signature'],
      now: NOW,
      publicKey: key.publicKey,
      ...changes,
    });

  it('holds for the exact request, and for nothing changed', () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: '{"a":2}' }).ok).toBe(false);
    expect(check({ path: '/api/kiosk/poll' }).ok).toBe(false);
    expect(check({ publicKey: generateKeyPairSync('ed25519').publicKey }).ok).toBe(false);
    expect(check({ now: new Date(NOW.getTime() + 6 * 60_000) })).toEqual({
      ok: false,
      detail: "the kiosk's clock is more than five minutes off",
    });
    expect(check({ signature: undefined })).toEqual({
      ok: false,
      detail: 'the request is not signed by a kiosk',
    });
  });
});

describe('a signed command', () => {
  const server = generateKeyPairSync('ed25519');
  const command = (kind: string, kioskId = 'borne-1') =>
    signCommand(
      {
        id: 'command-0001',
        kioskId,
        kind,
        issuedAt: NOW.toISOString(),
        expiresAt: new Date(NOW.getTime() + 60_000).toISOString(),
      },
      server.privateKey,
    );
  const verify = (body: string, now = NOW) =>
    verifyCommand(body, { publicKey: server.publicKey, kioskId: 'borne-1', now });

  it('is carried out only if signed by the pinned key, for this kiosk, in time, and known', () => {
    expect(verify(command('end-session'))).toMatchObject({
      ok: true,
      command: { kind: 'end-session' },
    });
    expect(verify(command('end-session', 'borne-2'))).toEqual({
      ok: false,
      id: 'command-0001',
      detail: 'la commande est pour la borne borne-2',
    });
    expect(verify(command('end-session'), new Date(NOW.getTime() + 61_000))).toMatchObject({
      ok: false,
      id: 'command-0001',
    });
    expect(verify(command('format-disk'))).toEqual({
      ok: false,
      id: 'command-0001',
      detail: 'commande inconnue : « format-disk »',
    });
    const forged = signCommand(
      {
        id: 'command-0002',
        kioskId: 'borne-1',
        kind: 'unlock',
        issuedAt: NOW.toISOString(),
        expiresAt: NOW.toISOString(),
      },
      generateKeyPairSync('ed25519').privateKey,
    );
    expect(verify(forged)).toEqual({ ok: false, detail: 'not signed by the pinned fleet key' });
  });
});

describe('the console’s alerts', () => {
  const at = NOW.getTime();
  const status = {
    appVersion: '0.1.0',
    session: 'visit' as const,
    lockMessage: null,
    printers: [
      { id: 'caisse', state: 'paper-out', ok: false },
      { id: 'a4', state: 'ready', ok: true },
    ],
    readers: [{ id: 'carte', state: 'disconnected' as const }],
    applied: {},
    bundles: [],
    configSource: 'fleet' as const,
    lastError: null,
    helpCalls: [new Date(at - 6 * 60_000).toISOString(), new Date(at - 60_000).toISOString()],
  };

  it('name a kiosk silent for more than 2 minutes, paper out, a reader unplugged, a call unanswered for 5 minutes', () => {
    expect(alertsOf({ lastSeen: at - 121_000, enrolledAt: 0 }, status, at)).toEqual([
      { kind: 'offline', since: at - 121_000 },
      { kind: 'paper-out', printer: 'caisse' },
      { kind: 'reader-unplugged', reader: 'carte' },
      { kind: 'help-unanswered', since: at - 6 * 60_000 },
    ]);
    expect(
      alertsOf(
        { lastSeen: at - 30_000, enrolledAt: 0 },
        { ...status, printers: [], readers: [], helpCalls: [] },
        at,
      ),
    ).toEqual([]);
  });
});
