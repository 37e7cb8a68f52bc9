/**
 * `npm run bench:delete [-- --quick]`: how long deleting one board holds the event loop on a
 * database of many boards, BoardsRepository.delete (each table by an index, foreign keys off,
 * freed pages zeroed) against leaving it to the schema's ON DELETE CASCADE, which scans the
 * tables that have no index on the key: the update log once, the votes and the follow-ups once
 * per member of the board, all boards' rows. Boards alternate between the two ways. Then what
 * zeroing freed pages (secure_delete) costs a compaction, off and on alternating.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BoardsRepository } from '../server/store/boards-repository.ts';
import { openDatabase } from '../server/store/database.ts';
import { DocumentsRepository } from '../server/store/documents-repository.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const BOARDS = quick ? 40 : 1000;
const MEMBERS = 20;
const ROUNDS = 5;
const VOTES_PER_ROUND = 100;
const LOG_ROWS = 100;
const DELETES = quick ? 4 : 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-bench-delete-'));
const db = openDatabase({ dataDir: dir, synchronous: 'NORMAL' });
const insert = {
  board: db.prepare(
    'INSERT INTO boards (id, title, template, language, created_at) VALUES (?, ?, ?, ?, ?)',
  ),
  key: db.prepare('INSERT INTO board_keys VALUES (?, ?, ?)'),
  member: db.prepare(
    "INSERT INTO members (id, board_id, name, role, color, token_hash, created_at) VALUES (?, ?, 'N', 'participant', '#000', ?, 0)",
  ),
  device: db.prepare(
    "INSERT INTO member_devices (token_hash, id, member_id, label, created_at) VALUES (?, ?, ?, '', 0)",
  ),
  state: db.prepare(
    'INSERT INTO document_states (doc_id, board_id, state, updated_at) VALUES (?, ?, ?, 0)',
  ),
  update: db.prepare('INSERT INTO document_updates (doc_id, board_id, data) VALUES (?, ?, ?)'),
  round: db.prepare(
    "INSERT INTO rounds (id, board_id, title, status, budget, max_per_item, item_types, anonymous, opened_at) VALUES (?, ?, 'R', 'closed', 5, 5, '[]', 1, 0)",
  ),
  vote: db.prepare('INSERT INTO votes (round_id, member_id, item_id, cast_at) VALUES (?, ?, ?, 0)'),
  followUp: db.prepare(
    "INSERT INTO follow_ups (id, board_id, item_id, title, owner_name, owner_member_id, status, created_at, updated_at) VALUES (?, ?, 'i', 't', 'o', ?, 'open', 0, 0)",
  ),
  snapshot: db.prepare(
    "INSERT INTO snapshots (id, board_id, reason, state, created_at) VALUES (?, ?, 'periodic', ?, 0)",
  ),
};
const boardId = (n: number) => `board-${String(n).padStart(5, '0')}`;
db.transaction(() => {
  for (let b = 0; b < BOARDS; b++) {
    const id = boardId(b);
    insert.board.run(id, 'Workshop', 'blank', 'en', b);
    for (const role of ['facilitator', 'participant', 'viewer']) {
      insert.key.run(id, role, Buffer.from(`${id}:${role}`));
    }
    for (let m = 0; m < MEMBERS; m++) {
      insert.member.run(`${id}-m${m}`, id, Buffer.from(`${id}-m${m}`));
      insert.device.run(Buffer.from(`${id}-m${m}`), `${id}-m${m}`, `${id}-m${m}`);
    }
    insert.state.run(id, id, Buffer.alloc(20_000, 1));
    for (let u = 0; u < LOG_ROWS; u++) insert.update.run(id, id, Buffer.alloc(200, 7));
    for (let r = 0; r < ROUNDS; r++) {
      insert.round.run(`${id}-r${r}`, id);
      for (let v = 0; v < VOTES_PER_ROUND; v++) {
        insert.vote.run(`${id}-r${r}`, `${id}-m${v % MEMBERS}`, `item-${v}`);
      }
    }
    for (let f = 0; f < 10; f++) insert.followUp.run(`${id}-f${f}`, id, `${id}-m${f}`);
    for (let s = 0; s < 10; s++) insert.snapshot.run(`${id}-s${s}`, id, Buffer.alloc(2_000, 2));
  }
})();
db.pragma('wal_checkpoint(TRUNCATE)');

const repository = new BoardsRepository(db);
const cascade = db.prepare('DELETE FROM boards WHERE id = ?');
const times = { ours: [] as number[], cascade: [] as number[] };
for (let i = 0; i < DELETES; i++) {
  let started = performance.now();
  repository.delete(boardId(2 * i));
  times.ours.push(performance.now() - started);
  started = performance.now();
  cascade.run(boardId(2 * i + 1));
  times.cascade.push(performance.now() - started);
}
if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
  throw new Error('rows left without their board');
db.close();
fs.rmSync(dir, { recursive: true, force: true });

// What zeroing freed pages (secure_delete, on in every connection) costs a compaction: a
// board's 768 KB state replaced and 2,000 log rows of a moved note dropped, OFF and ON
// alternating on one database.
const compactions = {
  OFF: { ms: [] as number[], wal: [] as number[] },
  ON: { ms: [] as number[], wal: [] as number[] },
};
{
  const compactDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-bench-compact-'));
  const store = openDatabase({ dataDir: compactDir, synchronous: 'NORMAL' });
  const documents = new DocumentsRepository(store);
  const wal = path.join(compactDir, 'ideamill.sqlite-wal');
  const state = (fill: number) => ({
    state: Buffer.alloc(768_000, fill),
    stateVector: Buffer.alloc(8, 1),
  });
  const reps = quick ? 2 : 10;
  for (let b = 0; b < 2 * reps; b++) {
    store
      .prepare(
        'INSERT INTO boards (id, title, template, language, created_at) VALUES (?, ?, ?, ?, 0)',
      )
      .run(`c${b}`, 'Workshop', 'blank', 'en');
    documents.compact(`c${b}`, `c${b}`, state(b), 0);
  }
  for (let rep = 0; rep < reps; rep++) {
    for (const mode of ['OFF', 'ON'] as const) {
      store.pragma(`secure_delete = ${mode}`);
      const id = `c${2 * rep + (mode === 'ON' ? 1 : 0)}`;
      let last = 0;
      for (let i = 0; i < 2000; i++) last = documents.append(id, id, [Buffer.alloc(59, 3)]);
      store.pragma('wal_checkpoint(TRUNCATE)');
      const started = performance.now();
      documents.compact(id, id, state(100 + rep), last);
      compactions[mode].ms.push(performance.now() - started);
      compactions[mode].wal.push(fs.statSync(wal).size);
      store.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
  store.close();
  fs.rmSync(compactDir, { recursive: true, force: true });
}

const range = (values: number[]) =>
  `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
console.log(
  `Deleting one board of ${BOARDS} (${MEMBERS} members, ${ROUNDS * VOTES_PER_ROUND} votes and ${LOG_ROWS} log rows each), median of ${DELETES}:`,
);
console.log(`  BoardsRepository.delete  ${range(times.ours)}`);
console.log(`  ON DELETE CASCADE        ${range(times.cascade)}`);
for (const mode of ['OFF', 'ON'] as const) {
  console.log(
    `  a compaction with secure_delete ${mode.padEnd(3)}  ${range(compactions[mode].ms)}, ` +
      `${Math.round(median(compactions[mode].wal) / 1024)} KiB of WAL`,
  );
}
