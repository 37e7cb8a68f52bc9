/**
 * Export the board, save named versions, preview any version's report, download a version in
 * the formats that change with it, and restore one (after a confirmation: a restore changes
 * the board for everyone).
 */
import './history.css';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Snapshot } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { downloadExport, type ExportChoice, exportRoute, fetchExport } from './download.ts';
import { useDateFormat } from './format.ts';
import { Modal } from './Modal.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { openRoundOf, useWorkshop } from './use-workshop.ts';

const CHOICES: ExportChoice[] = ['md', 'csv', 'csvFollowUps', 'json', 'svg', 'ics'];
/**
 * What a version holds: its items. Follow-ups and due dates are exported as they are now
 * whichever version is asked for, so their CSV and calendar would only repeat the board's.
 */
const VERSION_CHOICES: ExportChoice[] = ['md', 'csv', 'json', 'svg'];

function ExportButtons() {
  const t = useT();
  const session = useBoardSession();
  const [busy, setBusy] = useState<ExportChoice | null>(null);
  const download = async (choice: ExportChoice) => {
    if (busy) return;
    setBusy(choice);
    try {
      await downloadExport(session, choice);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="wk-section" aria-labelledby="wk-export-h">
      <h2 id="wk-export-h">{t.workshop.exportSection}</h2>
      <p className="wk-muted">{t.workshop.exportNow}</p>
      <ul className="wk-export-list">
        {CHOICES.map((choice) => (
          <li key={choice}>
            <button
              type="button"
              data-export={choice}
              // Not `disabled`: a button that disables itself drops the keyboard focus to <body>.
              aria-disabled={busy !== null}
              onClick={() => download(choice)}
            >
              {t.workshop.exportFormats[choice]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function snapshotName(
  snapshot: Snapshot,
  reasons: Record<string, string>,
  format: (iso: string) => string,
): string {
  return `${snapshotTitle(snapshot, reasons)} (${format(snapshot.createdAt)})`;
}

/** A saved version goes by its name; an unnamed one by why it was taken. */
function snapshotTitle(snapshot: Snapshot, reasons: Record<string, string>): string {
  return snapshot.name ?? reasons[snapshot.reason] ?? snapshot.reason;
}

/** Download buttons for one version; `describedBy` names the version for a screen reader. */
function VersionDownloads({ snapshot, describedBy }: { snapshot: Snapshot; describedBy: string }) {
  const t = useT();
  const session = useBoardSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async (choice: ExportChoice) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await downloadExport(session, choice, snapshot.id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ul className="wk-version-formats">
        {VERSION_CHOICES.map((choice) => (
          <li key={choice}>
            <button
              type="button"
              className="wk-small"
              data-version-export={choice}
              aria-describedby={describedBy}
              // Not `disabled`: in the preview, focus dropped to <body> leaves Escape unheard.
              aria-disabled={busy}
              onClick={() => download(choice)}
            >
              {t.workshop.exportFormats[choice]}
            </button>
          </li>
        ))}
      </ul>
      {failed && (
        <p className="wk-notice" role="alert">
          {t.workshop.downloadFailed}
        </p>
      )}
    </>
  );
}

function Preview({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const nameId = useId();
  const [report, setReport] = useState<{ text: string } | { failed: true } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchExport(session, exportRoute('md', snapshot.id))
      .then((response) => response.text())
      .then(
        (text) => !cancelled && setReport({ text }),
        () => !cancelled && setReport({ failed: true }),
      );
    return () => {
      cancelled = true;
    };
  }, [session, snapshot.id]);
  const name = snapshotName(snapshot, t.workshop.snapshotReasons, format.dateTime);
  return (
    <Modal title={t.workshop.previewOf(name)} onClose={onClose} wide>
      <section
        className="wk-report"
        data-testid="snapshot-preview"
        aria-label={name}
        aria-busy={report === null}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a long report scrolls; the keyboard scrolls only what has the focus
        tabIndex={0}
      >
        {report === null ? (
          <p className="wk-muted">{t.workshop.working}</p>
        ) : 'failed' in report ? (
          <p className="wk-notice" role="alert">
            {t.workshop.previewFailed}
          </p>
        ) : (
          <ReportPreview markdown={report.text} />
        )}
      </section>
      <div className="wk-version-download-bar">
        <span id={nameId} className="wk-version-download-label">
          {t.workshop.downloadVersion}
        </span>
        <VersionDownloads snapshot={snapshot} describedBy={nameId} />
      </div>
    </Modal>
  );
}

function ConfirmRestore({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const t = useT();
  const format = useDateFormat();
  const [state, store] = useWorkshop();
  const [busy, setBusy] = useState(false);
  const name = snapshotName(snapshot, t.workshop.snapshotReasons, format.dateTime);
  const open = openRoundOf(state);
  return (
    <Modal title={t.workshop.confirmRestoreTitle} onClose={onClose}>
      <p>{t.workshop.confirmRestore(name)}</p>
      {/* Items come and go under people's votes: votes on items the restore removes are left
          out when the round closes. */}
      {open && (
        <p className="wk-notice" data-testid="restore-round-open">
          {t.workshop.restoreWhileVoting(open.round.title)}
        </p>
      )}
      <div className="wk-row wk-actions">
        <button type="button" onClick={onClose}>
          {t.workshop.cancel}
        </button>
        <button
          type="button"
          className="wk-primary wk-danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await store.restoreSnapshot(snapshot.id);
            onClose();
          }}
        >
          {t.workshop.restore}
        </button>
      </div>
    </Modal>
  );
}

export function HistoryPanel() {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const [state, store] = useWorkshop();
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<Snapshot | null>(null);
  const [restore, setRestore] = useState<Snapshot | null>(null);
  const canSave = session.me.role !== 'viewer';
  const canRestore = session.me.role === 'facilitator';
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await store.saveSnapshot(name.trim() || undefined);
    setName('');
  };
  return (
    <div className="wk-history" data-testid="history-panel">
      <ExportButtons />
      <section className="wk-section" aria-labelledby="wk-history-h">
        <h2 id="wk-history-h">{t.workshop.historySection}</h2>
        {canSave && (
          <form className="wk-version-save" onSubmit={save}>
            <label>
              <span>
                {t.workshop.versionName}{' '}
                <span className="wk-muted">{t.workshop.versionNameOptional}</span>
              </span>
              <input
                value={name}
                maxLength={200}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <button type="submit">{t.workshop.saveVersion}</button>
          </form>
        )}
        {state.snapshots.length === 0 ? (
          <p className="wk-muted">{t.workshop.noSnapshots}</p>
        ) : (
          <ul className="wk-versions">
            {state.snapshots.map((snapshot) => {
              const nameId = `wk-version-${snapshot.id}`;
              return (
                <li key={snapshot.id} className="wk-version" data-snapshot-id={snapshot.id}>
                  <span className="wk-version-name" id={nameId}>
                    {snapshotTitle(snapshot, t.workshop.snapshotReasons)}
                    <span className="wk-visually-hidden">, </span>
                    <time className="wk-version-when" dateTime={snapshot.createdAt}>
                      {format.dateTime(snapshot.createdAt)}
                    </time>
                  </span>
                  <span className="wk-version-actions">
                    <button
                      type="button"
                      className="wk-small"
                      aria-describedby={nameId}
                      onClick={() => setPreview(snapshot)}
                    >
                      {t.workshop.preview}
                    </button>
                    {canRestore && (
                      <button
                        type="button"
                        className="wk-small"
                        aria-describedby={nameId}
                        onClick={() => setRestore(snapshot)}
                      >
                        {t.workshop.restore}
                      </button>
                    )}
                    <details className="wk-version-download">
                      <summary aria-describedby={nameId}>{t.workshop.download}</summary>
                      <VersionDownloads snapshot={snapshot} describedBy={nameId} />
                    </details>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {preview && <Preview snapshot={preview} onClose={() => setPreview(null)} />}
      {restore && <ConfirmRestore snapshot={restore} onClose={() => setRestore(null)} />}
    </div>
  );
}
