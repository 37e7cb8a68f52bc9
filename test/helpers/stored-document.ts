/** A LiveDocument loaded from a real SQLite file, without a server around it. */
import * as Y from 'yjs';
import { LiveDocument } from '../../server/documents/live-document.ts';
import { createLogger } from '../../server/observability/logger.ts';
import { createMetrics } from '../../server/observability/metrics.ts';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import type { Member } from '../../shared/roles.ts';
import { tempDataDir } from './server.ts';

export const STORED_BOARD = '0190f5b2-0000-7000-8000-000000000001';

/** A participant of STORED_BOARD. */
export const storedBoardMember: Member = {
  id: 'm1',
  boardId: STORED_BOARD,
  name: 'Aino',
  role: 'participant',
  color: '#000',
};

export interface StoredDocument {
  db: Db;
  live: LiveDocument;
  /** The state as stored (Yjs V1), before anything was integrated. */
  stored: Uint8Array;
}

/**
 * Stores `source`'s state for STORED_BOARD as compaction would (`withVector: false`: as older
 * versions did, without its state vector) and loads it into a LiveDocument.
 */
export function loadStoredDocument(
  source: Y.Doc,
  options: {
    withVector?: boolean;
    compaction?: { afterBytes: number; afterUpdates: number };
  } = {},
): StoredDocument {
  const db = openDatabase({ dataDir: tempDataDir(), synchronous: 'NORMAL' });
  db.prepare(
    "INSERT INTO boards (id, title, template, language, created_at) VALUES (?, 'B', 'blank', 'en', 0)",
  ).run(STORED_BOARD);
  const repository = new DocumentsRepository(db);
  const stored = Y.encodeStateAsUpdate(source);
  repository.initialize(STORED_BOARD, { state: stored, stateVector: Y.encodeStateVector(source) });
  if (options.withVector === false)
    db.prepare('UPDATE document_states SET state_vector = NULL').run();
  const live = new LiveDocument({ boardId: STORED_BOARD }, repository.load(STORED_BOARD), {
    repository,
    policy: { canEdit: () => true, refusal: () => '' },
    metrics: createMetrics(),
    logger: createLogger('silent'),
    limits: {
      updateRatePerSec: 100_000,
      updateBurst: 100_000,
      awarenessRatePerSec: 1000,
      awarenessBurst: 1000,
      maxDocumentBytes: 64 * 1024 * 1024,
      presenceFlushMs: 50,
      presenceFanoutPerSec: 120_000,
      presenceMessagesPerSec: 4_000,
    },
    compaction: options.compaction ?? { afterBytes: 1024 * 1024, afterUpdates: 5000 },
    onFail: () => {},
  });
  return { db, live, stored };
}
