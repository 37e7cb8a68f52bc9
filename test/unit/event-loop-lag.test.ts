import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { EVENT_LOOP_LAG_NAMES, SAMPLE_MS } from '../../server/observability/event-loop-lag.ts';
import { createMetrics, type Metrics } from '../../server/observability/metrics.ts';

let metrics: Metrics | undefined;
afterEach(() => metrics?.stop());

function read(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} is not in the scrape`);
  return Number(line.slice(name.length + 1));
}

function blockFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // holds the event loop, as a long synchronous task would
  }
}

it('reports how late the event loop was since the previous scrape, under prom-client’s names', async () => {
  metrics = createMetrics();
  await metrics.registry.metrics(); // starts a window
  // The first tick after a scrape only sets where the next interval starts.
  await sleep(SAMPLE_MS * 1.5);
  // A tick falls due during the block and comes at least 600 - SAMPLE_MS ms late.
  blockFor(600);
  await sleep(SAMPLE_MS * 2);
  const blocked = await metrics.registry.metrics();
  expect(read(blocked, 'nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(
    (600 - SAMPLE_MS) / 1000,
  );
  expect(read(blocked, 'nodejs_eventloop_lag_min_seconds')).toBeGreaterThanOrEqual(0);

  // The next scrape covers only the ticks after this one: the block is not in it.
  await sleep(SAMPLE_MS * 3);
  const after = await metrics.registry.metrics();
  expect(read(after, 'nodejs_eventloop_lag_max_seconds')).toBeLessThan((600 - SAMPLE_MS) / 1000);
  // How late, not the interval between ticks (which is never under SAMPLE_MS).
  expect(read(after, 'nodejs_eventloop_lag_p50_seconds')).toBeLessThan(SAMPLE_MS / 2 / 1000);

  // Each name once (prom-client's own collector makes way), beside the other Node defaults.
  for (const name of EVENT_LOOP_LAG_NAMES) {
    expect(after.split('\n').filter((l) => l.startsWith(`# TYPE ${name} `))).toHaveLength(1);
  }
  expect(after).toContain('process_cpu_user_seconds_total');
  expect(after).toContain('nodejs_heap_size_used_bytes');
});
