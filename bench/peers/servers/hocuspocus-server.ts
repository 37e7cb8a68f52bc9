/** Hocuspocus with its defaults and no extensions: documents in memory, no persistence. */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
});
await server.listen();
process.on('SIGTERM', () => process.exit(0));
