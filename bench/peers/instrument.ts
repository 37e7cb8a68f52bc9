/** Node flags, preloads and environment that the harness adds to any server process. */
import type { SpawnOptions } from '../child.ts';
import { LOOP_PROBE } from '../loop-probe.ts';
import { MEMORY_PROBE } from '../memory-probe.ts';
import type { PeerStartOptions } from './types.ts';

export function instrument(
  options: PeerStartOptions,
): Required<Pick<SpawnOptions, 'nodeArgs' | 'preload' | 'env'>> {
  const nodeArgs: string[] = [];
  const preload: string[] = [];
  const env: Record<string, string> = { ...options.env };
  if (options.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  if (options.memoryProbeFile) {
    nodeArgs.push('--expose-gc');
    preload.push(MEMORY_PROBE);
    env.BENCH_MEMORY_FILE = options.memoryProbeFile;
  }
  if (options.loopProbeDir) {
    preload.push(LOOP_PROBE);
    env.BENCH_LOOP_DIR = options.loopProbeDir;
  }
  return { nodeArgs, preload, env };
}
