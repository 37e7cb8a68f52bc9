/**
 * A snapshot's Markdown report shown as a document: headings, lists and tables built as React
 * elements from report-markdown.ts, so every character of people's notes is text.
 */
import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseReport } from './report-markdown.ts';

function Runs({ runs }: { runs: readonly Inline[] }): ReactNode {
  return runs.map((run, index) => {
    const lines = run.text.split('\n');
    const text = lines.map((line, n) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, never reordered
      <Fragment key={n}>
        {n > 0 && <br />}
        {line}
      </Fragment>
    ));
    const key = `${index}`;
    if (run.strong) return <strong key={key}>{text}</strong>;
    if (run.em) return <em key={key}>{text}</em>;
    return <Fragment key={key}>{text}</Fragment>;
  });
}

/**
 * The dialog's title is an h2: the report's own headings sit below it, `#` as h3, `##` as h4,
 * `###` as h5, so a screen reader's heading list keeps the report's outline.
 */
function Heading({ level, children }: { level: number; children: ReactNode }) {
  const shifted = Math.min(6, level + 2);
  if (shifted === 3) return <h3>{children}</h3>;
  if (shifted === 4) return <h4>{children}</h4>;
  if (shifted === 5) return <h5>{children}</h5>;
  return <h6>{children}</h6>;
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading level={block.level}>
          <Runs runs={block.content} />
        </Heading>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a parsed report, never reordered
            <li key={index}>
              <Runs runs={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="wk-report-table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns of a parsed report
                  <th key={index} scope="col">
                    <Runs runs={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a parsed report
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns of a parsed report
                    <td key={index}>
                      <Runs runs={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'quote':
      return (
        <blockquote>
          <Runs runs={block.content} />
        </blockquote>
      );
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.content} />
        </p>
      );
  }
}

export function ReportPreview({ markdown }: { markdown: string }) {
  return parseReport(markdown).map((block, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a parsed report, never reordered
    <BlockView key={index} block={block} />
  ));
}
