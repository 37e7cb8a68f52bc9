/**
 * How many live connections each member holds, over both transports together. A member opens a
 * few: a tab's board and, during silent writing, its private document, in a few tabs, and for a
 * while a dropped one the server has not yet noticed. Hundreds on one token are not a person
 * but a script, each costing the server memory (QA: 800 on one viewer's token took 157 MB).
 * Each connection is counted for its device too, for the member's list of devices (device-use.ts).
 */
import type { DeviceUse } from '../boards/device-use.ts';
import { RateLimitError } from '../errors.ts';

/** Connections one member may hold at once. */
export const MAX_CONNECTIONS_PER_MEMBER = 20;

export class MemberConnections {
  readonly #open = new Map<string, number>();
  readonly #deviceUse: DeviceUse;

  constructor(deviceUse: DeviceUse) {
    this.#deviceUse = deviceUse;
  }

  /**
   * Counts a new connection of `memberId` from `device`, or refuses it (`rate_limited`) when the
   * member holds the most already. The returned function lets it go; calling it again does nothing.
   */
  admit(memberId: string, device: string): () => void {
    const held = this.#open.get(memberId) ?? 0;
    if (held >= MAX_CONNECTIONS_PER_MEMBER) {
      throw new RateLimitError(
        5,
        `This member has ${held} connections open already; close some tabs or wait a moment.`,
      );
    }
    this.#open.set(memberId, held + 1);
    const releaseDevice = this.#deviceUse.connected(device);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      releaseDevice();
      const left = (this.#open.get(memberId) ?? 1) - 1;
      if (left > 0) this.#open.set(memberId, left);
      else this.#open.delete(memberId);
    };
  }
}
