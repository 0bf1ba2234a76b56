/**
 * The visitor's browsing in Electron: a fresh in-memory partition per
 * visitor (no "persist:" prefix, so nothing reaches the disk), locked down
 * like every session. The reset clears it anyway — storage, caches, auth and
 * host-resolver caches — because a wipe API is never trusted alone, then
 * drops it and empties the clipboard. Types only from 'electron'.
 */
import type { Session } from 'electron';
import type { Wiper } from '../session/visitor-session.js';
import { type LockdownOptions, lockSession } from './lockdown.js';

export interface VisitorPartitionDeps {
  fromPartition: (partition: string) => Session;
  clearClipboard: () => void;
}

export class ElectronVisitorPartition implements Wiper {
  readonly name = 'visitor partition';
  #count = 0;
  #current: Session | null = null;

  constructor(
    private readonly deps: VisitorPartitionDeps,
    private readonly options: LockdownOptions,
  ) {}

  /** The current visitor's session; a new visitor gets a new one. */
  get session(): Session {
    if (!this.#current) {
      this.#count += 1;
      this.#current = this.deps.fromPartition(`visitor-${this.#count}`);
      lockSession(this.#current, this.options);
    }
    return this.#current;
  }

  async wipe(): Promise<void> {
    const session = this.#current;
    this.#current = null;
    this.deps.clearClipboard();
    if (!session) return;
    await session.clearData();
    await session.clearCache();
    await session.clearAuthCache();
    await session.clearHostResolverCache();
    await session.clearCodeCaches({});
  }
}
