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
];
