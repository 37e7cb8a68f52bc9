/**
 * Event-loop lag for /metrics, under prom-client's names, at a tenth of its cost. prom-client
 * samples the loop every 10 ms for the life of the process: on the benchmark machine those 100
 * wake-ups a second were almost all of an idle server's CPU (8–9 ms a second), and at 20 updates
 * a second they are a sixth of each update's cost (docs/BENCHMARKS.md). Here a timer ticks every
 * `SAMPLE_MS`, and each figure is how late a tick came. (prom-client reports the interval
 * between ticks, so an idle loop read about 0.010 s there and reads about 0 here.) A tick falls
 * due at any moment, so the figures tell what a message arriving at a random moment waited. A
 * stall shows in one late tick either way, but here among ten ticks a second instead of a
 * hundred, so the higher percentiles read higher than prom-client's. They cover the ticks since
 * the previous scrape.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import client from 'prom-client';

export const SAMPLE_MS = 100;

const NS_PER_S = 1e9;
const SAMPLE_NS = SAMPLE_MS * 1e6;

/** prom-client's eventLoopLag collector, whose metrics these replace. */
export const EVENT_LOOP_LAG_NAMES = [
  'nodejs_eventloop_lag_seconds',
  'nodejs_eventloop_lag_min_seconds',
  'nodejs_eventloop_lag_max_seconds',
  'nodejs_eventloop_lag_mean_seconds',
  'nodejs_eventloop_lag_stddev_seconds',
  'nodejs_eventloop_lag_p50_seconds',
  'nodejs_eventloop_lag_p90_seconds',
  'nodejs_eventloop_lag_p99_seconds',
] as const;

export interface EventLoopLag {
  /** Stops the monitor's timer (a server closing; the process may go on). */
  stop(): void;
}

export function watchEventLoopLag(registry: client.Registry): EventLoopLag {
  // Node's monitor: native, so a tick costs no JavaScript (a timer in JavaScript cost the idle
  // server twice as much). It records the interval between two ticks; a reset forgets the
  // last tick, so the first interval after a scrape goes unrecorded.
  const histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  histogram.enable();
  new client.Gauge({
    name: 'nodejs_eventloop_lag_seconds',
    help: HELP.nodejs_eventloop_lag_seconds,
    registers: [registry],
    // This gauge's collect sets them all, as prom-client's does; registered first, it runs
    // before the others are read.
    async collect() {
      // No tick since the previous scrape (scrapes less than a tick apart): nothing came late.
      const ticked = histogram.count > 0;
      const late = (intervalNs: number) =>
        (ticked ? Math.max(0, intervalNs - SAMPLE_NS) : 0) / NS_PER_S;
      min.set(late(histogram.min));
      max.set(late(histogram.max));
      mean.set(late(histogram.mean));
      stddev.set(ticked ? histogram.stddev / NS_PER_S : 0);
      for (const { p, gauge } of percentiles) gauge.set(late(histogram.percentile(p)));
      histogram.reset();
      const start = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      this.set((performance.now() - start) / 1000);
    },
  });
  const gauge = (name: (typeof EVENT_LOOP_LAG_NAMES)[number]) =>
    new client.Gauge({ name, help: HELP[name], registers: [registry] });
  const min = gauge('nodejs_eventloop_lag_min_seconds');
  const max = gauge('nodejs_eventloop_lag_max_seconds');
  const mean = gauge('nodejs_eventloop_lag_mean_seconds');
  const stddev = gauge('nodejs_eventloop_lag_stddev_seconds');
  const percentiles = [50, 90, 99].map((p) => ({
    p,
    gauge: gauge(`nodejs_eventloop_lag_p${p}_seconds` as (typeof EVENT_LOOP_LAG_NAMES)[number]),
  }));
  return { stop: () => histogram.disable() };
}

const HELP: Record<(typeof EVENT_LOOP_LAG_NAMES)[number], string> = {
  nodejs_eventloop_lag_seconds: 'How long a callback queued at the scrape waited, in seconds',
  nodejs_eventloop_lag_min_seconds: `The least a ${SAMPLE_MS} ms tick came late since the previous scrape`,
  nodejs_eventloop_lag_max_seconds: `The most a ${SAMPLE_MS} ms tick came late since the previous scrape`,
  nodejs_eventloop_lag_mean_seconds: `How late ${SAMPLE_MS} ms ticks came on average since the previous scrape`,
  nodejs_eventloop_lag_stddev_seconds: `The standard deviation of how late ${SAMPLE_MS} ms ticks came`,
  nodejs_eventloop_lag_p50_seconds: `The median of how late ${SAMPLE_MS} ms ticks came since the previous scrape`,
  nodejs_eventloop_lag_p90_seconds: `The 90th percentile of how late ${SAMPLE_MS} ms ticks came`,
  nodejs_eventloop_lag_p99_seconds: `The 99th percentile of how late ${SAMPLE_MS} ms ticks came`,
};
