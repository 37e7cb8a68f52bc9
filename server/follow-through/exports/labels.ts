/**
 * Words the human-readable exports (Markdown, SVG, iCalendar) print, in the board's language.
 * Machine-readable exports (CSV headers, JSON keys) stay in English so scripts keep working.
 */
import type { Language } from '../../../shared/api.ts';
import type { ConceptField } from '../../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../../shared/concept-fields.ts';
import type { FollowUpStatus } from '../../../shared/follow-through.ts';
import type { Role } from '../../../shared/roles.ts';

export interface ExportLabels {
  conceptFields: Record<ConceptField, string>;
  statuses: Record<FollowUpStatus, string>;
  /** Singular and plural of each role, for "2 facilitators, 1 viewer". */
  roles: Record<Role, [one: string, many: string]>;
  exported: string;
  snapshot: string;
  participants: string;
  /** Those who only watched: a viewer link (an organiser reading the board to export it). */
  viewers: string;
  concepts: string;
  noConcepts: string;
  ideasByFrame: string;
  outsideFrames: string;
  noIdeas: string;
  rounds: string;
  noRounds: string;
  round: string;
  roundOpen: string;
  closed: string;
  /** "5 votes per person", "1 vote per person". */
  budget: (votes: number) => string;
  /** "3 voters", "1 voter". */
  voters: (count: number) => string;
  /** A round held to one frame: "only in Ideas". */
  onlyInFrame: (frame: string) => string;
  /** A round whose tallies stayed hidden until it closed. */
  anonymousRound: string;
  /** Under a concept card's name where the board shows who wrote it (showNames). */
  writtenBy: (name: string) => string;
  /** A retrospective's notes: they are not ideas. */
  notesByFrame: string;
  rank: string;
  votes: string;
  item: string;
  noVotes: string;
  excludedVotes: (votes: number, itemId: string) => string;
  deletedItem: string;
  untitled: string;
  followUps: string;
  noFollowUps: string;
  title: string;
  owner: string;
  /** Under a concept card's name: "Owner: Anna", "Owners: Anna, Ben" (names already escaped). */
  owners: (names: readonly string[]) => string;
  /** In place of an owner's name when the follow-up has none yet. */
  unassigned: string;
  email: string;
  due: string;
  status: string;
  notes: string;
  board: string;
  /** The next meeting's agenda (agenda.ts). */
  agenda: {
    title: (board: string) => string;
    prepared: string;
    followUps: string;
    noOpenFollowUps: string;
    overdue: string;
    dueOn: string;
    done: string;
    noneDone: string;
    /** Before the day a done follow-up was last changed. */
    doneOn: string;
    dropped: (count: number) => string;
    lastVote: string;
    votes: (count: number) => string;
    unownedConcepts: string;
    /** After a top result of the last vote that no follow-up with an owner takes forward. */
    nobodyYet: string;
    everyConceptOwned: string;
    otherBusiness: string;
  };
  /** The SVG picture's marks at an item's foot (svg-marks.ts), worded as the board's own. */
  marks: {
    /** The vote badge's name: "Rank 1, 3 votes". */
    result: (rank: number, votes: number) => string;
    /** What the badge shows: "#1 · 3 votes". */
    resultShort: (rank: number, votes: number) => string;
    /** The follow-up mark's name: "2 follow-ups, owners: Anna, Ben". */
    followUps: (count: number, owners: readonly string[]) => string;
  };
}

const votesEn = (count: number) => `${count} ${count === 1 ? 'vote' : 'votes'}`;
// After a numeral other than 1, Finnish puts the noun in the partitive: 1 ääni, 2 ääntä.
const votesFi = (count: number) => `${count} ${count === 1 ? 'ääni' : 'ääntä'}`;

const en: ExportLabels = {
  conceptFields: CONCEPT_FIELD_LABELS.en,
  statuses: { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
  roles: {
    facilitator: ['facilitator', 'facilitators'],
    participant: ['participant', 'participants'],
    viewer: ['viewer', 'viewers'],
  },
  exported: 'Exported',
  snapshot: 'Version',
  participants: 'Participants',
  viewers: 'Viewers',
  concepts: 'Service concepts',
  noConcepts: 'No concept cards on this board.',
  ideasByFrame: 'Ideas by frame',
  outsideFrames: 'Outside frames',
  noIdeas: 'No notes.',
  rounds: 'Voting rounds',
  noRounds: 'No voting rounds.',
  round: 'Round',
  roundOpen: 'Still open: results appear when the facilitator closes the round.',
  closed: 'closed',
  budget: (votes) => `${votes} ${votes === 1 ? 'vote' : 'votes'} per person`,
  voters: (count) => `${count} ${count === 1 ? 'voter' : 'voters'}`,
  onlyInFrame: (frame) => `only in “${frame}”`,
  anonymousRound: 'anonymous',
  writtenBy: (name) => `Written by ${name}`,
  notesByFrame: 'Notes by frame',
  rank: 'Rank',
  votes: 'Votes',
  item: 'Item',
  noVotes: 'No votes were cast.',
  excludedVotes: (votes, itemId) =>
    `${votes} ${votes === 1 ? 'vote' : 'votes'} on an item deleted during the round (${itemId}) ${votes === 1 ? 'was' : 'were'} not counted.`,
  deletedItem: 'deleted item',
  untitled: 'Untitled',
  followUps: 'Follow-ups',
  noFollowUps: 'No follow-ups yet.',
  title: 'Title',
  owner: 'Owner',
  owners: (names) => `${names.length === 1 ? 'Owner' : 'Owners'}: ${names.join(', ')}`,
  unassigned: 'unassigned',
  email: 'E-mail',
  due: 'Due date',
  status: 'Status',
  notes: 'Notes',
  board: 'Board',
  agenda: {
    title: (board) => `Next meeting: ${board}`,
    prepared: 'Prepared from the board',
    followUps: 'Follow-ups, by owner',
    noOpenFollowUps: 'No open follow-ups.',
    overdue: 'overdue',
    dueOn: 'due',
    done: 'Done',
    noneDone: 'Nothing done yet.',
    doneOn: 'done',
    dropped: (count) => `${count} ${count === 1 ? 'follow-up was' : 'follow-ups were'} dropped.`,
    lastVote: 'What the last vote chose',
    votes: votesEn,
    unownedConcepts: 'Concepts nobody has taken forward yet',
    nobodyYet: 'nobody takes it forward yet',
    everyConceptOwned: 'Every concept card has a follow-up with an owner.',
    otherBusiness: 'Other business',
  },
  // The board's words for its result badge and follow-up mark (client/src/i18n/en/workshop.ts).
  marks: {
    result: (rank, votes) => `Rank ${rank}, ${votesEn(votes)}`,
    resultShort: (rank, votes) => `#${rank} · ${votesEn(votes)}`,
    followUps: (count, owners) =>
      `${count === 1 ? '1 follow-up' : `${count} follow-ups`}, ${owners.length === 1 ? 'owner' : 'owners'}: ${owners.join(', ')}`,
  },
};

const fi: ExportLabels = {
  conceptFields: CONCEPT_FIELD_LABELS.fi,
  // The follow-ups panel's words (client/src/i18n/fi/workshop.ts): one word a status, in both.
  statuses: { open: 'Avoin', in_progress: 'Työn alla', done: 'Valmis', dropped: 'Hylätty' },
  roles: {
    facilitator: ['fasilitaattori', 'fasilitaattoria'],
    participant: ['osallistuja', 'osallistujaa'],
    viewer: ['katselija', 'katselijaa'],
  },
  exported: 'Viety',
  snapshot: 'Versio',
  participants: 'Osallistujat',
  viewers: 'Katselijat',
  concepts: 'Palvelukonseptit',
  noConcepts: 'Taululla ei ole konseptikortteja.',
  ideasByFrame: 'Ideat kehyksittäin',
  outsideFrames: 'Kehysten ulkopuolella',
  noIdeas: 'Ei lappuja.',
  rounds: 'Äänestyskierrokset',
  noRounds: 'Ei äänestyskierroksia.',
  round: 'Kierros',
  roundOpen: 'Kierros on yhä auki: tulokset näkyvät, kun fasilitaattori päättää sen.',
  // As the round's button ("Päätä kierros") and the results panel ("päättyi 12.30") say.
  closed: 'päättyi',
  // After a numeral other than 1, Finnish puts the noun in the partitive: 1 ääni, 2 ääntä.
  budget: (votes) => `${votes} ${votes === 1 ? 'ääni' : 'ääntä'} / henkilö`,
  voters: (count) => `${count} ${count === 1 ? 'äänestäjä' : 'äänestäjää'}`,
  onlyInFrame: (frame) => `vain kehyksessä ”${frame}”`,
  anonymousRound: 'anonyymi',
  writtenBy: (name) => `Kirjoittanut ${name}`,
  notesByFrame: 'Laput kehyksittäin',
  rank: 'Sija',
  votes: 'Äänet',
  item: 'Kohde',
  noVotes: 'Ääniä ei annettu.',
  excludedVotes: (votes, itemId) =>
    `${votes} ${votes === 1 ? 'ääni' : 'ääntä'} kierroksen aikana poistetulle kohteelle (${itemId}) jätettiin laskematta.`,
  deletedItem: 'poistettu kohde',
  untitled: 'Nimetön',
  followUps: 'Jatkotoimet',
  noFollowUps: 'Ei vielä jatkotoimia.',
  title: 'Otsikko',
  owner: 'Vastuuhenkilö',
  owners: (names) =>
    `${names.length === 1 ? 'Vastuuhenkilö' : 'Vastuuhenkilöt'}: ${names.join(', ')}`,
  unassigned: 'nimeämättä',
  email: 'Sähköposti',
  due: 'Määräpäivä',
  status: 'Tila',
  notes: 'Muistiinpanot',
  board: 'Taulu',
  agenda: {
    title: (board) => `Seuraava tapaaminen: ${board}`,
    prepared: 'Koottu taululta',
    followUps: 'Jatkotoimet vastuuhenkilöittäin',
    noOpenFollowUps: 'Ei avoimia jatkotoimia.',
    overdue: 'myöhässä',
    dueOn: 'määräpäivä',
    done: 'Valmiit',
    noneDone: 'Mitään ei ole vielä valmiina.',
    doneOn: 'valmis',
    dropped: (count) =>
      count === 1 ? '1 jatkotoimi hylättiin.' : `${count} jatkotointa hylättiin.`,
    lastVote: 'Viimeisimmän äänestyksen tulos',
    votes: votesFi,
    unownedConcepts: 'Konseptit, joita kukaan ei vielä vie eteenpäin',
    nobodyYet: 'kukaan ei vielä vie eteenpäin',
    everyConceptOwned: 'Jokaisella konseptikortilla on jatkotoimi ja vastuuhenkilö.',
    otherBusiness: 'Muut asiat',
  },
  marks: {
    result: (rank, votes) => `Sija ${rank}, ${votesFi(votes)}`,
    resultShort: (rank, votes) => `#${rank} · ${votesFi(votes)}`,
    followUps: (count, owners) =>
      `${count === 1 ? '1 jatkotoimi' : `${count} jatkotointa`}, ${owners.length === 1 ? 'vastuuhenkilö' : 'vastuuhenkilöt'}: ${owners.join(', ')}`,
  },
};

const LABELS: Record<Language, ExportLabels> = { en, fi };

/** Labels for a board's language; an unknown language (a newer board) reads in English. */
export function labelsFor(language: string): ExportLabels {
  return LABELS[language as Language] ?? en;
}
