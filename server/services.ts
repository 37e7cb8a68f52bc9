/** Opens the database and builds every service on it: shared by the server and the CLI. */
import type { Logger } from 'pino';
import { BOARD_DELETED, BoardsService, MEMBER_REMOVED } from './boards/boards-service.ts';
import { DeviceLinks } from './boards/device-links.ts';
import { DeviceUse } from './boards/device-use.ts';
import type { Config } from './config/config.ts';
import { DocumentRegistry } from './documents/document-registry.ts';
import { createFacilitation, type Facilitation } from './facilitation/facilitation.ts';
import { createFollowThrough, type FollowThrough } from './follow-through/follow-through.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { BoardsRepository } from './store/boards-repository.ts';
import { type Db, openDatabase } from './store/database.ts';
import { DeviceLinksRepository } from './store/device-links-repository.ts';
import { DevicesRepository } from './store/devices-repository.ts';
import { DocumentsRepository } from './store/documents-repository.ts';

export interface Services {
  db: Db;
  metrics: Metrics;
  documentsRepository: DocumentsRepository;
  boards: BoardsService;
  deviceUse: DeviceUse;
  deviceLinks: DeviceLinks;
  documents: DocumentRegistry;
  facilitation: Facilitation;
  followThrough: FollowThrough;
}

/** `schema`: whether an older database is upgraded or refused (see openDatabase). */
export function createServices(
  config: Config,
  logger: Logger,
  schema: 'upgrade' | 'current' = 'upgrade',
): Services {
  const db = openDatabase({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    schema,
    onMigrated: (version, ms) =>
      logger.info({ version, ms: Math.round(ms) }, 'database schema upgraded'),
    onChecked: (ms) => logger.info({ ms: Math.round(ms) }, 'database checked'),
  });
  const metrics = createMetrics();
  const documentsRepository = new DocumentsRepository(db);
  const devices = new DevicesRepository(db);
  const deviceUse = new DeviceUse(devices, (error) =>
    logger.warn({ err: error }, 'could not store when devices were last used'),
  );
  const boards = new BoardsService(
    new BoardsRepository(db),
    documentsRepository,
    devices,
    deviceUse,
  );
  const documents = new DocumentRegistry({
    repository: documentsRepository,
    metrics,
    logger,
    limits: config.limits,
    compaction: config.compaction,
    idleUnloadMs: config.idleUnloadMs,
  });
  const facilitation = createFacilitation(
    db,
    documents,
    documentsRepository,
    (boardId) => boards.get(boardId).language,
  );
  boards.onDeleted((boardId) => {
    documents.discardBoard(boardId, BOARD_DELETED);
    facilitation.rounds.forget(boardId);
  });
  boards.onMemberRemoved((member) => {
    documents.closeMember(member.boardId, member.id, MEMBER_REMOVED);
    facilitation.silentWriting.discardDrafts(member.boardId, member.id);
  });
  const deviceLinks = new DeviceLinks(boards, new DeviceLinksRepository(db), () =>
    facilitation.events(),
  );
  const followThrough = createFollowThrough(db, boards, documents, facilitation, () =>
    facilitation.events(),
  );
  boards.onMemberErased((member, formerName) =>
    followThrough.followUps.eraseOwner(member, formerName),
  );
  for (const boardId of boards.deleteAgain()) {
    logger.info({ boardId }, 'deleted again: the board was deleted after the restored backup');
  }
  for (const { member, erased } of boards.takeOffAgain()) {
    logger.info(
      { boardId: member.boardId, memberId: member.id },
      erased
        ? 'erased again: the name was erased after the restored backup'
        : 'taken off again: the member was taken off after the restored backup',
    );
  }
  return {
    db,
    metrics,
    documentsRepository,
    boards,
    deviceUse,
    deviceLinks,
    documents,
    facilitation,
    followThrough,
  };
}
