/**
 * The next meeting's agenda (SPEC §1: the organiser takes the results into "the next meeting's
 * agenda"): a short Markdown page to go through together, in the board's language. Open
 * follow-ups by owner, each owner's to report on, the overdue marked; what is done; what the
 * last closed vote chose; concept cards nobody has taken forward yet; a place for other business.
 */
import { type Item, itemText } from '../../../shared/board-document.ts';
import { type BoardExport, type FollowUp, isUnassigned } from '../../../shared/follow-through.ts';
import { isDefaultRoundTitle } from '../../boards/board-words.ts';
import {
  byDueDate,
  byReadingOrder,
  calendarDay,
  formatTimestamp,
  liveFollowUps,
  memberNames,
  oneLine,
  ownerName,
  titleIsItem,
} from './board-model.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { lastVotedRound } from './last-vote.ts';
import { mdBlock, mdInline } from './markdown-text.ts';
import { graphemes } from './text-width.ts';

/** How much of an item's words names it in a line of the agenda. */
const NAME_GRAPHEMES = 80;

/** Results of the last closed round worth carrying into the meeting: ranks up to this. */
const TOP_RANKS = 5;

/**
 * Times, and the days they fall on (what is overdue, when something was done), are on the clock
 * of `timeZone`, an IANA name the caller has checked.
 */
export function toAgenda(model: BoardExport, timeZone = 'UTC'): string {
  const labels = labelsFor(model.board.language);
  const byId = new Map(model.items.map((item) => [item.id, item]));
  const today = calendarDay(model.exportedAt, timeZone);
  const sections = [
    header(model, labels, timeZone),
    openFollowUps(model, byId, today, labels),
    doneFollowUps(model, byId, labels, timeZone),
    lastVote(model, byId, labels, timeZone),
    unownedConcepts(model, labels),
    `## ${labels.agenda.otherBusiness}\n\n- `,
  ];
  return `${sections.filter((section) => section !== null).join('\n\n')}\n`;
}

function header(model: BoardExport, labels: ExportLabels, timeZone: string): string {
  const title = mdInline(model.board.title) || labels.untitled;
  const lines = [
    `# ${labels.agenda.title(title)}`,
    '',
    `- ${labels.agenda.prepared}: ${formatTimestamp(model.exportedAt, timeZone)}`,
  ];
  if (model.snapshot) {
    const name = model.snapshot.name ? `${mdInline(model.snapshot.name)}, ` : '';
    const when = formatTimestamp(model.snapshot.createdAt, timeZone);
    lines.push(`- ${labels.snapshot}: ${name}${when}`);
  }
  return lines.join('\n');
}

function openFollowUps(
  model: BoardExport,
  byId: Map<string, Item>,
  today: string,
  labels: ExportLabels,
): string {
  const heading = `## ${labels.agenda.followUps}`;
  const open = model.followUps.filter(
    (followUp) => followUp.status === 'open' || followUp.status === 'in_progress',
  );
  if (open.length === 0) return `${heading}\n\n${labels.agenda.noOpenFollowUps}`;
  const names = memberNames(model);
  const owners = new Map<string, FollowUp[]>();
  for (const followUp of [...open].sort(byDueDate)) {
    const owner = isUnassigned(followUp.owner) ? '' : ownerName(followUp.owner, names);
    const theirs = owners.get(owner);
    if (theirs) theirs.push(followUp);
    else owners.set(owner, [followUp]);
  }
  // Owners by name, in the board's language's order; nobody's last, as the meeting's to give out.
  const collator = new Intl.Collator(model.board.language);
  const order = [...owners.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : collator.compare(a, b),
  );
  const blocks = order.map((owner) => {
    const name = owner === '' ? `*${labels.unassigned}*` : mdInline(owner) || labels.untitled;
    const lines = (owners.get(owner) ?? []).map((followUp) => {
      const facts: string[] = [labels.statuses[followUp.status]];
      if (followUp.due) {
        const overdue = followUp.due < today ? ` **(${labels.agenda.overdue})**` : '';
        facts.push(`${labels.agenda.dueOn} ${followUp.due}${overdue}`);
      }
      const item = byId.get(followUp.itemId);
      const about = titleIsItem(followUp, item) ? [] : [itemName(item, labels)];
      const notes = followUp.notes ? `\n  ${labels.notes}: ${mdBlock(followUp.notes, '  ')}` : '';
      return `- [ ] **${mdInline(followUp.title)}** — ${[...about, ...facts].join(' · ')}${notes}`;
    });
    return `### ${name}\n\n${lines.join('\n')}`;
  });
  return [heading, ...blocks].join('\n\n');
}

function doneFollowUps(
  model: BoardExport,
  byId: Map<string, Item>,
  labels: ExportLabels,
  timeZone: string,
): string {
  const names = memberNames(model);
  // Latest first, each with the day it was last changed: after a few weekly meetings the top of
  // the list is what changed since the last one.
  const done = model.followUps
    .filter((followUp) => followUp.status === 'done')
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const dropped = model.followUps.filter((followUp) => followUp.status === 'dropped').length;
  const lines = done.map((followUp) => {
    const owner = isUnassigned(followUp.owner) ? '' : ownerName(followUp.owner, names);
    const item = byId.get(followUp.itemId);
    const facts = [
      ...(titleIsItem(followUp, item) ? [] : [itemName(item, labels)]),
      ...(owner ? [mdInline(owner)] : []),
      `${labels.agenda.doneOn} ${calendarDay(followUp.updatedAt, timeZone)}`,
    ];
    return `- [x] **${mdInline(followUp.title)}** — ${facts.join(' · ')}`;
  });
  if (lines.length === 0) lines.push(labels.agenda.noneDone);
  if (dropped > 0) lines.push('', labels.agenda.dropped(dropped));
  return `## ${labels.agenda.done}\n\n${lines.join('\n')}`;
}

function lastVote(
  model: BoardExport,
  byId: Map<string, Item>,
  labels: ExportLabels,
  timeZone: string,
): string {
  const heading = `## ${labels.agenda.lastVote}`;
  const last = lastVotedRound(model);
  if (!last) return `${heading}\n\n${labels.noRounds}`;
  const { entry, number } = last;
  const top = entry.results
    .filter((result) => result.rank <= TOP_RANKS && result.votes > 0)
    .sort((a, b) => a.rank - b.rank || b.votes - a.votes);
  // A round without a title of its own is called by its number alone, as in the report.
  const title = isDefaultRoundTitle(entry.round.title, number)
    ? ''
    : `: ${mdInline(entry.round.title)}`;
  const facts = [
    `${labels.round} ${number}${title}`,
    entry.round.closedAt
      ? `${labels.closed} ${formatTimestamp(entry.round.closedAt, timeZone)}`
      : '',
    labels.voters(entry.round.voters),
  ].filter(Boolean);
  if (top.length === 0) return `${heading}\n\n${facts.join(' · ')}\n\n${labels.noVotes}`;
  const owners = takenForwardBy(model);
  const lines = top.map((result) => {
    const item = byId.get(result.itemId);
    const name = item
      ? itemName(item, labels)
      : `${mdInline(result.label ?? '') || labels.untitled} (${labels.deletedItem})`;
    // Who takes each result forward, and which nobody does yet: on a board of notes the winners
    // have no section of their own as concept cards do (QA: a week's winner went unowned).
    const by = owners.get(result.itemId);
    const forward = !item
      ? ''
      : by
        ? ` · ${labels.owners([...by].map((owner) => mdInline(owner) || labels.untitled))}`
        : ` · *${labels.agenda.nobodyYet}*`;
    // Not a numbered list: Markdown renumbers one, and a tie ("1, 1, 3") would read as 1, 2, 3.
    return `- **${labels.rank} ${result.rank}:** ${name}, ${labels.agenda.votes(result.votes)}${forward}`;
  });
  return `${heading}\n\n${facts.join(' · ')}\n\n${lines.join('\n')}`;
}

/**
 * Who takes each item forward, by item id: the owners of its follow-ups that somebody owns and
 * that were not dropped. One made from the top results and left unassigned takes nothing forward
 * yet (QA: the agenda said every concept had a follow-up where the concepts CSV named no owner).
 */
function takenForwardBy(model: BoardExport): Map<string, Set<string>> {
  const names = memberNames(model);
  const owners = new Map<string, Set<string>>();
  for (const [itemId, followUps] of liveFollowUps(model)) {
    const owned = followUps.filter((followUp) => !isUnassigned(followUp.owner));
    if (owned.length > 0) {
      owners.set(itemId, new Set(owned.map((followUp) => ownerName(followUp.owner, names))));
    }
  }
  return owners;
}

/** Concept cards nobody has taken forward; left out where there are none (as in markdown.ts). */
function unownedConcepts(model: BoardExport, labels: ExportLabels): string | null {
  const heading = `## ${labels.agenda.unownedConcepts}`;
  const followed = takenForwardBy(model);
  const cards = model.items.filter((item) => item.type === 'concept');
  if (cards.length === 0) {
    return model.board.template === 'concept-canvas' ? `${heading}\n\n${labels.noConcepts}` : null;
  }
  const concepts = cards.filter((item) => !followed.has(item.id)).sort(byReadingOrder);
  if (concepts.length === 0) return `${heading}\n\n${labels.agenda.everyConceptOwned}`;
  return `${heading}\n\n${concepts.map((item) => `- ${itemName(item, labels)}`).join('\n')}`;
}

/** An item's words as far as a line of an agenda needs them, or what stands in for them. */
function itemName(item: Item | undefined, labels: ExportLabels): string {
  if (!item) return labels.deletedItem;
  const words = oneLine(itemText(item));
  // A long note would make a paragraph of every line about it (QA: 700 characters).
  const letters = [...graphemes(words)];
  const shown =
    letters.length > NAME_GRAPHEMES
      ? `${letters.slice(0, NAME_GRAPHEMES).join('').trimEnd()}…`
      : words;
  return mdInline(shown) || labels.untitled;
}
