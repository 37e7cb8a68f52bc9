/** Facilitator: open a voting round with its rules, watch participation, close it. */
import { type FormEvent, useId, useState } from 'react';
import { ITEM_TYPES, type ItemType, itemLabel } from '../../../shared/board-document.ts';
import { DEFAULT_VOTE_TARGETS } from '../../../shared/constants.ts';
import type { OpenRoundBody } from '../../../shared/facilitation.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { useItems } from './use-items.ts';
import { openRoundOf, useWorkshop, useWorkshopStore } from './use-workshop.ts';
import { useWholeNumber } from './whole-number.ts';

/** Strokes and connectors are never ideas a group votes on. */
const VOTABLE_TYPES = ITEM_TYPES.filter((type) => type !== 'stroke' && type !== 'connector');

function RoundForm() {
  const t = useT();
  const session = useBoardSession();
  const store = useWorkshopStore();
  const frames = useItems(session.doc).filter((item) => item.type === 'frame');
  const id = useId();
  const [title, setTitle] = useState('');
  const budget = useWholeNumber(5, 1, 99);
  const maxPerItem = useWholeNumber(5, 1, budget.value);
  const [types, setTypes] = useState<ItemType[]>([...DEFAULT_VOTE_TARGETS]);
  const [frameId, setFrameId] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: OpenRoundBody = {
      budget: budget.value,
      maxPerItem: maxPerItem.value,
      itemTypes: types.length > 0 ? types : [...DEFAULT_VOTE_TARGETS],
      anonymous,
    };
    if (title.trim()) body.title = title.trim();
    if (frameId) body.frameId = frameId;
    const duration = Number.parseFloat(minutes);
    if (Number.isFinite(duration) && duration > 0) body.durationSec = Math.round(duration * 60);
    setBusy(true);
    await store.openRound(body);
    setBusy(false);
  };

  return (
    <form className="wk-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.workshop.roundSection}</h3>
      <label>
        {t.workshop.roundTitle}
        <input
          value={title}
          placeholder={t.workshop.roundTitlePlaceholder}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <div className="wk-row">
        <label>
          {t.workshop.budget}
          <input
            type="number"
            min={1}
            max={99}
            required
            value={budget.text}
            onChange={(event) => {
              // Most votes per item follows the budget while it is at the budget, and never
              // stays above it.
              const followed = maxPerItem.value >= budget.value;
              budget.setText(event.target.value);
              const next = Number.parseInt(event.target.value, 10);
              if (Number.isFinite(next) && (followed || maxPerItem.value > next)) {
                maxPerItem.setText(String(Math.max(1, Math.min(99, next))));
              }
            }}
            onBlur={budget.tidy}
          />
        </label>
        <label>
          {t.workshop.maxPerItem}
          <input
            type="number"
            min={1}
            max={budget.value}
            required
            value={maxPerItem.text}
            onChange={(event) => maxPerItem.setText(event.target.value)}
            onBlur={maxPerItem.tidy}
          />
        </label>
      </div>
      <fieldset>
        <legend>{t.workshop.itemTypes}</legend>
        {VOTABLE_TYPES.map((type) => (
          <label key={type} className="wk-check">
            <input
              type="checkbox"
              checked={types.includes(type)}
              onChange={(event) =>
                setTypes(
                  event.target.checked ? [...types, type] : types.filter((tt) => tt !== type),
                )
              }
            />
            {t.workshop.itemTypeNames[type] ?? type}
          </label>
        ))}
      </fieldset>
      <label>
        {t.workshop.onlyInFrame}
        <select value={frameId} onChange={(event) => setFrameId(event.target.value)}>
          <option value="">{t.workshop.anyFrame}</option>
          {frames.map((frame) => (
            <option key={frame.id} value={frame.id}>
              {itemLabel(frame) || t.workshop.untitledFrame}
            </option>
          ))}
        </select>
      </label>
      <label className="wk-check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        {t.workshop.anonymous}
      </label>
      <label>
        {t.workshop.durationMin}
        <input
          type="number"
          min={1}
          max={1440}
          step="any"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </label>
      <button type="submit" className="wk-primary" disabled={busy}>
        {t.workshop.openRound}
      </button>
    </form>
  );
}

function OpenRoundStatus() {
  const t = useT();
  const format = useDateFormat();
  const [state, store] = useWorkshop();
  const open = openRoundOf(state);
  if (!open) return null;
  const { round } = open;
  const participation = open.participation ?? [];
  return (
    <section className="wk-open-round" aria-label={t.workshop.roundOpenSince(round.title)}>
      <h3>{t.workshop.roundOpenSince(round.title)}</h3>
      <p role="status">{t.workshop.voters(round.voters)}</p>
      {round.closesAt && (
        <p className="wk-muted">{t.workshop.closesAt(format.time(round.closesAt))}</p>
      )}
      <h4>{t.workshop.participation}</h4>
      {participation.length === 0 ? (
        <p className="wk-muted">{t.workshop.nobodyVotedYet}</p>
      ) : (
        <ul className="wk-participation">
          {participation.map((entry) => (
            <li key={entry.memberId}>
              <span>{entry.name}</span>
              <meter min={0} max={round.budget} value={entry.used} aria-label={entry.name} />
              <span>{t.workshop.usedVotes(entry.used, round.budget)}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="wk-primary" onClick={() => store.closeRound(round.id)}>
        {t.workshop.closeRound}
      </button>
    </section>
  );
}

export function RoundControls() {
  const [state] = useWorkshop();
  return openRoundOf(state) ? <OpenRoundStatus /> : <RoundForm />;
}
