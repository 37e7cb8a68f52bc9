/**
 * The Markdown report: what an organiser sends round after the workshop. Concepts first (they
 * are the outcome), then the ideas by frame, the voting rounds and the follow-up table, with
 * headings and labels in the board's language.
 */
import { type Item, itemText, shownConceptFields } from '../../../shared/board-document.ts';
import { type BoardExport, isUnassigned } from '../../../shared/follow-through.ts';
import { byColumns, columnOf, frameColumnsLookup } from '../../../shared/frame-columns.ts';
import { type FrameItem, frameLookup } from '../../../shared/frame-lookup.ts';
import { ROLES } from '../../../shared/roles.ts';
import { isDefaultRoundTitle } from '../../boards/board-words.ts';
import {
  byDueDate,
  byReadingOrder,
  type ConceptItem,
  formatTimestamp,
  liveFollowUps,
  memberNames,
  type NoteItem,
  ownerName,
} from './board-model.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { mdBlock, mdInline, mdTable } from './markdown-text.ts';

type RoundEntry = BoardExport['rounds'][number];
/** The writer's name, escaped, where the report names it. */
type Writer = (item: Item) => string | undefined;

const NONE = '—';

/**
 * Templates whose notes are not ideas: a retrospective's are what went well and what did not, a
 * journey's touchpoints and feelings (QA, in both). Their section is "Notes by frame".
 */
const NOT_IDEAS: ReadonlySet<string> = new Set(['retrospective', 'customer-journey']);

/**
 * Times are on the clock of `timeZone`, an IANA name the caller has checked. With `names` (the
 * board shows who wrote each note), each note and concept card names its writer, as the board
 * does; otherwise only the CSV and JSON do.
 */
export function toMarkdown(model: BoardExport, timeZone = 'UTC', names = false): string {
  const labels = labelsFor(model.board.language);
  const members = memberNames(model);
  const writer = (item: Item) => {
    const name = names && item.author ? members.get(item.author) : undefined;
    return name ? mdInline(name) || undefined : undefined;
  };
  const sections = [
    header(model, labels, timeZone),
    concepts(model, labels, writer),
    ideasByFrame(model, labels, writer),
    rounds(model, labels, timeZone),
    followUps(model, labels),
  ];
  return `${sections.filter((section) => section !== null).join('\n\n')}\n`;
}

function header(model: BoardExport, labels: ExportLabels, timeZone: string): string {
  const lines = [
    `# ${mdInline(model.board.title) || labels.untitled}`,
    '',
    `- ${labels.exported}: ${formatTimestamp(model.exportedAt, timeZone)}`,
  ];
  if (model.snapshot) {
    const name = model.snapshot.name ? `${mdInline(model.snapshot.name)}, ` : '';
    const when = formatTimestamp(model.snapshot.createdAt, timeZone);
    lines.push(`- ${labels.snapshot}: ${name}${when}`);
  }
  // People, as far as names tell: everyone who joins again from another device is a member
  // again, and a year of weekly sessions made "806 participants" of 18 people (QA).
  const names = (members: readonly { name: string }[]) =>
    new Set(members.map((member) => member.name));
  // Who took part. Viewers only watched: the organiser who opened seven team boards with their
  // viewer links to export them was a participant of each (QA).
  // Not those a facilitator took off (a link that reached the wrong people).
  const members = model.members.filter((member) => !member.removed);
  const taking = names(members.filter((member) => member.role !== 'viewer'));
  const byRole = ROLES.filter((role) => role !== 'viewer').flatMap((role) => {
    const count = names(members.filter((member) => member.role === role)).size;
    const [one, many] = labels.roles[role];
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  const roles = byRole.length > 0 ? ` (${byRole.join(', ')})` : '';
  lines.push(`- ${labels.participants}: ${taking.size}${roles}`);
  const viewers = names(members.filter((member) => member.role === 'viewer'));
  const onlyWatched = [...viewers].filter((name) => !taking.has(name)).length;
  if (onlyWatched > 0) lines.push(`- ${labels.viewers}: ${onlyWatched}`);
  return lines.join('\n');
}

/**
 * The concept cards. None on a board made for them says so; on any other board the section is
 * left out (QA: a retrospective's report opened with "Service concepts: No concept cards").
 */
function concepts(model: BoardExport, labels: ExportLabels, writer: Writer): string | null {
  const cards = model.items
    .filter((item): item is ConceptItem => item.type === 'concept')
    .sort(byReadingOrder);
  if (cards.length === 0) {
    return model.board.template === 'concept-canvas'
      ? `## ${labels.concepts}\n\n${labels.noConcepts}`
      : null;
  }
  // What came of each card, under its name (QA: a manager reads this section first, and had to
  // find the winner and its owner in the tables further down): its result in each round that
  // gave it votes, and whoever takes it forward. Where the board held more than one round each
  // is named: the last one alone left the main vote's winner unranked under a later, smaller
  // round's (a11y QA).
  const closed = model.rounds.flatMap((entry, index) =>
    entry.round.status === 'closed' ? [{ entry, index }] : [],
  );
  const followUps = liveFollowUps(model);
  const members = memberNames(model);
  const outcome = (card: ConceptItem) => {
    const results = closed.flatMap(({ entry, index }) => {
      const result = entry.results.find((r) => r.itemId === card.id && r.votes > 0);
      if (!result) return [];
      const said = labels.marks.result(result.rank, result.votes);
      return [closed.length > 1 ? `${roundName(entry.round, index, labels)} — ${said}` : said];
    });
    const owners = [
      ...new Set(
        (followUps.get(card.id) ?? []).map((followUp) =>
          isUnassigned(followUp.owner)
            ? `*${labels.unassigned}*`
            : mdInline(ownerName(followUp.owner, members)) || NONE,
        ),
      ),
    ];
    return [
      ...results.map((said) => `**${said}**`),
      ...(owners.length > 0 ? [labels.owners(owners)] : []),
    ];
  };
  const blocks = cards.map((card) => {
    // Every field the card shows is listed, empty ones too: a blank "first step" is worth
    // noticing. An empty Name field is not: the heading names the card (shownConceptFields).
    const fields = shownConceptFields(card).map((field) => {
      const value = mdBlock(card.fields[field] ?? '');
      return `- **${labels.conceptFields[field]}:** ${value || NONE}`;
    });
    const body = mdBlock(card.text, '');
    const title = mdInline(itemText(card)) || labels.untitled;
    const by = writer(card);
    const facts = [...outcome(card), ...(by ? [`*${labels.writtenBy(by)}*`] : [])];
    return [
      `### ${title}`,
      ...(facts.length > 0 ? ['', facts.join(' · ')] : []),
      '',
      ...fields,
      ...(body ? ['', body] : []),
    ].join('\n');
  });
  return [`## ${labels.concepts}`, ...blocks].join('\n\n');
}

function ideasByFrame(model: BoardExport, labels: ExportLabels, writer: Writer): string {
  const { items } = model;
  const frameOf = frameLookup(items);
  const columnsOf = frameColumnsLookup(items);
  const frames = items.filter((item): item is FrameItem => item.type === 'frame');
  frames.sort(byReadingOrder);
  const notes = items
    .filter((item): item is NoteItem => item.type === 'note' && item.text.trim() !== '')
    .sort(byReadingOrder);
  const groups = new Map<FrameItem | null, NoteItem[]>(frames.map((frame) => [frame, []]));
  const outside: NoteItem[] = [];
  for (const note of notes) {
    const group = groups.get(frameOf(note));
    if (group) group.push(note);
    else outside.push(note);
  }
  const by = (note: NoteItem) => {
    const name = writer(note);
    return name ? ` — *${name}*` : '';
  };
  const list = (group: NoteItem[], frame: FrameItem | null) => {
    if (group.length === 0) return labels.noIdeas;
    // A journey lane reads stage by stage, each note led by its stage's name.
    const columns = frame ? columnsOf(frame) : [];
    return [...group]
      .sort(byColumns(columns, byReadingOrder))
      .map((note) => {
        const stage = mdInline(columnOf(columns, note)?.name ?? '');
        return `- ${stage ? `**${stage}:** ` : ''}${mdBlock(note.text)}${by(note)}`;
      })
      .join('\n');
  };
  const blocks = frames.map(
    (frame) =>
      `### ${mdInline(frame.title) || labels.untitled}\n\n${list(groups.get(frame) ?? [], frame)}`,
  );
  // Empty frames stay listed (an empty lane is a finding); an empty outside does not.
  if (outside.length > 0 || frames.length === 0) {
    blocks.push(`### ${labels.outsideFrames}\n\n${list(outside, null)}`);
  }
  const heading = NOT_IDEAS.has(model.board.template) ? labels.notesByFrame : labels.ideasByFrame;
  return [`## ${heading}`, ...blocks].join('\n\n');
}

function rounds(model: BoardExport, labels: ExportLabels, timeZone: string): string {
  if (model.rounds.length === 0) return `## ${labels.rounds}\n\n${labels.noRounds}`;
  const byId = new Map(model.items.map((item) => [item.id, item]));
  const blocks = model.rounds.map((entry, index) =>
    roundBlock(entry, index, byId, labels, timeZone),
  );
  return [`## ${labels.rounds}`, ...blocks].join('\n\n');
}

function roundBlock(
  { round, results, excluded }: RoundEntry,
  index: number,
  byId: Map<string, Item>,
  labels: ExportLabels,
  timeZone: string,
): string {
  const lines = [`### ${roundName(round, index, labels)}`, ''];
  if (round.status !== 'closed') {
    lines.push(labels.roundOpen);
    return lines.join('\n');
  }
  const facts = [
    round.closedAt
      ? `${labels.closed} ${formatTimestamp(round.closedAt, timeZone)}`
      : labels.closed,
    labels.budget(round.budget),
    labels.voters(round.voters),
  ];
  // What the round was held to, as the board's round panel says: the results read differently.
  const frame = round.frameId ? byId.get(round.frameId) : undefined;
  if (round.frameId) {
    const title = frame?.type === 'frame' ? mdInline(frame.title ?? '') : '';
    facts.push(labels.onlyInFrame(title || labels.untitled));
  }
  if (round.anonymous) facts.push(labels.anonymousRound);
  lines.push(facts.join(' · '), '');
  if (results.length === 0) {
    lines.push(labels.noVotes);
  } else {
    const rows = [...results]
      .sort((a, b) => a.rank - b.rank || b.votes - a.votes)
      .map((result) => {
        const item = byId.get(result.itemId);
        const text = item
          ? mdInline(itemText(item)) || labels.untitled
          : result.label
            ? `${mdInline(result.label)} (${labels.deletedItem})`
            : `${labels.deletedItem} ${mdInline(result.itemId)}`;
        return [String(result.rank), String(result.votes), text];
      });
    lines.push(mdTable([labels.rank, labels.votes, labels.item], rows));
  }
  for (const cut of excluded) {
    lines.push('', `> ${labels.excludedVotes(cut.votes, mdInline(cut.itemId))}`);
  }
  return lines.join('\n');
}

function followUps(model: BoardExport, labels: ExportLabels): string {
  if (model.followUps.length === 0) return `## ${labels.followUps}\n\n${labels.noFollowUps}`;
  const byId = new Map(model.items.map((item) => [item.id, item]));
  const members = memberNames(model);
  const sorted = [...model.followUps].sort(byDueDate);
  const rows = sorted.map((followUp) => {
    const item = byId.get(followUp.itemId);
    return [
      mdInline(followUp.title),
      item ? mdInline(itemText(item)) || NONE : `${labels.deletedItem}`,
      isUnassigned(followUp.owner)
        ? `*${labels.unassigned}*`
        : mdInline(ownerName(followUp.owner, members)) || NONE,
      mdInline(followUp.owner.email ?? '') || NONE,
      mdInline(followUp.due ?? '') || NONE,
      labels.statuses[followUp.status] ?? mdInline(followUp.status),
      mdInline(followUp.notes ?? '') || NONE,
    ];
  });
  const header = [
    labels.title,
    labels.item,
    labels.owner,
    labels.email,
    labels.due,
    labels.status,
    labels.notes,
  ];
  return `## ${labels.followUps}\n\n${mdTable(header, rows)}`;
}

/**
 * "Round 2: Concepts". A round without a title of its own (the server's default, in either
 * language, for boards made before it followed theirs) is called just that: no "Round 1: Round 1".
 */
function roundName(round: { title: string }, index: number, labels: ExportLabels): string {
  const title = isDefaultRoundTitle(round.title, index + 1) ? '' : mdInline(round.title);
  return `${labels.round} ${index + 1}${title ? `: ${title}` : ''}`;
}
