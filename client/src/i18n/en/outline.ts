/** The outline view. */
import type { ReactNode } from 'react';
export const outline = {
  title: 'Outline',
  intro: 'Every frame and item of the board as a list. Add, edit and vote here too.',
  /** A viewer's: theirs to read; the status row above says for good that they cannot change it. */
  introViewer: 'Every frame and item of the board as a list, with their votes and follow-ups.',
  /** Items others made since I was last on the board, and when that was. */
  newSinceVisit: (count: number, when: string) =>
    `${count} ${count === 1 ? 'item is' : 'items are'} new since you were last here (${when}), marked New.`,
  addNote: 'Add a note',
  noteText: 'Note text',
  where: 'Where',
  unframed: 'Not in a frame',
  /** Said before a section's pinned labels (a template's title and stages). */
  boardLabels: 'Pinned labels:',
  stage: 'Stage',
  anyStage: 'Any stage (the first free spot)',
  column: (number: number) => `Column ${number}`,
  untitledFrame: 'Untitled frame',
  add: 'Add note',
  privateNotes: 'My private notes',
  privateHint: 'Only you see these until the facilitator reveals them.',
  noItems: 'Nothing here yet.',
  itemCount: (count: number) => (count === 1 ? '1 item' : `${count} items`),
  /** On the frame an open voting round is limited to (listed first). */
  votingHere: 'Voting now',
  types: {
    note: 'Note',
    text: 'Text',
    concept: 'Concept',
    frame: 'Frame',
    stroke: 'Drawing',
    connector: 'Connector',
  } as Record<string, string>,
  emptyText: '(empty)',
  edit: 'Edit',
  editLabel: (text: string) => `Edit “${text}”`,
  save: 'Save',
  cancel: 'Cancel',
  /** The board closed to me (a lock, silent writing) while this form was open (journey QA). */
  closedWhileEditing:
    'The board has closed to your changes, so this cannot be saved now. Your words stay here to copy.',
  myVotes: (count: number) => (count === 1 ? 'My votes: 1' : `My votes: ${count}`),
  vote: 'Vote',
  retract: 'Take back',
  notInRound: 'Not in this round',
  result: (rank: number, votes: number) =>
    `Rank ${rank}, ${votes === 1 ? '1 vote' : `${votes} votes`}`,
  tally: (votes: number) => (votes === 1 ? '1 vote so far' : `${votes} votes so far`),
  followUps: 'Follow-ups',
  /** Title and owner come as elements (each in its own text direction: an Arabic owner's name
   * must not run into a Latin title). */
  followUpLine: (title: ReactNode, owner: ReactNode, status: string): ReactNode[] => [
    title,
    ' — ',
    owner,
    ` (${status})`,
  ],
  due: (date: string) => `due ${date}`,
  /** While it lasts: the board locked, or silent writing before my private notes open. */
  readOnly: 'You can read the board but not change it right now.',
  announceNew: (type: string, text: string) => `New ${type.toLowerCase()}: ${text}`,
  announceNewMany: (count: number) => `${count} new items on the board.`,
  announceAdded: 'Note added.',
  announceAddedPrivately: 'Note added privately.',
  announceSaved: 'Saved.',
  /** `budget` is null for a viewer, who has no votes. */
  announceRoundOpened: (title: string, budget: number | null) =>
    `Voting round “${title}” is open.${budget === null ? '' : ` You have ${budget} ${budget === 1 ? 'vote' : 'votes'}.`}`,
  announceRoundClosed: (title: string, summary: string) =>
    `Voting round “${title}” closed. ${summary}`,
  announceRanking: (rank: number, text: string, votes: number) =>
    `Rank ${rank}: ${text}, ${votes === 1 ? '1 vote' : `${votes} votes`}.`,
  announceNoVotes: 'No votes were cast.',
  announceVoted: (remaining: number) => `Vote given. ${remaining} left.`,
  announceRetracted: (remaining: number) => `Vote taken back. ${remaining} left.`,
};
