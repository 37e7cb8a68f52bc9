import pino, { type Logger } from 'pino';

/**
 * The server's JSON log, to standard output; `toStderr` for a command-line command, whose
 * standard output may be what it makes (an export).
 */
export function createLogger(level: string, toStderr = false): Logger {
  const options = { level, base: { service: 'ideamill' } };
  return toStderr ? pino(options, pino.destination({ fd: 2, sync: true })) : pino(options);
}
