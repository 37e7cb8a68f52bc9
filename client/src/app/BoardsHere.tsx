/**
 * "Your boards in this browser" on the start page: the boards this browser has a membership
 * of, each a link to it with its title as the server has it now (offline, as it was when I was
 * last on it), my role, when I was last on it, and whether changes of mine to it still wait
 * unsent here. Boards that are gone, or that took me off, are left out. Nothing shows where
 * there are none. The twelve I was on last show at first, and the others on asking (a
 * development day's thirty team boards).
 */
import { useEffect, useRef, useState } from 'react';
import type { GetBoardResponse } from '../../../shared/api.ts';
import { failureOf } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from '../workshop/format.ts';
import { apiRequest } from './api.ts';
import { type BoardHere, boardsHere } from './boards-here.ts';

/** Shown at first: enough for a facilitator's season of workshops. */
const SHOWN = 12;

interface Listed extends BoardHere {
  title: string;
  /** The server could not be reached: the title is the one I last saw. */
  offline: boolean;
}

/** A board as the server has it now; as I last saw it where the server cannot be reached. */
async function listedOf(one: BoardHere): Promise<Listed | null> {
  try {
    const { board } = await apiRequest<GetBoardResponse>(`/api/boards/${one.boardId}`, {
      token: one.membership.token,
    });
    return { ...one, title: board.title, offline: false };
  } catch (error) {
    // Gone, or I was taken off: left out. Offline: as it was.
    const { title } = one.membership;
    if (failureOf(error).code !== 'unreachable' || typeof title !== 'string') return null;
    return { ...one, title, offline: true };
  }
}

export function BoardsHere() {
  const t = useT();
  const format = useDateFormat();
  const [listed, setListed] = useState<Listed[]>([]);
  const [all] = useState(boardsHere);
  /**
   * Those to ask the server about now: the first SHOWN, then, on asking, the others. None is
   * asked about twice. While `fill`, boards that are gone leave room for the next ones, so
   * that twelve show where twelve still answer (a season of deleted boards hides no list).
   */
  const [asked, setAsked] = useState({ from: 0, to: SHOWN, fill: true });
  /** Until the server has answered for those asked about: the others wait for it. */
  const [pending, setPending] = useState(true);
  const list = useRef<HTMLUListElement>(null);
  /** Where the focus goes once the others have come: the first of them. */
  const firstOther = useRef<number | null>(null);

  useEffect(() => {
    let current = true;
    setPending(true);
    const here = all.slice(asked.from, asked.to);
    Promise.all(here.map(listedOf)).then((answers) => {
      if (!current) return;
      const found = answers.filter((one): one is Listed => one !== null);
      setListed((before) => [...before, ...found]);
      const gone = here.length - found.length;
      if (asked.fill && gone > 0 && asked.to < all.length) {
        setAsked({ from: asked.to, to: Math.min(all.length, asked.to + gone), fill: true });
      } else {
        setPending(false);
      }
    });
    return () => {
      current = false;
    };
  }, [all, asked]);

  // The button that showed the others is gone: the focus goes on to the first of them.
  useEffect(() => {
    const index = firstOther.current;
    if (index === null || listed.length <= index) return;
    firstOther.current = null;
    list.current?.querySelectorAll('a')[index]?.focus();
  }, [listed]);

  if (listed.length === 0) return null;
  return (
    <section className="boards-here" aria-labelledby="boards-here-title">
      <h2 id="boards-here-title">{t.app.boardsHere}</h2>
      {listed.some((one) => one.offline) && <p className="muted">{t.app.boardsHereKept}</p>}
      <ul ref={list}>
        {listed.map(({ boardId, title, membership, seenAt, unsent }) => (
          <li key={boardId} data-board-id={boardId}>
            <a href={`/b/${boardId}`}>
              <bdi>{title}</bdi>
            </a>
            <span className="muted">
              {t.app.roles[membership.member.role]}
              {seenAt !== null &&
                ` · ${t.app.lastHere(format.dateTime(new Date(seenAt).toISOString()))}`}
            </span>
            {unsent && <span className="boards-here-unsent">{t.app.unsentHere}</span>}
          </li>
        ))}
      </ul>
      {!pending && all.length > asked.to && (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            firstOther.current = listed.length;
            setAsked({ from: asked.to, to: all.length, fill: false });
          }}
        >
          {t.app.boardsHereMore}
        </button>
      )}
    </section>
  );
}
