/** `npm start`: read the configuration, serve, and shut down cleanly on SIGTERM/SIGINT. */
import { type Config, ConfigError, loadConfig } from './config/config.ts';
import { serveUntilSignal } from './serve.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
serveUntilSignal(config).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
