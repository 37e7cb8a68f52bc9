/** What every workload gets from the orchestrator and hands back to the report. */
import type { ServerCache } from '../peers/server-cache.ts';
import type { PeerStartOptions } from '../peers/types.ts';
import type { TargetId } from '../targets.ts';
import type { WorkerPool } from './pool.ts';

export interface BenchOptions {
  quick: boolean;
  reps: number;
  /** Client counts that replace a workload's own (fan-out receivers, awareness clients). */
  clients: readonly number[] | undefined;
  targets: readonly TargetId[];
  /** Options every server under test starts with (CPU profiles, Ideamill checkout). */
  peer: PeerStartOptions;
  /** Pause after connecting, before measuring, so connection work has settled. */
  settleMs: number;
  /** Quick runs only: servers kept running across measurements and workloads. */
  servers: ServerCache | undefined;
  /** Load-client processes shared by every workload. */
  pool: WorkerPool;
  log(message: string): void;
}

export interface Column {
  key: string;
  label: string;
  /** Decimals shown in the table. */
  digits: number;
}

/** One target in one case: aggregated metrics plus every repetition's own figures. */
export interface Row {
  case: string;
  target: TargetId;
  metrics: Record<string, number>;
  reps: Record<string, number>[];
}

export interface WorkloadResult {
  id: string;
  title: string;
  params: Record<string, unknown>;
  columns: Column[];
  /** Metrics for which the report prints Ideamill ÷ each other target. */
  ratioKeys: string[];
  rows: Row[];
  notes: string[];
}

export interface Workload {
  id: string;
  title: string;
  run(options: BenchOptions): Promise<WorkloadResult>;
}
