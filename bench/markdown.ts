/** `npx tsx bench/markdown.ts bench/results/<file>.json…`: the results as Markdown tables. */
import fs from 'node:fs';
import { renderWorkload } from './report.ts';
import type { WorkloadResult } from './workloads/types.ts';

interface ResultsFile {
  startedAt: string;
  command: string;
  machine: Record<string, unknown>;
  workloads: WorkloadResult[];
}

for (const file of process.argv.slice(2)) {
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
  console.log(`<!-- ${file}: ${results.command}, ${results.startedAt} -->\n`);
  for (const workload of results.workloads)
    console.log(`${renderWorkload(workload, 'markdown')}\n`);
}
