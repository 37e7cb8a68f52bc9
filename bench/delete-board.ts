/**
 * `npm run bench:delete [-- --quick]`: how long deleting one board holds the event loop on a
 * database of many boards, BoardsRepository.delete (each table by an index, foreign keys off,
 * freed pages zeroed) against leaving it to the schema's ON DELETE CASCADE, which scans the
 * tables that have no index on the key: the update log once, the votes and the follow-ups once
 * per member of the board, all boards' rows. Boards alternate between the two ways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BoardsRepository } from '../server/store/boards-repository.ts';
import { openDatabase } from '../server/store/database.ts';
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
    for (let m = 0; m < MEMBERS; m++)
      insert.member.run(`${id}-m${m}`, id, Buffer.from(`${id}-m${m}`));
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

const range = (values: number[]) =>
  `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
console.log(
  `Deleting one board of ${BOARDS} (${MEMBERS} members, ${ROUNDS * VOTES_PER_ROUND} votes and ${LOG_ROWS} log rows each), median of ${DELETES}:`,
);
console.log(`  BoardsRepository.delete  ${range(times.ours)}`);
console.log(`  ON DELETE CASCADE        ${range(times.cascade)}`);
