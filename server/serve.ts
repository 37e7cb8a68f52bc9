/** Serves until SIGTERM or SIGINT, then shuts down cleanly: `npm start` and `ideamill serve`. */
import type { Config } from './config/config.ts';
import { startServer } from './start-server.ts';

/** Resolves with the exit code once the server has stopped. */
export async function serveUntilSignal(config: Config): Promise<number> {
  const server = await startServer(config);
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      server.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => resolve(1), 10_000);
      force.unref();
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          server.logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
