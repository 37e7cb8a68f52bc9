/**
 * Preloaded into a server process for the reconnect and awareness workloads (`--import` this):
 * samples the event loop every 10 ms, as prom-client's default collector does, so every
 * server's lag is measured the same way and from outside its own code (Ideamill's /metrics
 * samples every 100 ms, see server/observability/event-loop-lag.ts), and adds up its garbage
 * collections. A connection to BENCH_LOOP_DIR/<pid>.sock reads the figures since the previous
 * reading and starts a new window.
 */
import net from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const dir = process.env.BENCH_LOOP_DIR;
const RESOLUTION_MS = 10;

if (dir) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const ms = (ns: number) => ns / 1e6;
  let gcMs = 0;
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  // Figures as prom-client reports them: the interval between two ticks, in ms.
  const server = net.createServer((socket) => {
    const reading = { p99: ms(histogram.percentile(99)), max: ms(histogram.max), gcMs, gcMaxMs };
    histogram.reset();
    gcMs = 0;
    gcMaxMs = 0;
    socket.end(JSON.stringify(reading));
  });
  server.listen(path.join(dir, `${process.pid}.sock`));
  server.unref();
}
