/**
 * Vitest global setup: the browser tests load the built client, so build it (cached).
 * SKIP_CLIENT_BUILD=1 skips it for runs without browser tests.
 */
import { buildClient } from '../../scripts/build-client.ts';

export default async function setup(): Promise<void> {
  if (process.env.SKIP_CLIENT_BUILD === '1') return;
  await buildClient({ quiet: true });
}
