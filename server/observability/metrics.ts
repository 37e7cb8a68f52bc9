/** Prometheus metrics, one registry per server instance (tests run several in one process). */
import client from 'prom-client';
import { EVENT_LOOP_LAG_NAMES, watchEventLoopLag } from './event-loop-lag.ts';

/**
 * prom-client always starts its own event-loop monitor, a 10 ms timer. Given this precision
 * (the longest a timer waits) it ticks once in 24.8 days; its metrics make way for
 * event-loop-lag.ts's.
 */
const NEVER_MS = 2 ** 31 - 1;

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: NEVER_MS });
  for (const name of EVENT_LOOP_LAG_NAMES) registry.removeSingleMetric(name);
  const eventLoopLag = watchEventLoopLag(registry);
  const connections = new client.Gauge({
    name: 'ideamill_connections',
    help: 'Open realtime connections',
    labelNames: ['transport'] as const,
    registers: [registry],
  });
  const boardsLoaded = new client.Gauge({
    name: 'ideamill_boards_loaded',
    help: 'Board documents held in memory',
    registers: [registry],
  });
  const updatesApplied = new client.Counter({
    name: 'ideamill_updates_applied_total',
    help: 'Document updates applied, persisted and relayed',
    registers: [registry],
  });
  const messagesRejected = new client.Counter({
    name: 'ideamill_messages_rejected_total',
    help: 'Realtime messages refused, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const persistSeconds = new client.Histogram({
    name: 'ideamill_persist_seconds',
    help: 'Time to write one batch of updates to SQLite',
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [registry],
  });
  const presenceDeferred = new client.Counter({
    name: 'ideamill_presence_deferred_total',
    help: 'Presence states held back a tick by the per-connection presence budget',
    registers: [registry],
  });
  const compactions = new client.Counter({
    name: 'ideamill_compactions_total',
    help: 'Update logs folded into a compacted document state',
    registers: [registry],
  });
  const compressedSyncBytes = new client.Counter({
    name: 'ideamill_compressed_sync_bytes_total',
    help: 'Large sync messages sent compressed: their bytes before (original) and as sent (sent)',
    labelNames: ['bytes'] as const,
    registers: [registry],
  });
  const exports = new client.Counter({
    name: 'ideamill_exports_total',
    help: 'Exports asked for over HTTP, by format and outcome: built, refused (the member was past their export budget) or failed',
    labelNames: ['format', 'outcome'] as const,
    registers: [registry],
  });
  const exportSeconds = new client.Histogram({
    name: 'ideamill_export_seconds',
    help: 'Time to build one export: reading the board on the event loop and rendering it in the export thread (not waiting for its turn)',
    labelNames: ['format'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
    registers: [registry],
  });
  return {
    registry,
    /** Stops what samples the process in the background (the server is closing). */
    stop: () => eventLoopLag.stop(),
    connections,
    boardsLoaded,
    updatesApplied,
    messagesRejected,
    persistSeconds,
    presenceDeferred,
    compactions,
    compressedSyncBytes,
    exports,
    exportSeconds,
  };
}
