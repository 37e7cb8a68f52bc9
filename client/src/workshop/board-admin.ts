/**
 * The board's administration, by its facilitators: its title and language, a new link for a
 * role, taking a member off, deleting the board. Reached as the workshop store's `admin`.
 */
import type {
  Language,
  NewKeyResponse,
  RenamedBoard,
  UpdateBoardBody,
} from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import { newRoleLink } from '../app/invite-links.ts';
import type { BoardSession } from '../board/board-session.ts';
import type { WorkshopRequests } from './workshop-requests.ts';
import type { WorkshopState } from './workshop-state.ts';

/** What the server now says of the board's title and language, into the store. */
type Told = (change: Partial<Pick<WorkshopState, 'title' | 'language'>>) => void;

export class BoardAdmin {
  readonly #session: BoardSession;
  readonly #requests: WorkshopRequests;
  readonly #told: Told;

  constructor(session: BoardSession, requests: WorkshopRequests, told: Told) {
    this.#session = session;
    this.#requests = requests;
    this.#told = told;
  }

  /** A new title for the board: true once the server has it. */
  async rename(title: string): Promise<boolean> {
    const socket = this.#session.provider.socket;
    const renamed = await this.#requests.emit<RenamedBoard>(
      (ack) => socket.emit('board:rename', { title }, ack),
      (changed) => this.#told({ title: changed.board.title }),
    );
    return renamed !== undefined;
  }

  /**
   * Another language for the board: its exports' words, and its template's labels where nobody
   * changed them. True once the server has it.
   */
  async setLanguage(language: Language): Promise<boolean> {
    const body = { language } satisfies UpdateBoardBody;
    const changed = await this.#requests.run(() =>
      this.#session.api<RenamedBoard>('', { method: 'PATCH', body }),
    );
    if (changed) this.#told({ title: changed.board.title, language: changed.board.language });
    return changed !== undefined;
  }

  /** A new link for `role`: the role's old link opens the board no more. */
  newLink(role: Role): Promise<NewKeyResponse | undefined> {
    const session = this.#session;
    return this.#requests.run(() => newRoleLink(session.api, session.board.id, role));
  }

  /** Takes a member off the board: true once the server has. */
  /** `erase`: their name goes too, at their request (ERASED_MEMBER_NAME). */
  removeMember(memberId: string, erase = false): Promise<boolean> {
    return this.#deleted(`/members/${encodeURIComponent(memberId)}`, erase ? { erase } : undefined);
  }

  /**
   * Deletes the board for everyone: true once the server has. The page then hears
   * `board_deleted`, as everyone on the board does, and shows it.
   */
  deleteBoard(): Promise<boolean> {
    return this.#deleted('');
  }

  /** DELETE on the board's `route`: true once the server has (its 204 has no body). */
  async #deleted(route: string, body?: object): Promise<boolean> {
    const done = await this.#requests.run(async () => {
      await this.#session.api(route, { method: 'DELETE', ...(body ? { body } : {}) });
      return true;
    });
    return done === true;
  }
}
