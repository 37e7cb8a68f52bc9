/**
 * Every closed round's ranking (the board's voting history), newest first. The facilitator
 * can turn a round's top results into follow-ups in one action: unassigned by default (the
 * winners usually go to different people, given in the Follow-ups panel), or all to one owner.
 */
import { useId, useRef, useState } from 'react';
import { type Item, itemLabel } from '../../../shared/board-document.ts';
import type { RoundResult, RoundView } from '../../../shared/facilitation.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { MemberOptions } from './MemberOptions.tsx';
import type { ListedMember } from './member-list.ts';
import { useBusy } from './use-busy.ts';
import { useItems } from './use-items.ts';
import { useKnownMembers } from './use-members.ts';
import { shownRoundOf, useWorkshop, useWorkshopStore } from './use-workshop.ts';
import { useWholeNumber } from './whole-number.ts';

export function Ranking({ results, items }: { results: RoundResult[]; items: Item[] }) {
  const t = useT();
  if (results.length === 0) return <p className="wk-muted">{t.workshop.noVotesInRound}</p>;
  return (
    <ol className="wk-ranking">
      {results.map((result) => {
        const item = items.find((candidate) => candidate.id === result.itemId);
        const label = item
          ? itemLabel(item) || t.workshop.untitledItem
          : result.label
            ? `${result.label} ${t.workshop.deletedItem}`
            : t.workshop.deletedItem;
        return (
          <li key={result.itemId} data-item-id={result.itemId} data-rank={result.rank}>
            <span className={`wk-rank wk-rank-${Math.min(result.rank, 4)}`}>{result.rank}</span>
            <span className="wk-ranking-label" dir="auto">
              {label}
            </span>
            <span className="wk-ranking-votes">{t.workshop.liveTally(result.votes)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function FollowUpsFromTop({ view, members }: { view: RoundView; members: ListedMember[] }) {
  const t = useT();
  const store = useWorkshopStore();
  const top = useWholeNumber(3, 1, 100);
  const id = useId();
  // '' is nobody: the follow-ups start unassigned, and each gets its owner later.
  const [ownerId, setOwnerId] = useState('');
  const [busy, run] = useBusy();
  const [made, setMade] = useState<number | null>(null);
  const topField = useRef<HTMLInputElement>(null);
  // A number out of range is said by the field itself, not taken as the nearest allowed.
  const create = () =>
    topField.current?.reportValidity() !== false &&
    run(async () => {
      setMade(null);
      const created = await store.followUpsFromRound(view.round.id, top.value, ownerId || null);
      if (created) setMade(created.length);
    });
  return (
    <>
      <div className="wk-row wk-from-top">
        <label htmlFor={id}>{t.workshop.topN}</label>
        <input
          ref={topField}
          id={id}
          type="number"
          min={1}
          max={100}
          value={top.text}
          className="wk-narrow"
          onChange={(event) => top.setText(event.target.value)}
          onBlur={top.tidy}
        />
        <label>
          {t.workshop.owner}
          <select
            value={ownerId}
            data-testid="follow-ups-from-top-owner"
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="">{t.workshop.unknownOwner}</option>
            <MemberOptions members={members} />
          </select>
        </label>
        <button type="button" aria-disabled={busy} onClick={create}>
          {t.workshop.createFollowUpsFromTop}
        </button>
      </div>
      <p role="status" className="wk-muted" data-testid="follow-ups-from-top-status">
        {made === null
          ? ''
          : made > 0
            ? t.workshop.followUpsCreated(made)
            : t.workshop.followUpsAlreadyThere}
      </p>
    </>
  );
}

function ClosedRound(props: {
  view: RoundView;
  shown: boolean;
  items: Item[];
  members: ListedMember[];
}) {
  const { view, shown, items } = props;
  const t = useT();
  const format = useDateFormat();
  const session = useBoardSession();
  const store = useWorkshopStore();
  const headingId = useId();
  const excluded = (view.excluded ?? []).reduce((sum, entry) => sum + entry.votes, 0);
  return (
    <section
      className={`wk-round-result${shown ? ' wk-shown' : ''}`}
      aria-labelledby={headingId}
      data-round-id={view.round.id}
    >
      <h3 id={headingId}>
        {view.round.title}{' '}
        {view.round.closedAt && (
          <span className="wk-muted wk-closed-at">
            {t.workshop.roundClosedAt(format.dateTime(view.round.closedAt))}
          </span>
        )}
      </h3>
      <Ranking results={view.results ?? []} items={items} />
      {excluded > 0 && <p className="wk-muted">{t.workshop.excludedDeleted(excluded)}</p>}
      <div className="wk-row">
        <button
          type="button"
          className="wk-small"
          aria-pressed={shown}
          onClick={() => store.showRound(view.round.id)}
        >
          {t.workshop.showOnBoard}
        </button>
      </div>
      {session.me.role === 'facilitator' && (view.results?.length ?? 0) > 0 && (
        <FollowUpsFromTop view={view} members={props.members} />
      )}
    </section>
  );
}

export function RoundResults() {
  const t = useT();
  const session = useBoardSession();
  const items = useItems(session.doc);
  // Once for every closed round: read per round, a year of rounds read the board and asked the
  // server for its members 52 times over.
  const members = useKnownMembers(session, session.me.role === 'facilitator');
  const [state] = useWorkshop();
  const closed = state.rounds.filter((view) => view.round.status === 'closed').reverse();
  const shown = shownRoundOf(state);
  const live = state.rounds.find((view) => view.round.status === 'open' && view.results);
  return (
    <section className="wk-section" aria-labelledby="wk-results-h" data-testid="round-results">
      <h2 id="wk-results-h">{t.workshop.results}</h2>
      {live?.results && <Ranking results={live.results} items={items} />}
      {closed.length === 0 ? (
        <p className="wk-muted">{t.workshop.noClosedRounds}</p>
      ) : (
        closed.map((view) => (
          <ClosedRound
            key={view.round.id}
            view={view}
            shown={view === shown}
            items={items}
            members={members}
          />
        ))
      )}
    </section>
  );
}
