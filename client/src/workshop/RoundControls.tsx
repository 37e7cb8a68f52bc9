/** Facilitator: open a voting round with its rules, watch participation, close it. */
import { type FormEvent, type Ref, useId, useRef, useState } from 'react';
import { ITEM_TYPES, type ItemType, itemLabel } from '../../../shared/board-document.ts';
import { DEFAULT_VOTE_TARGETS } from '../../../shared/constants.ts';
import type { OpenRoundBody } from '../../../shared/facilitation.ts';
import { useFocusSuccessor } from '../app/focus-successor.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { useBusy } from './use-busy.ts';
import { useItems } from './use-items.ts';
import { openRoundOf, useWorkshop, useWorkshopStore } from './use-workshop.ts';
import { useWholeNumber } from './whole-number.ts';

/** Strokes and connectors are never ideas a group votes on. */
const VOTABLE_TYPES = ITEM_TYPES.filter((type) => type !== 'stroke' && type !== 'connector');

function RoundForm({ focusRef }: { focusRef: Ref<HTMLFormElement> }) {
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
  const [busy, run] = useBusy();

  const submit = (event: FormEvent) => {
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
    void run(() => store.openRound(body));
  };

  return (
    <form ref={focusRef} className="wk-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
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
      <button type="submit" className="wk-primary" aria-disabled={busy}>
        {t.workshop.openRound}
      </button>
    </form>
  );
}

function OpenRoundStatus({ focusRef }: { focusRef: Ref<HTMLElement> }) {
  const t = useT();
  const format = useDateFormat();
  const [state, store] = useWorkshop();
  const open = openRoundOf(state);
  if (!open) return null;
  const { round } = open;
  const participation = open.participation ?? [];
  return (
    <section
      ref={focusRef}
      className="wk-open-round"
      aria-label={t.workshop.roundOpenSince(round.title)}
    >
      <h3>{t.workshop.roundOpenSince(round.title)}</h3>
      <p role="status">{t.workshop.voters(round.voters)}</p>
      {round.closesAt && (
        <p className="wk-muted">{t.workshop.closesAt(format.soon(round.closesAt))}</p>
      )}
      <h4>{t.workshop.participation}</h4>
      {participation.length === 0 ? (
        <p className="wk-muted">{t.workshop.nobodyVotedYet}</p>
      ) : (
        <ul className="wk-participation">
          {participation.map((entry) => (
            <li key={entry.memberId}>
              <bdi>{entry.name}</bdi>
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
  const region = useRef<HTMLDivElement>(null);
  // Opening or closing a round (here, or by another facilitator) swaps the form and the open
  // round's section: the focus goes to the main button of the one that came.
  const handOver = useFocusSuccessor(() =>
    region.current?.querySelector<HTMLElement>('button.wk-primary'),
  );
  return (
    <div ref={region}>
      {openRoundOf(state) ? (
        <OpenRoundStatus focusRef={handOver} />
      ) : (
        <RoundForm focusRef={handOver} />
      )}
    </div>
  );
}
