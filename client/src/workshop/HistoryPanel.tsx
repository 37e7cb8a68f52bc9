/**
 * Export the board, save named versions, preview any version's report and restore one (after
 * a confirmation: a restore changes the board for everyone).
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { Snapshot } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { downloadExport, type ExportChoice, exportRoute, fetchExport } from './download.ts';
import { useDateFormat } from './format.ts';
import { Modal } from './Modal.tsx';
import { openRoundOf, useWorkshop } from './use-workshop.ts';

const CHOICES: ExportChoice[] = ['md', 'csv', 'csvFollowUps', 'json', 'svg', 'ics'];

function ExportButtons() {
  const t = useT();
  const session = useBoardSession();
  const [busy, setBusy] = useState<ExportChoice | null>(null);
  const download = async (choice: ExportChoice) => {
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
      <ul className="wk-export-list">
        {CHOICES.map((choice) => (
          <li key={choice}>
            <button
              type="button"
              data-export={choice}
              disabled={busy !== null}
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
  const when = format(snapshot.createdAt);
  return snapshot.name ? `${snapshot.name} (${when})` : `${reasons[snapshot.reason]} (${when})`;
}

function Preview({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchExport(session, exportRoute('md', snapshot.id))
      .then((response) => response.text())
      .then(
        (body) => !cancelled && setText(body),
        (error: Error) => !cancelled && setText(error.message),
      );
    return () => {
      cancelled = true;
    };
  }, [session, snapshot.id]);
  return (
    <Modal
      title={t.workshop.previewOf(
        snapshotName(snapshot, t.workshop.snapshotReasons, format.dateTime),
      )}
      onClose={onClose}
      wide
    >
      <pre className="wk-preview" data-testid="snapshot-preview">
        {text ?? t.workshop.working}
      </pre>
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
          <form className="wk-row" onSubmit={save}>
            <label>
              {t.workshop.versionName}
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
          <ul className="wk-snapshots">
            {state.snapshots.map((snapshot) => (
              <li key={snapshot.id} data-snapshot-id={snapshot.id}>
                <span>{snapshotName(snapshot, t.workshop.snapshotReasons, format.dateTime)}</span>
                <span className="wk-row">
                  <button type="button" className="wk-small" onClick={() => setPreview(snapshot)}>
                    {t.workshop.preview}
                  </button>
                  {canRestore && (
                    <button type="button" className="wk-small" onClick={() => setRestore(snapshot)}>
                      {t.workshop.restore}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {preview && <Preview snapshot={preview} onClose={() => setPreview(null)} />}
      {restore && <ConfirmRestore snapshot={restore} onClose={() => setRestore(null)} />}
    </div>
  );
}
