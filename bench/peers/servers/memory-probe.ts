/**
 * Preloaded into a server process for the memory workload only (`--expose-gc --import` this):
 * on SIGUSR2 it collects garbage and writes process.memoryUsage() to BENCH_MEMORY_FILE, so
 * heap figures are comparable across servers and free of uncollected garbage.
 */
import fs from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
const gc = (globalThis as { gc?: () => void }).gc;

if (file && gc) {
  let seq = 0;
  process.on('SIGUSR2', () => {
    gc();
    const reading = { seq: ++seq, ...process.memoryUsage() };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(reading));
    fs.renameSync(`${file}.tmp`, file);
  });
}
