/** Facilitation, voting, follow-ups, history and export panels. */
export const workshop = {
  facilitation: 'Facilitation',
  panelsLabel: 'Workshop',
  tabs: {
    facilitate: 'Facilitate',
    voting: 'Voting',
    followUps: 'Follow-ups',
    followUpsNew: (count: number) => `Follow-ups · ${count} new for you`,
    history: 'History & export',
  },
  close: 'Close',
  cancel: 'Cancel',
  working: 'Working…',

  // Banner, seen by everyone
  phaseLabel: 'Phase',
  phases: {
    diverge: 'Diverge',
    cluster: 'Cluster',
    vote: 'Vote',
    assign: 'Assign',
  } as Record<string, string>,
  noPhase: 'No phase',
  timerLabel: 'Timer',
  timerPaused: 'paused',
  timeUp: "Time's up",
  locked: 'The board is locked: only facilitators can edit.',
  silentWritingFacilitator: 'Silent writing is running: participants write privately.',
  /** The two above in one line each, above the canvas on a phone (workshop.css). */
  lockedBrief: 'Locked: only facilitators can edit.',
  silentWritingFacilitatorBrief: 'Silent writing is running.',
  votesLeft: (remaining: number, budget: number) => `${remaining} of ${budget} votes left`,
  // Said to screen readers as they change (WorkshopAnnouncer); the lock and silent writing
  // starting are said in the banner's words.
  announceUnlocked: 'The board is unlocked: it can be edited again.',
  announceRevealed:
    'The notes written in silence are revealed: everyone sees them on the board now.',
  announcePhase: (phase: string | null) => (phase ? `Phase: ${phase}.` : 'No phase now.'),

  // Facilitator panel
  roundSection: 'Voting round',
  roundTitle: 'Title',
  roundTitlePlaceholder: 'Which ideas go forward?',
  budget: 'Votes per person',
  maxPerItem: 'Most votes per item',
  itemTypes: 'Items that take votes',
  itemTypeNames: {
    note: 'Notes',
    text: 'Text',
    frame: 'Frames',
    concept: 'Concept cards',
    stroke: 'Drawings',
    connector: 'Connectors',
  } as Record<string, string>,
  onlyInFrame: 'Only inside a frame',
  anyFrame: 'Anywhere on the board',
  untitledFrame: 'Untitled frame',
  anonymous: 'Anonymous (tallies hidden until the round closes)',
  durationMin: 'Closes itself after (minutes, optional)',
  openRound: 'Open round',
  closeRound: 'Close round',
  roundOpenSince: (title: string) => `Open: ${title}`,
  voters: (count: number) => (count === 1 ? '1 person has voted' : `${count} people have voted`),
  participation: 'Participation',
  usedVotes: (used: number, budget: number) => `${used} / ${budget}`,
  nobodyVotedYet: 'Nobody has voted yet.',
  closesAt: (time: string) => `Closes at ${time}`,
  timeLeft: (duration: string) => `${duration} left`,

  silentSection: 'Silent writing',
  startSilent: 'Start silent writing',
  revealWithNames: 'Reveal with names',
  silentProgress: (writers: number, notes: number) =>
    `So far ${writers} ${writers === 1 ? 'person has' : 'people have'} written ${notes} ${notes === 1 ? 'note' : 'notes'}.`,
  revealAnonymously: 'Reveal without names',
  showNames: 'Show who wrote each note',
  showNamesHint:
    'Everyone sees the writer’s name at the foot of each note and card. A reveal with names turns this on, one without turns it off.',
  writtenBy: (name: string) => `Written by ${name}`,
  /** On an item others made since I was last on the board (board/last-visit.ts). */
  newTag: 'New',
  newHint: 'Added since you were last on this board',

  lockSection: 'Board lock',
  lockBoard: 'Lock the board',
  unlockBoard: 'Unlock the board',

  timerSection: 'Shared timer',
  timeLeftPaused: (time: string) => `${time} left, paused`,
  minutes: 'Minutes',
  startTimer: 'Start',
  pauseTimer: 'Pause',
  resumeTimer: 'Resume',
  resetTimer: 'Reset',

  // Another facilitator's change just before mine, which my click is taken to have meant
  // (seen-controls.ts), or their timer in place of mine: said by the control it concerns.
  anotherFacilitator: 'Another facilitator',
  lockedBefore: (who: string) => `${who} locked the board just before you did: it stays locked.`,
  unlockedBefore: (who: string) =>
    `${who} unlocked the board just before you did: it stays unlocked.`,
  pausedBefore: (who: string) => `${who} paused the timer just before you did: it stays paused.`,
  resumedBefore: (who: string) => `${who} resumed the timer just before you did: it keeps running.`,
  resetBefore: (who: string) => `${who} reset the timer just before you did.`,
  timerStartedBefore: (who: string, time: string) =>
    `${who} started a ${time} timer just before you did. Start again to put yours in its place.`,
  timerReplaced: (who: string, time: string) => `${who} started a ${time} timer in place of yours.`,
  silentStartedBefore: (who: string) =>
    `${who} started silent writing just before you did: nothing was revealed.`,
  revealedBefore: (who: string, anonymous: boolean) =>
    `${who} already revealed the notes, ${anonymous ? 'without names' : 'with names'}.`,

  phaseSection: 'Phase',
  setPhase: 'Set phase',
  summon: 'Bring everyone to me',
  summonHint: 'Moves everyone’s view to what you see now.',

  linksSection: 'Links',
  linksHint:
    'The board’s links were shown once, when it was made (the browser that made it keeps the participant and viewer links for Invite people). Lost one, or sent it to the wrong people? Make a new one: the old link stops working, and everyone who joined with it stays (take someone off under People).',
  newLinkFor: (role: string) => `New ${role} link`,
  confirmNewLinkTitle: (role: string) => `Make a new ${role} link?`,
  /** `kept`: this browser keeps the new link for Invite people (participant, viewer). */
  confirmNewLink: (role: string, kept: boolean) =>
    `The current ${role} link stops opening this board, for everyone who has not joined with it yet. Whoever has joined stays. ${kept ? 'This browser keeps the new link, under Invite people.' : 'The new link is shown once: copy it before you leave.'}`,
  makeNewLink: 'Make a new link',
  newLinkMade: (role: string, kept: boolean) =>
    `New ${role} link (${kept ? 'also under Invite people' : 'shown once'})`,

  inviteHint:
    'Show this on the screen: people scan the code with a phone camera, or open the link, and join as participants.',
  inviteQr: 'QR code for the participant link',
  inviteQrFailed: 'The QR code could not be made here. Share the link instead.',
  inviteLinkNotHere: (role: string) =>
    `This device does not have the ${role} link: a board’s links are kept only in the browser that made the board. Make a new one to invite people.`,
  inviteLinkReplaced: (role: string) =>
    `The ${role} link kept on this device no longer opens the board: someone has made a new one since. Make a new one here, or ask for that one.`,
  makeNewRoleLink: (role: string) => `Make a new ${role} link`,

  membersSection: 'People',
  membersHint:
    'Someone on the board who should not be, or a lost device? Take them off: they are disconnected at once, on every device.',
  everyoneJoined: 'Everyone who has joined',
  memberHere: 'here now',
  memberYou: 'you',
  /** Beside a name listed more than once: when this one joined. */
  memberJoined: (when: string) => `joined ${when}`,
  removeMember: 'Remove',
  removeMemberNamed: (name: string) => `Take ${name} off the board`,
  confirmRemoveMemberTitle: (name: string) => `Take ${name} off the board?`,
  confirmRemoveMember: (name: string, role: string) =>
    `${name} is taken off the board at once, on every device. What they wrote, their votes and their follow-ups stay, under their name unless you erase it below; private notes they have not had revealed are dropped. Whoever has the ${role} link can join with it, ${name} too: if they still have it, make a new ${role} link as well (Links, below).`,
  removeMemberAnswer: 'Take off the board',
  memberRemoved: (name: string) => `${name} is no longer on the board.`,
  eraseMemberName: 'Erase their name too, as they asked',
  eraseMemberNameHint:
    'Wherever the board names them (their notes, votes and follow-ups, the exports) it says “(name erased)” instead, and a follow-up given to their name loses its e-mail address. What they wrote stays. This cannot be undone.',
  memberErased: (name: string) => `${name} is no longer on the board, and their name is erased.`,
  takenOff: (count: number) => `Taken off the board (${count})`,
  eraseName: 'Erase name',
  eraseNameOf: (name: string) => `Erase the name of ${name}`,
  confirmEraseNameTitle: (name: string) => `Erase the name of ${name}?`,
  nameErased: (name: string) => `The name of ${name} is erased.`,

  renameSection: 'The board’s title',
  boardTitle: 'Board title',
  renameBoard: 'Rename',
  languageSection: 'The board’s language',
  languageHint:
    'The exports’ words, and the template’s labels nobody has changed, for everyone. Each person’s screen keeps the language they chose.',
  boardLanguage: 'Board language',
  changeLanguage: 'Change',
  titleEmpty: 'The board needs a title.',
  announceRenamed: (title: string) => `The board is now called “${title}”.`,
  announceYourFollowUp: (title: string) => `A follow-up is yours now: “${title}”.`,

  deleteSection: 'Delete the board',
  deleteHint:
    'Deletes the board for everyone, with its notes, voting rounds, follow-ups and saved versions. It cannot be undone: download what you need first (History & export).',
  deleteBoard: 'Delete board…',
  confirmDeleteTitle: (title: string) => `Delete “${title}” for everyone?`,
  confirmDelete:
    'Everyone on the board is taken off it at once, and its links stop working. Its notes, voting rounds, follow-ups and saved versions are deleted from the server for good: nobody can bring them back.',
  typeTitleToDelete: 'Type the board’s title to delete it',
  titleToDeleteMismatch: 'That is not the board’s title.',
  deleteForGood: 'Delete for good',

  // Voting panel
  noOpenRound: 'No voting round is open.',
  howToVote:
    'Click or tap the empty dot on an item to give it a vote; click or tap one of your dots to take it back. With the keyboard, Tab from the item to its dots: Enter on the empty dot votes, and “-” or Delete on one of your dots takes that vote back.',
  anonymousRound: 'Anonymous round: results appear when it closes.',
  myVotes: 'My votes',
  noVotesYet: 'You have not voted yet.',
  results: 'Results',
  noClosedRounds: 'No round has closed yet.',
  roundClosedAt: (time: string) => `closed ${time}`,
  excludedDeleted: (votes: number) =>
    `${votes} ${votes === 1 ? 'vote' : 'votes'} on deleted items left out`,
  showOnBoard: 'Show on the board',
  noVotesInRound: 'No votes were cast.',
  topN: 'How many from the top (ties included)',
  createFollowUpsFromTop: 'Create follow-ups from the top results',
  followUpsCreated: (count: number) =>
    count === 1
      ? 'Created 1 follow-up: see the Follow-ups tab.'
      : `Created ${count} follow-ups: see the Follow-ups tab.`,
  followUpsAlreadyThere: 'Each of these already has a follow-up.',
  deletedItem: '(deleted item)',
  untitledItem: '(no text)',

  // Item overlay
  addVote: (label: string) => `Vote for “${label}”`,
  retractVote: (label: string) => `Take back a vote from “${label}”`,
  myVotesOnItem: (count: number) => (count === 1 ? '1 vote from me' : `${count} votes from me`),
  outOfPlay: 'Not in this round',
  resultBadge: (rank: number, votes: number) =>
    `Rank ${rank}, ${votes === 1 ? '1 vote' : `${votes} votes`}`,
  resultBadgeShort: (rank: number, votes: number) =>
    `#${rank} · ${votes === 1 ? '1 vote' : `${votes} votes`}`,
  liveTally: (votes: number) => (votes === 1 ? '1 vote' : `${votes} votes`),
  assignFollowUp: 'Assign follow-up',
  /** Where an item's foot has no room for the whole words (its name stays whole). */
  assignFollowUpShort: '+ Follow-up',
  followUpCount: (count: number) => (count === 1 ? '1 follow-up' : `${count} follow-ups`),
  /** The follow-up mark's name: the words it shows, then who owns them. */
  followUpMark: (count: number, owners: string[]) =>
    `${count === 1 ? '1 follow-up' : `${count} follow-ups`}, ${owners.length === 1 ? 'owner' : 'owners'}: ${owners.join(', ')}`,
  followUpsOn: (label: string) => `Follow-ups on “${label}”`,

  // Follow-ups
  followUpsSection: 'Follow-ups',
  noFollowUps: 'No follow-ups yet. Assign one from an item or from a round’s results.',
  followUpFor: (label: string) => `Follow-up for “${label}”`,
  fuTitle: 'Title',
  owner: 'Owner',
  ownerMember: 'Board member',
  ownerName: 'Name',
  ownerEmail: 'E-mail (optional)',
  /** An owner who is not a member: the same words in the panel's list and the dialog (QA). */
  ownerSomeoneElse: 'Someone else (name, e-mail)',
  ownedOnAnotherDevice: (name: string) =>
    `This was given to ${name} as they joined on another device or in another browser: its status and notes can be changed there, or by a facilitator.`,
  ownerNameRequired: 'Write the name of who takes it forward.',
  saveOwner: 'Save owner',
  pickMember: 'Choose a member',
  due: 'Due date',
  overdue: (days: number) => (days === 1 ? 'Overdue by a day' : `Overdue by ${days} days`),
  status: 'Status',
  statuses: {
    open: 'Open',
    in_progress: 'In progress',
    done: 'Done',
    dropped: 'Dropped',
  } as Record<string, string>,
  notes: 'Notes',
  createFollowUp: 'Create follow-up',
  deleteFollowUp: 'Delete',
  deleteFollowUpNamed: (title: string) => `Delete follow-up: ${title}`,
  confirmDeleteFollowUpTitle: 'Delete this follow-up?',
  confirmDeleteFollowUp: (title: string) =>
    `“${title}” is deleted for everyone, with its owner, status, due date and notes. This cannot be undone.`,
  onItem: (label: string) => `Item: ${label}`,
  showFinished: (count: number) => `Show done and dropped (${count})`,
  hideFinished: 'Hide done and dropped',
  unknownOwner: 'Unassigned',

  // History and export
  exportSection: 'Export',
  exportFormats: {
    md: 'Markdown report',
    agenda: 'Next meeting’s agenda (.md)',
    csv: 'Spreadsheet (CSV, items)',
    csvConcepts: 'Spreadsheet (CSV, concept cards)',
    csvFollowUps: 'Spreadsheet (CSV, follow-ups)',
    json: 'JSON',
    svg: 'Board picture (SVG)',
    ics: 'Calendar of due dates (.ics)',
  },
  historySection: 'History',
  versionName: 'Version name',
  saveVersion: 'Save version',
  noSnapshots: 'No saved versions yet.',
  snapshotReasons: {
    manual: 'Saved version',
    periodic: 'Automatic',
    before_round: 'Before a voting round',
    before_restore: 'Before a restore',
  } as Record<string, string>,
  preview: 'Preview',
  restore: 'Restore',
  previewOf: (name: string) => `Preview: ${name}`,
  previewFailed: 'The preview could not be loaded. Close it and try again.',
  exportNow: 'The board as it is now.',
  download: 'Download',
  downloadVersion: 'Download this version:',
  downloadFailed: 'The download did not work. Try again.',
  downloadUnreachable:
    'The server could not be reached, so nothing was downloaded. Check the connection and try again.',
  versionGone:
    'This version is no longer kept: older automatic versions are thinned out as time passes.',
  /** An automatic version taken as a round opened, named after that round. */
  // Single quotes: the name is quoted again, in double ones, where a dialog names the version.
  beforeRound: (round: string) => `Before voting round ‘${round}’`,
  previewAsNow:
    'The items are as they were in this version; voting rounds and follow-ups are shown as they are now.',
  versionNameOptional: '(optional)',
  deleteVersion: 'Delete',
  confirmDeleteVersionTitle: 'Delete this version?',
  confirmDeleteVersion: (name: string) =>
    `“${name}” is deleted for everyone, for good: nobody can look at it, download it or restore it any more. The board itself does not change. Delete a version that holds what should not be kept, such as a note deleted from the board since.`,
  deleteVersionAnswer: 'Delete the version',
  versionDeleted: (name: string) => `“${name}” was deleted.`,
  confirmRestoreTitle: 'Restore this version?',
  confirmRestore: (name: string) =>
    `The board goes back to “${name}” for everyone. The current state is saved first, so you can undo this by restoring it.`,
  restoreWhileVoting: (round: string) =>
    `“${round}” is open: votes on items this version does not have will be left out when it closes.`,
  restored: 'The board was restored.',
  restoredByMe:
    'You restored the board to a saved version. How it was just before is saved as a version too (History & export).',
  restoredRemoved: (count: number) =>
    count === 1 ? 'It took 1 item off the board.' : `It took ${count} items off the board.`,
  undoRestore: 'Undo the restore',
  earlierMember: (name: string) => `${name} (an earlier visit)`,
  /** While the restore dialog counts what the version would change. */
  restoreCounting: 'Counting what the restore changes…',
  restoreWillChange: (removed: number, added: number) =>
    `It takes ${removed === 1 ? '1 item' : `${removed} items`} off the board as it is now and brings back ${added === 1 ? '1' : added}.`,
  restoredBy: (name: string) =>
    `${name} restored the board to a saved version. How it was just before is saved as a version too (History & export).`,

  dismiss: 'Dismiss',
};
