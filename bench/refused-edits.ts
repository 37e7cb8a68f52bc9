/**
 * `npm run bench:refused [-- --quick] [--ideamill-dir=PATH] [--out=FILE]`: what edits the server refuses
 * cost it (BENCHMARKS §10). A locked board of 15,000 notes (quick: 1,500), a third of them
 * deleted since, so it has a history of deletions; a participant moves a note 1,000 times
 * (quick: 100), each move its own message, and the server applies, undoes and relays each
 * (server/documents/refused-edit.ts). Measured: the server process's CPU until it is quiet
 * again, and the bytes a watching member receives, per refused edit; REPS rounds on the same
 * board. PATH runs another checkout's server under this harness, for a before and after.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { itemsOf } from '../shared/board-document.ts';
import { connect, populate, post, waitUntil, writeResults } from './board-fixture.ts';
import { startIdeamill } from './peers/ideamill.ts';
import { cpuMs, cpuQuiet } from './proc.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const dirArg = process.argv.find((arg) => arg.startsWith('--ideamill-dir='));
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const NOTES = quick ? 1_500 : 15_000;
const EDITS = quick ? 100 : 1_000;
const REPS = quick ? 1 : 3;

const peer = await startIdeamill({
  ideamillDir: dirArg ? path.resolve(dirArg.slice('--ideamill-dir='.length)) : undefined,
});
try {
  const boardId = await peer.newRoom();
  const [facilitator, participant, watcher] = await peer.credentials(boardId, 3);
  const writer = connect(peer.origin, boardId, facilitator!);
  await writer.synced;
  const ids = populate(writer.doc, NOTES);
  await waitUntil(() => !writer.provider.unacknowledged, 'notes stored', 300_000);
  const doomed = ids.filter((_, i) => i % 3 === 0);
  for (let start = 0; start < doomed.length; start += 500) {
    writer.doc.transact(() => {
      for (const id of doomed.slice(start, start + 500)) itemsOf(writer.doc).delete(id);
    });
    await waitUntil(() => !writer.provider.unacknowledged, 'deletions stored', 300_000);
  }
  const deleteSetBytes = Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(writer.doc)).length;
  writer.provider.destroy();
  await post(`${peer.origin}/api/boards/${boardId}/lock`, { locked: true }, facilitator);

  const watching = connect(peer.origin, boardId, watcher!);
  await watching.synced;
  let received = 0;
  watching.provider.socket.on('yjs', (message: Uint8Array) => {
    received += message.byteLength;
  });
  const mover = connect(peer.origin, boardId, participant!);
  await mover.synced;
  const note = itemsOf(mover.doc).get(ids[1]!) as Y.Map<unknown>;
  const original = note.get('x');
  let disconnects = 0;
  mover.provider.socket.on('disconnect', () => disconnects++);
  await cpuQuiet(peer.pid, { windowMs: 1_000, maxCpuMs: 30 });

  const rounds: { cpuMsPerEdit: number; bytesPerEdit: number }[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const cpuBefore = cpuMs(peer.pid);
    const bytesBefore = received;
    for (let i = 0; i < EDITS; i++) note.set('x', rep * EDITS + i);
    // Done when the server is quiet again: its CPU over that last quiet window is counted too
    // (a few milliseconds of an idle server's own upkeep).
    await cpuQuiet(peer.pid, { windowMs: 1_000, maxCpuMs: 30, timeoutMs: 120_000 });
    // Every move was refused and undone, in one connection: the note is back where it was.
    await waitUntil(() => note.get('x') === original, 'every move reverted');
    if (disconnects > 0) throw new Error(`the mover was disconnected ${disconnects} time(s)`);
    const round = {
      cpuMsPerEdit: (cpuMs(peer.pid) - cpuBefore) / EDITS,
      bytesPerEdit: (received - bytesBefore) / EDITS,
    };
    rounds.push(round);
    console.log(
      `round ${rep + 1}: ${round.cpuMsPerEdit.toFixed(3)} ms of server CPU and ` +
        `${round.bytesPerEdit.toFixed(0)} bytes to a watcher per refused edit`,
    );
  }
  if (itemsOf(watching.doc).get(ids[1]!)?.get('x') !== original) {
    throw new Error('the watcher does not see the note where it was');
  }
  mover.provider.destroy();
  watching.provider.destroy();
  const summary = {
    cpuMsPerEdit: median(rounds.map((r) => r.cpuMsPerEdit)),
    bytesPerEdit: median(rounds.map((r) => r.bytesPerEdit)),
  };
  console.log(
    `\n${NOTES} notes, ${doomed.length} deleted (a delete set of ${deleteSetBytes} bytes), ` +
      `${EDITS} refused moves a round, ${REPS} rounds; medians: ` +
      `${summary.cpuMsPerEdit.toFixed(3)} ms of server CPU, ${summary.bytesPerEdit.toFixed(0)} bytes ` +
      'to a watcher per refused edit',
  );
  writeResults(
    'refused-edits',
    {
      workload: 'refused-edits',
      notes: NOTES,
      deleted: doomed.length,
      deleteSetBytes,
      edits: EDITS,
      ideamillDir: dirArg ?? null,
      rounds,
      ...summary,
    },
    outArg,
  );
} finally {
  await peer.stop();
}
