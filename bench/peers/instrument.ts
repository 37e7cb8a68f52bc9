/** Node flags, preloads and environment that the harness adds to any server process. */
import type { SpawnOptions } from '../child.ts';
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
  return { nodeArgs, preload, env };
}
