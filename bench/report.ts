/** Turns workload results into plain-text tables: figures per target, then Ideamill ÷ others. */
import { ratio } from './stats.ts';
import type { Row, WorkloadResult } from './workloads/types.ts';

function format(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

type Style = 'text' | 'markdown';

function table(header: string[], lines: string[][], style: Style = 'text'): string {
  if (style === 'markdown') {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const rule = header.map((_, i) => (i < 2 ? '---' : '---:'));
    return [row(header), row(rule), ...lines.map(row)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join(
    '\n',
  );
}

/** The workload's figures and ratio tables, as plain text (terminal) or Markdown (docs). */
export function renderWorkload(result: WorkloadResult, style: Style = 'text'): string {
  const out = [`${style === 'markdown' ? '###' : '##'} ${result.title}`, ''];
  out.push(
    table(
      ['case', 'target', ...result.columns.map((c) => c.label)],
      result.rows.map((row) => [
        row.case,
        row.target,
        ...result.columns.map((c) => format(row.metrics[c.key], c.digits)),
      ]),
      style,
    ),
  );
  const ratios = ratioLines(result);
  if (ratios.length > 0) {
    out.push('', 'Ideamill ÷ other target (below 1.0: Ideamill is lower)', '');
    const labels = result.ratioKeys.map(
      (key) => result.columns.find((c) => c.key === key)?.label ?? key,
    );
    out.push(table(['case', 'ideamill ÷ target', ...labels], ratios, style));
  }
  out.push('');
  for (const note of result.notes) out.push(style === 'markdown' ? `- ${note}` : `  · ${note}`);
  return out.join('\n');
}

function ratioLines(result: WorkloadResult): string[][] {
  const lines: string[][] = [];
  const byCase = new Map<string, Row[]>();
  for (const row of result.rows) byCase.set(row.case, [...(byCase.get(row.case) ?? []), row]);
  for (const [label, rows] of byCase) {
    for (const ours of rows.filter((r) => r.target.startsWith('ideamill'))) {
      for (const other of rows.filter((r) => !r.target.startsWith('ideamill'))) {
        lines.push([
          label,
          `${ours.target} ÷ ${other.target}`,
          ...result.ratioKeys.map((key) =>
            format(ratio(ours.metrics[key] ?? Number.NaN, other.metrics[key] ?? Number.NaN), 2),
          ),
        ]);
      }
    }
  }
  return lines;
}

/** The ratio of one metric between two targets in one case (for targets and docs). */
export function rowRatio(
  result: WorkloadResult,
  label: string,
  ours: string,
  other: string,
  key: string,
): number {
  const find = (target: string) =>
    result.rows.find((r) => r.case === label && r.target === target)?.metrics[key];
  return ratio(find(ours) ?? Number.NaN, find(other) ?? Number.NaN);
}
