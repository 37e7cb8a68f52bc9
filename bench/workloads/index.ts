/** Every workload, in the order a full run takes them. */
import { awareness } from './awareness.ts';
import { coldLoad } from './cold-load.ts';
import { fanout } from './fanout.ts';
import { memory } from './memory.ts';
import { reconnect } from './reconnect.ts';
import { throughput } from './throughput.ts';
import type { Workload } from './types.ts';

export const WORKLOADS: readonly Workload[] = [
  fanout,
  awareness,
  coldLoad,
  throughput,
  memory,
  reconnect,
];
