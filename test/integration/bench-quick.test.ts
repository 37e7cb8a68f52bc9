/**
 * The benchmark harness keeps working: `npm run bench -- --quick` runs every workload against
 * every server (Ideamill over both transports, the reference y-websocket server, Hocuspocus,
 * the raw relay) and reports real figures, `npm run bench:votes -- --quick` runs the vote
 * storm without a violation, `npm run bench:store -- --quick` measures storing an update,
 * `npm run bench:delete -- --quick` deleting a board, `npm run bench:slow-line -- --quick`
 * a large board's first sync, compressed and not, `npm run bench:refused -- --quick` the
 * edits a locked board refuses, and `npm run bench:export-stall -- --quick` exports asked for
 * at once.
 * No speed is asserted here: speed lives in bench/.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreBenchResult } from '../../bench/store-append.ts';
import type { VoteStormResult } from '../../bench/vote-storm.ts';
import { tempDataDir } from '../helpers/server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface BenchFile {
  workloads: {
    id: string;
    rows: { case: string; target: string; metrics: Record<string, number | null> }[];
  }[];
}

function runQuickBench(
  script: string,
  out: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--quick', `--out=${out}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the benchmark harness (quick mode)', () => {
  it('runs every workload against every server and writes measured figures', async () => {
    const out = path.join(tempDataDir(), 'quick.json');
    const { code, output } = await runQuickBench('bench/run.ts', out);
    expect(code, output).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchFile;
    const ids = result.workloads.map((w) => w.id);
    expect(ids).toEqual(
      expect.arrayContaining(['fanout', 'awareness', 'cold-load', 'throughput', 'reconnect']),
    );
    const fanoutTargets = result.workloads
      .find((w) => w.id === 'fanout')
      ?.rows.map((r) => r.target);
    expect(new Set(fanoutTargets)).toEqual(
      new Set(['ideamill-yws', 'ideamill-sio', 'reference', 'hocuspocus', 'floor']),
    );
    for (const workload of result.workloads) {
      expect(workload.rows.length, workload.id).toBeGreaterThan(0);
      const targets = new Set(workload.rows.map((row) => row.target));
      expect(
        [...targets].some((t) => t.startsWith('ideamill')),
        workload.id,
      ).toBe(true);
      for (const row of workload.rows) {
        const label = `${workload.id} ${row.case} ${row.target}`;
        const values = Object.values(row.metrics);
        expect(values.filter(Number.isFinite).length, label).toBeGreaterThan(0);
        // Peers cannot report some figures (their event-loop lag, their loaded boards): null.
        for (const value of values) {
          if (row.target.startsWith('ideamill') || value !== null) {
            expect(Number.isFinite(value), label).toBe(true);
          }
        }
      }
    }
    // The throughput workload's send-only writers speak each server's own protocol: every
    // target's receiver applied their moves.
    const throughputRows = result.workloads.find((w) => w.id === 'throughput')?.rows ?? [];
    expect(throughputRows.map((row) => row.target).sort()).toEqual([
      'floor',
      'hocuspocus',
      'ideamill-sio',
      'ideamill-yws',
      'reference',
    ]);
    for (const row of throughputRows) {
      expect(row.metrics.appliedPerSec, row.target).toBeGreaterThan(0);
    }
  }, 240_000);

  it('runs the vote storm with no budget or cap exceeded and results equal to a recount', async () => {
    const out = path.join(tempDataDir(), 'votes.json');
    const { code, output } = await runQuickBench('bench/vote-storm.ts', out);
    expect(code, output).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as VoteStormResult;
    for (const mode of [result.burst, result.sequential]) {
      expect(mode.violations).toBe(0);
      for (const storm of [...mode.first.reps, ...mode.warm.reps]) {
        expect(storm.requests).toBe(result.members * result.votesEach);
        expect(storm.accepted).toBe(result.members * result.budget);
        expect(storm.refusals).toEqual({
          budget_exhausted: result.members * (result.votesEach - result.budget),
        });
        for (const key of ['throughput', 'p50', 'p99', 'serverCpuUsPerVote'] as const) {
          expect(Number.isFinite(storm[key]), key).toBe(true);
        }
      }
    }
  }, 120_000);

  it('measures storing an update: CPU, WAL bytes and the checkpoint of them', async () => {
    const out = path.join(tempDataDir(), 'store.json');
    const { code, output } = await runQuickBench('bench/store-append.ts', out);
    expect(code, output).toBe(0);
    const [tree] = JSON.parse(fs.readFileSync(out, 'utf8')) as StoreBenchResult;
    expect(tree!.reps).toHaveLength(1);
    const { cpuUs, walBytes, checkpointCpuUs } = tree!.reps[0]!;
    expect(cpuUs).toBeGreaterThan(0);
    // Every commit writes at least one page frame (4,096 bytes and its 24-byte header).
    expect(walBytes).toBeGreaterThanOrEqual(4120);
    expect(checkpointCpuUs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('bench:slow-line syncs the board both ways, the compressed one in fewer bytes', async () => {
    const out = path.join(tempDataDir(), 'slow-line.json');
    const { code, output } = await runQuickBench('bench/slow-line.ts', out);
    expect(code, output).toBe(0);
    const { samples } = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      samples: { compressed: boolean; ms: number; bytes: number }[];
    };
    const [compressed, plain] = [true, false].map((c) => samples.find((s) => s.compressed === c)!);
    for (const sample of [compressed!, plain!]) expect(Number.isFinite(sample.ms)).toBe(true);
    expect(compressed!.bytes).toBeLessThan(plain!.bytes);
  }, 60_000);

  it('bench:refused has every move refused and undone, each relayed without the board’s deletions', async () => {
    const out = path.join(tempDataDir(), 'refused.json');
    const { code, output } = await runQuickBench('bench/refused-edits.ts', out);
    expect(code, output).toBe(0);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      deleteSetBytes: number;
      cpuMsPerEdit: number;
      bytesPerEdit: number;
    };
    expect(result.cpuMsPerEdit).toBeGreaterThan(0);
    expect(result.deleteSetBytes).toBeGreaterThan(1_000);
    expect(result.bytesPerEdit).toBeGreaterThan(0);
    expect(result.bytesPerEdit).toBeLessThan(200);
  }, 60_000);

  it('bench:export-stall answers every export asked for at once in each scene, built or refused, and times the probe', async () => {
    const out = path.join(tempDataDir(), 'export-stall.json');
    const { code, output } = await runQuickBench('bench/export-stall.ts', out);
    expect(code, output).toBe(0);
    const { atOnce, rounds } = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      atOnce: number;
      rounds: { scene: string; built: number; refused: number; longestWaitMs: number }[];
    };
    expect(rounds.map((round) => round.scene)).toEqual([
      'closed board',
      'one member',
      'many members',
      'versions',
    ]);
    for (const round of rounds) {
      expect(round.built + round.refused, round.scene).toBe(atOnce);
      expect(round.built, round.scene).toBeGreaterThan(0);
      expect(round.longestWaitMs, round.scene).toBeGreaterThan(0);
    }
    // Each of the others asks for one export of its own.
    for (const round of rounds.filter((round) => round.scene !== 'one member')) {
      expect(round.built, round.scene).toBe(atOnce);
    }
  }, 60_000);

  it('bench:delete deletes boards both ways and leaves no row without its board', async () => {
    const { code, output } = await runQuickBench('bench/delete-board.ts', '-');
    expect(code, output).toBe(0);
    expect(output).toMatch(/BoardsRepository\.delete +\d+\.\d ms/);
    expect(output).toMatch(/ON DELETE CASCADE +\d+\.\d ms/);
  }, 60_000);
});
