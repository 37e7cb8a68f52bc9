/**
 * When each device was last on the board, for its member's list of devices ("connected now",
 * "last used 14:02"), kept off the connection's path. Which devices hold a connection is counted
 * in memory; the times are stored a second after they change, all in one transaction. A sign-in
 * stores its time only where the stored one is older than USE_NOTED_AFTER_MS, and a device's last
 * connection closing stores when it closed. A crash can lose the last second of them: they tell
 * a member which device is which, and are no record (docs/DEPLOY.md).
 */
import type { DevicesRepository } from '../store/devices-repository.ts';

/** A sign-in stores its time only where the one known is older than this. */
export const USE_NOTED_AFTER_MS = 5 * 60_000;

/** How long a changed time waits, so that a reconnecting crowd's are stored together. */
const STORE_AFTER_MS = 1_000;

export class DeviceUse {
  readonly #devices: DevicesRepository;
  readonly #onStoreFailed: (error: unknown) => void;
  /** Open connections of each device with any, over both transports. */
  readonly #connections = new Map<string, number>();
  /** Times not stored yet, by device. */
  readonly #unstored = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(devices: DevicesRepository, onStoreFailed: (error: unknown) => void) {
    this.#devices = devices;
    this.#onStoreFailed = onStoreFailed;
  }

  /** The device signed in (a connection or a board call); `storedAt` as the store had it. */
  signedIn(device: string, storedAt: number | null): void {
    const now = Date.now();
    if (now - this.lastUsedAt(device, storedAt) >= USE_NOTED_AFTER_MS) this.#note(device, now);
  }

  /** Counts a connection of the device's; the returned function lets it go (once). */
  connected(device: string): () => void {
    this.#connections.set(device, (this.#connections.get(device) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#connections.get(device) ?? 1) - 1;
      if (left > 0) return void this.#connections.set(device, left);
      this.#connections.delete(device);
      this.#note(device, Date.now());
    };
  }

  isConnected(device: string): boolean {
    return this.#connections.has(device);
  }

  /** The latest time known for the device, stored or not yet; 0 where none. */
  lastUsedAt(device: string, storedAt: number | null): number {
    return Math.max(storedAt ?? 0, this.#unstored.get(device) ?? 0);
  }

  /** Stores the times not stored yet. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#unstored.size === 0) return;
    const uses = [...this.#unstored];
    this.#unstored.clear();
    try {
      this.#devices.noteUses(uses);
    } catch (error) {
      this.#onStoreFailed(error);
    }
  }

  /** Stores what is left, before the database closes; later times are not kept. */
  close(): void {
    this.flush();
    this.#closed = true;
  }

  #note(device: string, at: number): void {
    if (this.#closed) return;
    this.#unstored.set(device, at);
    this.#timer ??= setTimeout(() => this.flush(), STORE_AFTER_MS).unref();
  }
}
