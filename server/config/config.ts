/** Configuration from environment variables, validated once at start (README "Configuration"). */
import path from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

/**
 * A whole number written in decimal digits. Number() alone would read ' ' as 0 (PORT=' ' picked
 * a random port), '0x10' as 16 and '1e3' as 1000.
 */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number in decimal digits, such as 3000')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** A secret the operator chooses and sends as a Bearer token. */
function operatorToken(name: string) {
  return (
    z
      .string()
      .min(16, `${name} must be at least 16 characters`)
      // A Bearer token cannot carry spaces: nobody could ever send this one.
      .regex(/^\S+$/, `${name} must not contain spaces`)
      // Other characters reach the server as each client encodes them: one that curl sends as
      // UTF-8 was refused, while Node's fetch got in with it (operator QA).
      .regex(
        /^[\x21-\x7e]*$/,
        `${name} must be letters, digits and ASCII punctuation only (openssl rand -hex 24 makes one)`,
      )
      .optional()
  );
}

const envSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z
    .string()
    .regex(/^\S+$/, 'HOST must be an address or host name without spaces, such as 0.0.0.0')
    .default('0.0.0.0'),
  DATA_DIR: z
    .string()
    .regex(/\S/, 'DATA_DIR must name a directory, not only spaces')
    .default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  ADMIN_TOKEN: operatorToken('ADMIN_TOKEN'),
  CREATE_TOKEN: operatorToken('CREATE_TOKEN'),
  METRICS_TOKEN: operatorToken('METRICS_TOKEN'),
  PUBLIC_URL: z
    .string()
    .url('PUBLIC_URL must be an absolute URL such as https://ideamill.example.org')
    // Board links are PUBLIC_URL + /b/<id>#key=…: another scheme, a query or a fragment would
    // make links that do not open the board. So would a path: the page loads its code and
    // calls the API from the root of its address (/assets/, /api/, /socket.io/, /yjs/).
    .refine(
      (url) =>
        URL.canParse(url) &&
        /^https?:$/.test(new URL(url).protocol) &&
        new URL(url).pathname === '/' &&
        !url.includes('?') &&
        !url.includes('#'),
      'PUBLIC_URL must be an http:// or https:// origin, with no path, ? or #, such as https://ideamill.example.org (Ideamill is served at the root of its address)',
    )
    // A user name or password would be in every board link anyone is given (operator QA).
    .refine(
      (url) => !URL.canParse(url) || (new URL(url).username === '' && new URL(url).password === ''),
      'PUBLIC_URL must not carry a user name or password: it is in every board link',
    )
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  // How many proxies stand in front. Not "trust every hop": a client's own X-Forwarded-For
  // would then name its address, and each made-up address would get a fresh join budget.
  TRUST_PROXY: z
    .union(
      [z.enum(['true', 'false']).transform((value) => (value === 'true' ? 1 : 0)), int(0, 100)],
      {
        error: 'TRUST_PROXY must be true (one proxy in front), false, or how many proxies (0–100)',
      },
    )
    .default(0),
  // Sites that may show the board in a frame (an intranet page, a meeting app's tab): origins,
  // space-separated, as a Content-Security-Policy frame-ancestors source list takes them.
  FRAME_ANCESTORS: z
    .string()
    .transform((value) => value.trim().split(/\s+/).filter(Boolean))
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i,
            'FRAME_ANCESTORS must be origins separated by spaces, such as https://intranet.example.org https://*.example.com (no path, no quotes)',
          ),
      ),
    )
    .default([]),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  MAX_MESSAGE_BYTES: int(1024, 256 * MiB).default(4 * MiB),
  MAX_DOCUMENT_BYTES: int(64 * 1024, 2048 * MiB).default(64 * MiB),
  UPDATE_RATE_PER_SEC: int(1, 1_000_000).default(200),
  UPDATE_BURST: int(1, 1_000_000).default(1000),
  AWARENESS_RATE_PER_SEC: int(1, 1_000_000).default(30),
  AWARENESS_BURST: int(1, 1_000_000).default(60),
  PRESENCE_FLUSH_MS: int(0, 10_000).default(50),
  PRESENCE_FANOUT_PER_SEC: int(100, 100_000_000).default(120_000),
  PRESENCE_MESSAGES_PER_SEC: int(1, 100_000_000).default(4_000),
  JOIN_RATE_PER_MIN: int(1, 1_000_000).default(30),
  EXPORT_MS_PER_SEC: int(1, 1_000).default(100),
  EXPORT_BURST_MS: int(1, 600_000).default(500),
  COMPACT_AFTER_BYTES: int(1024, 1024 * MiB).default(1 * MiB),
  COMPACT_AFTER_UPDATES: int(10, 10_000_000).default(5000),
  IDLE_UNLOAD_MS: int(100, 86_400_000).default(60_000),
  SNAPSHOT_INTERVAL_MS: int(1000, 86_400_000).default(300_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  adminToken: string | undefined;
  /**
   * When set, creating a board takes it (or ADMIN_TOKEN): for the people who run workshops,
   * without the operator's power over every board.
   */
  createToken: string | undefined;
  /** When set, GET /metrics needs it as a Bearer token. */
  metricsToken: string | undefined;
  publicUrl: string | undefined;
  /** Reverse proxies in front whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
  /** Origins that may frame the web client; none by default. */
  frameAncestors: string[];
  sqliteSynchronous: 'NORMAL' | 'FULL';
  limits: {
    maxMessageBytes: number;
    maxDocumentBytes: number;
    updateRatePerSec: number;
    updateBurst: number;
    awarenessRatePerSec: number;
    awarenessBurst: number;
    /** Presence changes are relayed together at most this often (0: every event-loop turn). */
    presenceFlushMs: number;
    /** Presence states a board relays per second, summed over its connections (the rest wait). */
    presenceFanoutPerSec: number;
    /** Presence messages a board sends per second, summed over its connections (the tick stretches). */
    presenceMessagesPerSec: number;
    joinRatePerMin: number;
    /** Milliseconds of building exports a member may spend each second, and at once. */
    exportMsPerSec: number;
    exportBurstMs: number;
  };
  compaction: { afterBytes: number; afterUpdates: number };
  idleUnloadMs: number;
  snapshotIntervalMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== ''),
  );
  const parsed = envSchema
    .refine((e) => e.CREATE_TOKEN === undefined || e.CREATE_TOKEN !== e.ADMIN_TOKEN, {
      path: ['CREATE_TOKEN'],
      message: 'CREATE_TOKEN must differ from ADMIN_TOKEN: it is handed to facilitators',
    })
    .safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    adminToken: e.ADMIN_TOKEN,
    createToken: e.CREATE_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    publicUrl: e.PUBLIC_URL,
    trustProxyHops: e.TRUST_PROXY,
    frameAncestors: e.FRAME_ANCESTORS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      updateRatePerSec: e.UPDATE_RATE_PER_SEC,
      updateBurst: e.UPDATE_BURST,
      awarenessRatePerSec: e.AWARENESS_RATE_PER_SEC,
      awarenessBurst: e.AWARENESS_BURST,
      presenceFlushMs: e.PRESENCE_FLUSH_MS,
      presenceFanoutPerSec: e.PRESENCE_FANOUT_PER_SEC,
      presenceMessagesPerSec: e.PRESENCE_MESSAGES_PER_SEC,
      joinRatePerMin: e.JOIN_RATE_PER_MIN,
      exportMsPerSec: e.EXPORT_MS_PER_SEC,
      exportBurstMs: e.EXPORT_BURST_MS,
    },
    compaction: { afterBytes: e.COMPACT_AFTER_BYTES, afterUpdates: e.COMPACT_AFTER_UPDATES },
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    snapshotIntervalMs: e.SNAPSHOT_INTERVAL_MS,
  };
}
