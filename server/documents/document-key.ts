/**
 * Which document: a board's shared document, or one member's private document on that board
 * (silent writing keeps a participant's new notes there until the facilitator reveals them).
 */
export interface DocumentKey {
  boardId: string;
  /** The member id owning a private document; absent for the shared board document. */
  owner?: string;
}

export function documentId(key: DocumentKey): string {
  return key.owner ? `${key.boardId}/private/${key.owner}` : key.boardId;
}
