/**
 * axe-core in a page. The page's Content-Security-Policy refuses any script it did not load
 * from its own files, a <script> element a test adds too, so axe goes in the way the tests'
 * own `page.evaluate` calls do: through the browser's DevTools protocol.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.2 AA and axe's best practices. WCAG 2.2 AA too, which axe leaves out unless asked: its
 * target size (2.5.8) found a round's item-type checkboxes 13 px and too close to one another (QA).
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The first few elements it found, as selectors. */
  nodes: string[];
}

export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(SOURCE);
}

/**
 * Serious and critical axe-core violations on the page as it is now, or within the elements
 * `within` selects. AXE_DEBUG=1 prints every violation found, of any impact.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  const violations = await axeViolations(page, within);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every axe-core violation, of any impact (moderate and minor too). */
export async function axeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  await injectAxe(page);
  const violations = await page.evaluate(
    async ({ tags, within }) => {
      type AxeResult = {
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      };
      type RunOptions = { runOnly: { type: 'tag'; values: string[] } };
      type Axe = { run(context: Document | string, options: RunOptions): Promise<AxeResult> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const result = await axe.run(within ?? document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
    },
    { tags: TAGS, within },
  );
  if (process.env.AXE_DEBUG) console.log(JSON.stringify(violations));
  return violations;
}
