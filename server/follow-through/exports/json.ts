/**
 * The complete export as JSON, described by docs/export.schema.json. Keys come out in the
 * documented order whatever order the model's objects were built in, so two exports of the same
 * board diff cleanly; arrays keep the model's order. Unknown keys are kept (after the known
 * ones) rather than dropped: losing data silently is worse than failing a strict schema.
 */
import { CONCEPT_FIELDS } from '../../../shared/board-document.ts';
import type { BoardExport } from '../../../shared/follow-through.ts';

const ORDER = {
  root: [
    'format',
    'version',
    'exportedAt',
    'board',
    'snapshot',
    'members',
    'items',
    'rounds',
    'followUps',
  ],
  board: ['id', 'title', 'template', 'language', 'createdAt'],
  snapshot: ['id', 'name', 'createdAt'],
  member: ['id', 'name', 'role', 'removed'],
  item: [
    'id',
    'type',
    'x',
    'y',
    'w',
    'h',
    'color',
    'createdAt',
    'author',
    'parent',
    'pinned',
    'z',
    'title',
    'columns',
    'text',
    'fields',
    'points',
    'from',
    'to',
  ],
  roundEntry: ['round', 'results', 'excluded'],
  round: [
    'id',
    'title',
    'status',
    'budget',
    'maxPerItem',
    'itemTypes',
    'frameId',
    'anonymous',
    'durationSec',
    'openedAt',
    'closesAt',
    'closedAt',
    'voters',
  ],
  result: ['itemId', 'votes', 'rank', 'label'],
  excluded: ['itemId', 'votes', 'reason'],
  followUp: ['id', 'itemId', 'title', 'owner', 'due', 'status', 'notes', 'createdAt', 'updatedAt'],
  owner: ['name', 'email', 'memberId'],
} as const;

type Json = Record<string, unknown>;

/** A copy of `value` with `keys` first, in that order, then any others as they were. */
function ordered(value: object, keys: readonly string[], nested: Json = {}): Json {
  const source = value as Json;
  const out: Json = {};
  for (const key of keys) if (key in source) out[key] = nested[key] ?? source[key];
  for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
  return out;
}

export function toJson(model: BoardExport): string {
  const items = model.items.map((item) =>
    ordered(
      item,
      ORDER.item,
      'fields' in item ? { fields: ordered(item.fields, CONCEPT_FIELDS) } : {},
    ),
  );
  const rounds = model.rounds.map((entry) =>
    ordered(entry, ORDER.roundEntry, {
      round: ordered(entry.round, ORDER.round),
      results: entry.results.map((result) => ordered(result, ORDER.result)),
      excluded: entry.excluded.map((cut) => ordered(cut, ORDER.excluded)),
    }),
  );
  const followUps = model.followUps.map((followUp) =>
    ordered(followUp, ORDER.followUp, { owner: ordered(followUp.owner, ORDER.owner) }),
  );
  const root = ordered(model, ORDER.root, {
    board: ordered(model.board, ORDER.board),
    ...(model.snapshot ? { snapshot: ordered(model.snapshot, ORDER.snapshot) } : {}),
    members: model.members.map((member) => ordered(member, ORDER.member)),
    items,
    rounds,
    followUps,
  });
  return `${JSON.stringify(root, null, 2)}\n`;
}
