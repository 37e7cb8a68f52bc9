/**
 * The download buttons: the board as it is now (the export section) and one saved version. A
 * download that fails says so and why, under the buttons, in both places.
 */
import { useState } from 'react';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  type DownloadProblem,
  downloadExport,
  downloadProblem,
  type ExportChoice,
} from './download.ts';

const CHOICES: ExportChoice[] = [
  'md',
  'agenda',
  'csv',
  'csvConcepts',
  'csvFollowUps',
  'json',
  'svg',
  'ics',
];
/**
 * What a version holds: its items. Follow-ups and due dates are exported as they are now
 * whichever version is asked for, so their CSV and calendar would only repeat the board's.
 */
const VERSION_CHOICES: ExportChoice[] = ['md', 'csv', 'json', 'svg'];

/** One download at a time, and what went wrong with the last one (cleared by the next try). */
function useDownload(snapshotId?: string) {
  const session = useBoardSession();
  const [busy, setBusy] = useState<ExportChoice | null>(null);
  const [problem, setProblem] = useState<DownloadProblem | null>(null);
  const download = async (choice: ExportChoice) => {
    if (busy) return;
    setBusy(choice);
    setProblem(null);
    try {
      await downloadExport(session, choice, snapshotId);
    } catch (error) {
      setProblem(downloadProblem(error));
    } finally {
      setBusy(null);
    }
  };
  return { busy, problem, download };
}

function Problem({ problem }: { problem: DownloadProblem | null }) {
  const t = useT();
  if (!problem) return null;
  const text = {
    unreachable: t.workshop.downloadUnreachable,
    gone: t.workshop.versionGone,
    rate_limited: t.errors.rate_limited(problem.waitSec),
    failed: t.workshop.downloadFailed,
  }[problem.kind];
  return (
    <p className="wk-notice" role="alert" data-download-problem={problem.kind}>
      {text}
    </p>
  );
}

/** The board as it is now, in every format. */
export function ExportSection() {
  const t = useT();
  return (
    <section className="wk-section" aria-labelledby="wk-export-h">
      <h2 id="wk-export-h">{t.workshop.exportSection}</h2>
      <p className="wk-muted">{t.workshop.exportNow}</p>
      <DownloadList choices={CHOICES} listClassName="wk-export-list" />
    </section>
  );
}

/** Download buttons for one version; `describedBy` names the version for a screen reader. */
export function VersionDownloads({
  snapshotId,
  describedBy,
}: {
  snapshotId: string;
  describedBy: string;
}) {
  return (
    <DownloadList
      choices={VERSION_CHOICES}
      snapshotId={snapshotId}
      listClassName="wk-version-formats"
      buttonClassName="wk-small"
      describedBy={describedBy}
    />
  );
}

/** One button per format (of the board now, or of version `snapshotId`), and the last problem. */
function DownloadList(props: {
  choices: ExportChoice[];
  snapshotId?: string;
  listClassName: string;
  buttonClassName?: string;
  describedBy?: string;
}) {
  const t = useT();
  const { busy, problem, download } = useDownload(props.snapshotId);
  return (
    <>
      <ul className={props.listClassName}>
        {props.choices.map((choice) => (
          <li key={choice}>
            <button
              type="button"
              className={props.buttonClassName}
              data-export={props.snapshotId ? undefined : choice}
              data-version-export={props.snapshotId ? choice : undefined}
              aria-describedby={props.describedBy}
              // Not `disabled`: a button that disables itself drops the keyboard focus to <body>
              // (in the preview, where Escape is then unheard).
              aria-disabled={busy !== null}
              onClick={() => download(choice)}
            >
              {t.workshop.exportFormats[choice]}
            </button>
          </li>
        ))}
      </ul>
      <Problem problem={problem} />
    </>
  );
}
