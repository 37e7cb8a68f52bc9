/** `npm start`: read the configuration, serve, and shut down cleanly on SIGTERM/SIGINT. */
import { type Config, ConfigError, loadConfig } from './config/config.ts';
import { StartupError } from './errors.ts';
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
    // A reason the operator can act on is said in words; anything else is a bug, with its stack.
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
