/**
 * What an operator has left open by leaving a setting out, said once at start. Each is fine on
 * a laptop (HOST on loopback) and documented; on an address others can reach it is worth a line
 * in the log, as the settings' defaults are the open ones.
 */
import type { Config } from './config.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `port`: the one the server listens on (with PORT=0, the system chose it). */
export function exposureWarnings(config: Config, port = config.port): string[] {
  if (LOOPBACK.has(config.host)) return [];
  const where = hostAndPort(config.host, port);
  const warnings: string[] = [];
  if (!config.adminToken && !config.createToken) {
    warnings.push(
      `Anyone who can reach ${where} can create boards: set CREATE_TOKEN to keep that to the ` +
        'people you give it to, ADMIN_TOKEN to keep it to operators.',
    );
  }
  if (!config.metricsToken) {
    warnings.push(`/metrics is open to anyone who can reach ${where}: set METRICS_TOKEN.`);
  }
  if (config.trustProxyHops > 0) {
    warnings.push(
      `TRUST_PROXY is set while Ideamill listens on ${where}: a client that reaches it directly, ` +
        'not through the proxy, chooses the address its join limit counts. Behind a proxy, set ' +
        'HOST=127.0.0.1.',
    );
  }
  return warnings;
}

/** An address as a URL writes it: an IPv6 one in brackets ([::1]:3000). */
export function hostAndPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
