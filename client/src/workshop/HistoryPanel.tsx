/**
 * Export the board, save named versions, preview any version's report, download a version in
 * the formats that change with it, and restore one (after a confirmation: a restore changes
 * the board for everyone).
 */
import './history.css';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardExport, Snapshot } from '../../../shared/follow-through.ts';
import { useFocusSuccessor } from '../app/focus-successor.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useBoardSession } from '../board/board-session.ts';
import type { Catalogue } from '../i18n/en/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { ExportSection, VersionDownloads } from './Downloads.tsx';
import { type DownloadProblem, downloadProblem, exportRoute, fetchExport } from './download.ts';
import { useDateFormat } from './format.ts';
import { Confirm, Modal } from './Modal.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { useBusy } from './use-busy.ts';
import { useItems } from './use-items.ts';
import { openRoundOf, useWorkshop } from './use-workshop.ts';

type Words = Catalogue['workshop'];

function snapshotName(snapshot: Snapshot, words: Words, format: (iso: string) => string): string {
  return `${snapshotTitle(snapshot, words)} (${format(snapshot.createdAt)})`;
}

/**
 * A saved version goes by its name; an unnamed one by why it was taken, and one taken as a
 * round opened by that round (snapshots stored before the server recorded it have none).
 */
function snapshotTitle(snapshot: Snapshot, words: Words): string {
  if (snapshot.name !== null) return snapshot.name;
  if (snapshot.reason === 'before_round' && snapshot.round) {
    return words.beforeRound(snapshot.round.title);
  }
  return words.snapshotReasons[snapshot.reason] ?? snapshot.reason;
}

/** A version retention let go while its dialog was open: it can no longer be used. */
function Gone() {
  const t = useT();
  return (
    <p className="wk-notice" role="alert" data-testid="version-gone">
      {t.workshop.versionGone}
    </p>
  );
}

function Preview({
  snapshot,
  gone,
  onClose,
}: {
  snapshot: Snapshot;
  gone: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const nameId = useId();
  const [report, setReport] = useState<{ text: string } | { failed: DownloadProblem } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchExport(session, exportRoute('md', snapshot.id))
      .then((response) => response.text())
      .then(
        (text) => !cancelled && setReport({ text }),
        (error: unknown) => !cancelled && setReport({ failed: downloadProblem(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [session, snapshot.id]);
  const name = snapshotName(snapshot, t.workshop, format.dateTime);
  return (
    <Modal title={t.workshop.previewOf(name)} onClose={onClose} wide>
      {gone && <Gone />}
      {/* The report reads rounds and follow-ups from the board as it is now (docs/API.md). */}
      <p className="wk-muted wk-preview-note" data-testid="preview-as-now">
        {t.workshop.previewAsNow}
      </p>
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
          report.failed.kind === 'gone' ? (
            !gone && <Gone />
          ) : (
            <p className="wk-notice" role="alert">
              {report.failed.kind === 'rate_limited'
                ? t.errors.rate_limited(report.failed.waitSec)
                : t.workshop.previewFailed}
            </p>
          )
        ) : (
          <>
            <ReportPreview markdown={report.text} />
            {/* What a printer gets while the preview is open: the whole report, in the page's
                flow (the dialog prints only the screenful it shows). print.css */}
            {createPortal(
              <article className="print-report">
                <ReportPreview markdown={report.text} />
              </article>,
              document.body,
            )}
          </>
        )}
      </section>
      <div className="wk-version-download-bar">
        <span id={nameId} className="wk-version-download-label">
          {t.workshop.downloadVersion}
        </span>
        <VersionDownloads snapshotId={snapshot.id} describedBy={nameId} />
      </div>
    </Modal>
  );
}

/** How long the restore dialog waits for its count before it lets the restore go without. */
const COUNT_WAIT_MS = 10_000;

/**
 * What restoring a version would do to the board's items, as the board is now: how many it
 * takes away and how many it brings back. Undefined while the version's items are on their way;
 * null if they could not come (or took too long: the dialog then works without the count).
 */
function useRestoreChange(
  snapshotId: string,
): { removed: number; added: number } | null | undefined {
  const session = useBoardSession();
  const items = useItems(session.doc);
  const [versionIds, setVersionIds] = useState<ReadonlySet<string> | null | undefined>();
  useEffect(() => {
    let cancelled = false;
    const giveUp = setTimeout(
      () => !cancelled && setVersionIds((ids) => ids ?? null),
      COUNT_WAIT_MS,
    );
    fetchExport(session, exportRoute('json', snapshotId))
      .then((response) => response.json() as Promise<BoardExport>)
      .then(
        (model) => !cancelled && setVersionIds(new Set(model.items.map((item) => item.id))),
        () => !cancelled && setVersionIds(null),
      );
    return () => {
      cancelled = true;
      clearTimeout(giveUp);
    };
  }, [session, snapshotId]);
  if (!versionIds) return versionIds;
  const now = new Set(items.map((item) => item.id));
  return {
    removed: items.filter((item) => !versionIds.has(item.id)).length,
    added: [...versionIds].filter((id) => !now.has(id)).length,
  };
}

function ConfirmRestore({
  snapshot,
  gone,
  onClose,
}: {
  snapshot: Snapshot;
  gone: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const format = useDateFormat();
  const [state, store] = useWorkshop();
  const [busy, run] = useBusy();
  const name = snapshotName(snapshot, t.workshop, format.dateTime);
  const open = openRoundOf(state);
  const closeRef = useRef<HTMLButtonElement>(null);
  // The Restore button goes with the version: a focus left on it would fall out of the dialog,
  // where Escape no longer closes it.
  const handOver = useFocusSuccessor<HTMLButtonElement>(() => closeRef.current);
  const change = useRestoreChange(snapshot.id);
  return (
    <Modal title={t.workshop.confirmRestoreTitle} onClose={onClose}>
      <p>{t.workshop.confirmRestore(name)}</p>
      {/* How much goes, before it goes: a version from months back takes nearly everything (QA). */}
      {change && (
        <p className={change.removed > 0 ? 'wk-notice' : undefined} data-testid="restore-change">
          {t.workshop.restoreWillChange(change.removed, change.added)}
        </p>
      )}
      {/* The count comes a moment after the dialog: until then Restore waits, so a quick
          confirmation does not go ahead unwarned (QA). */}
      {change === undefined && (
        <p className="wk-muted" data-testid="restore-counting">
          {t.workshop.restoreCounting}
        </p>
      )}
      {gone && <Gone />}
      {/* Items come and go under people's votes: votes on items the restore removes are left
          out when the round closes. */}
      {open && (
        <p className="wk-notice" data-testid="restore-round-open">
          {t.workshop.restoreWhileVoting(open.round.title)}
        </p>
      )}
      <div className="wk-row wk-actions">
        <button type="button" ref={closeRef} onClick={onClose}>
          {gone ? t.workshop.close : t.workshop.cancel}
        </button>
        {!gone && (
          <button
            ref={handOver}
            type="button"
            className="wk-primary wk-danger"
            aria-disabled={busy || change === undefined}
            onClick={() => {
              if (change === undefined) return;
              void run(async () => {
                await store.restoreSnapshot(snapshot.id);
                onClose();
              });
            }}
          >
            {t.workshop.restore}
          </button>
        )}
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
  const [deleting, setDeleting] = useState<Snapshot | null>(null);
  const [deleted, say] = useLiveMessage();
  const [busy, run] = useBusy();
  // The Delete pressed goes with its version: once the dialog has closed, the focus waits on
  // the section's heading, not on the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (deleting || !focusHeading.current) return;
    focusHeading.current = false;
    heading.current?.focus();
  }, [deleting]);
  const canSave = session.me.role !== 'viewer';
  const canRestore = session.me.role === 'facilitator';
  // A version thinned out while its dialog is open (snapshot:deleted) leaves the list.
  const kept = (snapshot: Snapshot) => state.snapshots.some((s) => s.id === snapshot.id);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await store.saveSnapshot(name.trim() || undefined);
    setName('');
  };
  return (
    <div className="wk-history" data-testid="history-panel">
      <ExportSection />
      <section className="wk-section" aria-labelledby="wk-history-h">
        <h2 id="wk-history-h" ref={heading} tabIndex={-1}>
          {t.workshop.historySection}
        </h2>
        <p className="wk-muted wk-live" role="status">
          {deleted}
        </p>
        {canSave && (
          <form className="wk-field-row" onSubmit={save}>
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
                    {snapshotTitle(snapshot, t.workshop)}
                    <span className="visually-hidden">, </span>
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
                    {canRestore && (
                      <button
                        type="button"
                        className="wk-small wk-danger"
                        aria-describedby={nameId}
                        onClick={() => setDeleting(snapshot)}
                      >
                        {t.workshop.deleteVersion}
                      </button>
                    )}
                    <details className="wk-version-download">
                      <summary aria-describedby={nameId}>{t.workshop.download}</summary>
                      <VersionDownloads snapshotId={snapshot.id} describedBy={nameId} />
                    </details>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {preview && (
        <Preview snapshot={preview} gone={!kept(preview)} onClose={() => setPreview(null)} />
      )}
      {restore && (
        <ConfirmRestore snapshot={restore} gone={!kept(restore)} onClose={() => setRestore(null)} />
      )}
      {deleting && (
        <Confirm
          title={t.workshop.confirmDeleteVersionTitle}
          answer={t.workshop.deleteVersionAnswer}
          busy={busy}
          onAnswer={() =>
            run(async () => {
              const name = snapshotName(deleting, t.workshop, format.dateTime);
              if (await store.deleteSnapshot(deleting.id)) {
                say(t.workshop.versionDeleted(name));
                focusHeading.current = true;
              }
              setDeleting(null);
            })
          }
          onClose={() => setDeleting(null)}
        >
          <p>
            {t.workshop.confirmDeleteVersion(snapshotName(deleting, t.workshop, format.dateTime))}
          </p>
        </Confirm>
      )}
    </div>
  );
}
