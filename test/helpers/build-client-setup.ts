/** Vitest global setup: the browser tests load the built client, so build it (cached). */
import { buildClient } from '../../scripts/build-client.ts';

export default async function setup(): Promise<void> {
  await buildClient({ quiet: true });
}
