/** Landing, join, board chrome (header, presence, connection state, banners). */

import type { Role } from '../../../../shared/roles.ts';
import type { Template } from '../../../../shared/templates.ts';

export const app = {
  productName: 'Ideamill',
  tagline: 'A shared whiteboard for service-design workshops',
  language: 'Language',
  languageNames: { en: 'English', fi: 'Suomi' },
  loading: 'Loading…',

  // Landing: create a board.
  createTitle: 'Start a new board',
  createIntro:
    'Map a customer journey, sketch service concepts and vote on ideas together, in real time.',
  boardTitle: 'Board title',
  boardTitlePlaceholder: 'Development day: our service path',
  template: 'Template',
  templates: {
    blank: 'Blank board',
    'customer-journey': 'Customer journey',
    'concept-canvas': 'Service concept canvas',
    'idea-mill': 'Idea mill',
    retrospective: 'Retrospective',
  } satisfies Record<Template, string>,
  templateHints: {
    blank: 'An empty canvas.',
    'customer-journey':
      'Stages as columns; people, environments, objects, practices and feelings as lanes.',
    'concept-canvas': 'A structured sketch of one new service concept.',
    'idea-mill': 'Topic frames that teams rotate through.',
    retrospective: 'Went well, to improve, ideas and actions.',
  } satisfies Record<Template, string>,
  boardLanguage: 'Board language',
  boardLanguageHint: 'Template labels are written in this language.',
  createBoard: 'Create board',
  createBoards: 'Create boards',
  boardCount: 'Number of boards',
  boardCountHint: (max: number) =>
    `One for each team working side by side (at most ${max}): each gets its own links, and its title ends in its team’s number.`,
  boardsCreated: (count: number) =>
    count === 1 ? '1 board is ready' : `${count} boards are ready`,
  someBoardsFailed: (made: number, asked: number, message: string) =>
    `Only ${made} of the ${asked} boards ${made === 1 ? 'was' : 'were'} created: ${message}`,
  createRest: (count: number) =>
    count === 1 ? 'Create the last one' : `Create the other ${count}`,
  boardLinkFor: (board: string, role: string) => `${board}: ${role} link`,
  copyBoardLink: (board: string, role: string) => `Copy the ${role.toLowerCase()} link of ${board}`,
  copyTable: 'Copy every link as a table',
  copyTableLabel: 'Copy every link as a table, a row per board, for a spreadsheet',
  creating: 'Creating…',
  createFailed: (message: string) => `Could not create the board: ${message}`,
  createPasscode: 'Passcode for creating boards',
  createPasscodeHint:
    'This server keeps creating boards to the people its operators give a passcode to. Enter yours; this browser remembers it.',
  createPasscodeRefused:
    'That passcode was not accepted. Check it, or ask the people who run this server for the current one.',

  // Landing: the links of a new board.
  boardCreated: (title: string) => `“${title}” is ready`,
  linksIntro:
    'Share a link for each role. Anyone with a link can join with that role, so share them with care.',
  roles: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    viewer: 'Viewer',
  } satisfies Record<Role, string>,
  roleLinkHints: {
    facilitator: 'Runs rounds, locks the board and reveals private notes.',
    participant: 'Adds and edits ideas and votes.',
    viewer: 'Watches the board, read-only.',
  } satisfies Record<Role, string>,
  linkFor: (role: string) => `${role} link`,
  linksOnce:
    'Save these links now. The server keeps only a fingerprint of each key, so they cannot be shown again; this browser keeps the participant and viewer links for the board’s Invite button (a facilitator can make new ones, which replace them).',
  copyAll: 'Copy all three links',
  copyAllLabel: 'Copy all three links with their roles',
  opensInNewTab: '(opens in a new tab)',
  copy: 'Copy',
  copied: 'Copied',
  copyLink: (role: string) => `Copy the ${role.toLowerCase()} link`,
  openAsFacilitator: 'Open as facilitator',
  createAnother: 'Create another board',

  // Joining a board.
  joinTitle: 'Join the board',
  joinBoardTitle: (title: string) => `Join “${title}”`,
  joinAsRole: (role: Role, title: string) =>
    ({
      facilitator: `This link makes you a facilitator of “${title}”.`,
      participant: `This link makes you a participant on “${title}”.`,
      viewer: `This link lets you follow “${title}” as a viewer, without writing on it.`,
    })[role],
  joinIntro: 'Choose the name the others on the board see next to your cursor and ideas.',
  displayName: 'Your name',
  displayNamePlaceholder: 'e.g. Aino',
  nameRequired: 'Type the name the others will see: spaces alone do not count.',
  nameTooLong: (max: number) =>
    `A name has at most ${max} characters, and an emoji counts as two or more: shorten it a little.`,
  join: 'Join',
  joining: 'Joining…',
  errorTitle: 'Cannot open this board',
  goHome: 'Go to the start page',
  editsLost: 'What you wrote while the connection was down could not be saved.',
  carriedEdits: {
    sending: 'Sending your changes from your last visit that had not reached the server…',
    stored: 'Your changes from your last visit that had not reached the server are saved now.',
  },
  changeTooLarge:
    'A change on this page was too large to send (more than the server takes in one message, a very long pasted text, say), so the page stopped. Try again to reload it: that change is lost, and the board is as everyone else sees it.',
  retry: 'Try again',
  offlineTitle: 'Not connected',
  opensWhenBack: 'The board opens by itself once the connection is back.',
  keptEditsWait: 'Your changes kept in this browser are sent then: nothing is lost.',
  copyShown: (time: string) =>
    `The board as this browser last had it (${time}). What others have done since shows once the connection is back.`,
  copyShownBrief: (time: string) => `The board as kept at ${time}`,

  // Board chrome.
  you: 'you',
  leave: 'Leave…',
  leaveLabel: 'Leave this board on this device…',
  leaveTitle: 'Leave this board on this device?',
  leaveText: (title: string) =>
    `This browser forgets that you are on “${title}”, as before someone else uses this device, and the board signs this device out. You stay on the board: what you wrote and voted keeps your name. To come back, open your link again.`,
  leaveAnswer: 'Leave',
  deviceLink: 'On another device…',
  deviceLinkLabel: 'Carry on as you on another device…',
  deviceLinkTitle: 'Carry on on another device',
  deviceLinkText: (name: string) =>
    `Scan this code with your phone, or open the link on your other device: it opens this board there as you, ${name}, with the same votes, not as someone new.`,
  deviceLinkQr: 'QR code of your link to this board',
  deviceLinkField: 'Your link',
  deviceLinkCopy: 'Copy your link',
  deviceLinkUntil: (time: string) => `It works once, until ${time}.`,
  deviceLinkPrivate: 'Keep it off a shared screen: whoever opens it is you on this board.',
  deviceLinkExpired: 'That link has expired.',
  deviceLinkTaken: 'Your other device is on the board as you now.',
  deviceLinkNew: 'Make a new link',
  devicesTitle: 'Your other devices on this board',
  devicesText:
    'A device you no longer have (a lost phone, a meeting room’s laptop left open)? Sign it out: it leaves the board at once, and opens it no more.',
  deviceUnnamed: 'A browser',
  deviceConnected: 'on the board now',
  deviceLastUsed: (when: string) => `last on the board ${when}`,
  deviceSignOut: 'Sign out',
  deviceSignOutNamed: (device: string) => `Sign out ${device}`,
  deviceSignedOut: (device: string) =>
    `${device} is signed out: it is off the board, and its link to it opens nothing.`,
  peopleHere: 'People here',
  peopleCount: (count: number) => (count === 1 ? '1 person here' : `${count} people here`),
  follow: 'Follow',
  following: 'Following',
  followPerson: (name: string) => `Follow ${name}'s view`,
  stopFollowing: 'Stop following',
  followingBanner: (name: string) => `You are following ${name}. Move the board to stop.`,
  summonedBanner: (name: string) => `${name} brought everyone to their view.`,
  summonedOutlineBanner: (name: string) =>
    `${name} asked everyone to look at one place on the board.`,
  showSummoned: 'Show me',
  updatedBanner: 'Ideamill was updated while this page was open. Reload it to use the new version.',
  viewCanvas: 'Board',
  viewOutline: 'Outline',
  viewToggle: 'View',
  showPanels: 'Show workshop panels',
  hidePanels: 'Hide workshop panels',
  panels: 'Workshop',
  panelsWaitForConnection:
    'Voting, follow-ups and the board’s history show once the connection is back.',
  invite: 'Invite people',
  inviteShort: 'Invite',
  skipToPanels: 'Skip to the workshop panels',
  readOnlyBanner: 'You are viewing this board. You can look around but not change it.',
  lockedBanner: 'The facilitator has locked the board. You can look, but not edit, for now.',
  silentWritingBanner:
    'Silent writing: your new notes are private until the facilitator reveals them. The rest of the board is read-only until then.',
  /** The two banners above in one line each, above the canvas on a phone (workshop.css). */
  lockedBrief: 'Locked by the facilitator: you can only look.',
  silentWritingBrief: 'Silent writing: your new notes are private.',
  connection: {
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting:
      'Reconnecting… your changes are kept and sent when the connection returns, unless the board is locked meanwhile.',
    offline:
      'Offline. Your changes are kept and sent when the connection returns, unless the board is locked meanwhile.',
  },
  /** The banner's words on a phone, one line, in place of the sentence above (board.css). */
  connectionBrief: {
    reconnecting: 'Reconnecting… your changes are kept',
    offline: 'Offline. Your changes are kept.',
  },
  connectionShort: {
    connecting: 'Connecting',
    connected: 'Live',
    reconnecting: 'Reconnecting',
    offline: 'Offline',
  },
  partFailed: 'This part of the page could not be loaded.',
  reload: 'Reload the page',
  howItWorks: 'How it works',
  boardsHere: 'Your boards in this browser',
  boardsHereMore: 'Show the others',
  lastHere: (when: string) => `last here ${when}`,
  boardsHereKept:
    'The server could not be reached: each board is listed as it was when you were last on it.',
  unsentHere: 'Changes of yours wait here unsent: open the board to send them.',
  steps: [
    {
      title: 'Create a board',
      text: 'Pick a template: a customer journey, a concept canvas, an idea mill, a retrospective or a blank board.',
    },
    {
      title: 'Share the links',
      text: 'Facilitators, participants and viewers each get their own link.',
    },
    {
      title: 'Work together',
      text: 'Write, cluster and vote in real time, then export the results.',
    },
  ],
};
