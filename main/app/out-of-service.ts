/**
 * "Hors service": an admin locks a kiosk from the fleet console with a
 * message for visitors. Kept in the data folder so that a restart keeps it;
 * staff can still sign in. A visit in progress is not cut short: the lock
 * shows once it ends.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Lock = z.object({ message: z.string().min(1).max(200), since: z.iso.datetime() }).strict();
export type OutOfServiceLock = z.infer<typeof Lock>;

export class OutOfService {
  readonly #file: string;
  #lock: OutOfServiceLock | null = null;

  constructor(dataDir: string) {
    this.#file = join(dataDir, 'out-of-service.json');
    try {
      this.#lock = Lock.parse(JSON.parse(readFileSync(this.#file, 'utf8')));
    } catch {
      this.#lock = null;
    }
  }

  current = (): OutOfServiceLock | null => this.#lock;

  lock(message: string, now = new Date()): void {
    this.#lock = { message, since: now.toISOString() };
    writeFileSync(this.#file, JSON.stringify(this.#lock), { mode: 0o600 });
  }

  unlock(): void {
    this.#lock = null;
    rmSync(this.#file, { force: true });
  }
}
