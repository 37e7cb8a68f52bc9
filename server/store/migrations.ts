/** Numbered schema migrations; index i takes user_version i to i + 1. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    template    TEXT NOT NULL,
    language    TEXT NOT NULL,
    created_at  INTEGER NOT NULL
  );
  CREATE TABLE board_keys (
    board_id  TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
    key_hash  BLOB NOT NULL UNIQUE,
    PRIMARY KEY (board_id, role)
  );
  CREATE TABLE members (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
    color       TEXT NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
  );
  CREATE INDEX members_by_board ON members(board_id);
  -- A document is a board's shared document (doc_id = board id) or one member's private
  -- document on it (doc_id = 'boardId/private/memberId'). Its compacted state (Yjs V2) ...
  CREATE TABLE document_states (
    doc_id      TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    state       BLOB NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX document_states_by_board ON document_states(board_id);
  -- ... plus the log of updates (Yjs V1, as received) applied since it was written.
  CREATE TABLE document_updates (
    seq       INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL,
    board_id  TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data      BLOB NOT NULL
  );
  CREATE INDEX document_updates_by_doc ON document_updates(doc_id, seq);
  CREATE INDEX document_updates_by_board ON document_updates(board_id);
  `,
  `
  -- Facilitation state of a board: lock, phase, shared timer (JSON), silent writing.
  CREATE TABLE board_state (
    board_id        TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    locked          INTEGER NOT NULL DEFAULT 0,
    phase           TEXT,
    timer           TEXT NOT NULL DEFAULT '{"status":"idle"}',
    silent_writing  INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE rounds (
    id            TEXT PRIMARY KEY,
    board_id      TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    budget        INTEGER NOT NULL,
    max_per_item  INTEGER NOT NULL,
    item_types    TEXT NOT NULL,
    frame_id      TEXT,
    anonymous     INTEGER NOT NULL,
    duration_sec  INTEGER,
    opened_at     INTEGER NOT NULL,
    closes_at     INTEGER,
    closed_at     INTEGER,
    results       TEXT,
    excluded      TEXT
  );
  -- At most one open round per board, whatever races the application loses.
  CREATE UNIQUE INDEX rounds_one_open ON rounds(board_id) WHERE status = 'open';
  CREATE INDEX rounds_by_board ON rounds(board_id, opened_at);
  CREATE TABLE votes (
    id         INTEGER PRIMARY KEY,
    round_id   TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL,
    cast_at    INTEGER NOT NULL
  );
  CREATE INDEX votes_by_round_member ON votes(round_id, member_id, item_id);
  `,
  `
  CREATE TABLE follow_ups (
    id               TEXT PRIMARY KEY,
    board_id         TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    item_id          TEXT NOT NULL,
    title            TEXT NOT NULL,
    owner_name       TEXT NOT NULL,
    owner_email      TEXT,
    owner_member_id  TEXT REFERENCES members(id) ON DELETE SET NULL,
    due              TEXT,
    status           TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    notes            TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
  );
  CREATE INDEX follow_ups_by_board ON follow_ups(board_id, created_at);
  -- Snapshots hold a whole board document state (Yjs V2).
  CREATE TABLE snapshots (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name        TEXT,
    reason      TEXT NOT NULL
                CHECK (reason IN ('manual', 'periodic', 'before_round', 'before_restore')),
    state       BLOB NOT NULL,
    created_at  INTEGER NOT NULL
  );
  CREATE INDEX snapshots_by_board ON snapshots(board_id, created_at);
  `,
  `
  -- States were Yjs V2. From now on they are written as V1, the encoding y-protocols sends:
  -- a new client's full sync is then the stored bytes as they are, with nothing to decode.
  ALTER TABLE document_states ADD COLUMN encoding INTEGER NOT NULL DEFAULT 2
    CHECK (encoding IN (1, 2));
  `,
  `
  -- The state vector of a stored state: a board not in memory can open its sync with a new
  -- client at once, before the state is integrated. Null for states stored before this.
  ALTER TABLE document_states ADD COLUMN state_vector BLOB;
  `,
  `
  -- What a snapshot covers, as an encoded Yjs snapshot (state vector and delete set, V2): has
  -- the board changed since its newest snapshot? Read without decoding the state. Null for
  -- snapshots stored before this.
  ALTER TABLE snapshots ADD COLUMN covers BLOB;
  `,
  `
  -- The voting round a 'before_round' snapshot was taken for, so the history can name it.
  -- Null for other snapshots and for those stored before this.
  ALTER TABLE snapshots ADD COLUMN round_id TEXT;
  ALTER TABLE snapshots ADD COLUMN round_title TEXT;
  `,
  `
  -- A fingerprint of a snapshot's content (its items and meta): is the board the same as its
  -- newest snapshot, after a change undone? Read without decoding the state. Null for
  -- snapshots stored before this.
  ALTER TABLE snapshots ADD COLUMN content TEXT;
  `,
  `
  -- A 'before_round' snapshot's round title is read from the round itself (one copy, and none
  -- for a round that never opened because the server stopped between the two).
  ALTER TABLE snapshots DROP COLUMN round_title;
  `,
  `
  -- Storing an update wrote a page of this index too: a third of its WAL frames. Boards are
  -- never deleted, and a board's private documents are found by their ids' prefix
  -- (documents-repository.ts), so nothing needs it.
  DROP INDEX document_updates_by_board;
  `,
  `
  -- The secret that names notes revealed without their writer (board-state-repository.ts):
  -- made when first needed, so NULL until then.
  ALTER TABLE board_state ADD COLUMN reveal_key BLOB;
  `,
  `
  -- When a facilitator took the member off the board: its token opens nothing from then on.
  -- The row stays, so what the member wrote, voted and owns still names them.
  ALTER TABLE members ADD COLUMN removed_at INTEGER;
  `,
  `
  -- When the server last read the board into memory (someone opened it, even only to look):
  -- with its other dates, when it was last active (BoardsRepository.lastActive).
  ALTER TABLE boards ADD COLUMN opened_at INTEGER;
  `,
  `
  -- Which boards were deleted, and when: the id and nothing else. A backup taken before still
  -- holds such a board, and a restore from it would bring it back, links and all; the rows here
  -- let the server delete it again (BoardsService.deleteAgain). IF NOT EXISTS: \`ideamill
  -- restore\` adds the table to a backup of an older schema, to carry the record over.
  CREATE TABLE IF NOT EXISTS deleted_boards (
    id TEXT PRIMARY KEY,
    deleted_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Versions a facilitator deleted, by id and nothing of what they held: a backup taken before
  -- still holds them, and \`ideamill restore\` deletes them from the restored copy again.
  CREATE TABLE IF NOT EXISTS deleted_snapshots (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    deleted_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Members \`ideamill restore\` found taken off (\`erase\`: their name erased too) in the
  -- database it replaced but not in the backup: the server takes them off again as it starts
  -- (BoardsService.takeOffAgain), then forgets the row. IF NOT EXISTS, as deleted_boards.
  CREATE TABLE IF NOT EXISTS members_to_take_off (
    id TEXT PRIMARY KEY,
    erase INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Whether the board shows each note's writer (a facilitator's choice, set by a reveal with or
  -- without names too): board-state-repository.ts.
  ALTER TABLE board_state ADD COLUMN show_names INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- A member carrying on from another device (device-links.ts): the member's token sealed
  -- under a one-time code that only the link holds (here its hash), for ten minutes, taken once.
  CREATE TABLE device_links (
    code_hash   BLOB PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    member_id   TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed      BLOB NOT NULL,
    expires_at  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX device_links_by_member ON device_links(member_id);
  `,
  `
  -- Each device a member is on the board from has a token of its own: the one it joined with,
  -- and one for every device it carried on from with a device link. A device can then be signed
  -- out alone (BoardsService.signOutDevice): its token opens nothing from then on. The row stays,
  -- to say so. \`label\` is what the device's browser said it was ("Firefox · Android"), empty
  -- where unknown. members.token_hash is read no more: SQLite cannot drop a UNIQUE column, so it
  -- keeps the hash of the token the member joined with.
  CREATE TABLE member_devices (
    token_hash     BLOB PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    member_id      TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    signed_out_at  INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX member_devices_by_member ON member_devices(member_id);
  INSERT INTO member_devices (token_hash, id, member_id, label, created_at)
    SELECT token_hash, id, id, '', created_at FROM members;
  -- A device link now gives the device that takes it a token of its own, so it keeps no sealed
  -- token. Links not taken yet (ten minutes at most) end with the upgrade.
  DROP TABLE device_links;
  CREATE TABLE device_links (
    code_hash   BLOB PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    member_id   TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    expires_at  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX device_links_by_member ON device_links(member_id);
  `,
  `
  -- When each device was last on the board (device-use.ts): added, its last connection closed,
  -- or it signed in with this long past. NULL where not known: a device added before.
  ALTER TABLE member_devices ADD COLUMN last_used_at INTEGER;
  `,
];
