/** A real Ideamill server on an ephemeral port with its own SQLite file, for one test file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { loadConfig } from '../../server/config/config.ts';
import { type RunningServer, startServer } from '../../server/start-server.ts';
import type {
  CreateBoardResponse,
  JoinBoardResponse,
  ListMembersResponse,
  PublicMember,
} from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { TEST_TMP_VARIABLE } from './temp-root-setup.ts';

/** A new, empty directory under the run's temp root (removed when the run ends). */
export function tempDataDir(): string {
  const root = process.env[TEST_TMP_VARIABLE] ?? os.tmpdir();
  return fs.mkdtempSync(path.join(root, 'ideamill-test-'));
}

export interface TestServer extends RunningServer {
  dataDir: string;
  env: Record<string, string>;
  api<T = unknown>(
    route: string,
    init?: {
      method?: string;
      body?: unknown;
      token?: string;
      raw?: string;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  createBoard(input?: {
    title?: string;
    template?: string;
    language?: string;
  }): Promise<CreateBoardResponse>;
  join(boardId: string, key: string, name?: string): Promise<JoinBoardResponse>;
  /** `GET /members` with a member's token: everyone on the board. */
  members(boardId: string, token: string): Promise<PublicMember[]>;
  /** A facilitator takes the member of that name off the board; resolves to the status. */
  takeOff(boardId: string, facilitatorToken: string, name: string): Promise<number>;
  /** Creates a board and joins it once per role. */
  boardWithMembers(template?: string): Promise<{
    board: CreateBoardResponse;
    tokens: Record<Role, string>;
  }>;
  /** Closes this server and starts a new one on the same data directory. */
  restart(): Promise<TestServer>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = tempDataDir(),
  /** Another build of the web client to serve than dist/client (an upgrade, say). */
  clientDir?: string,
  /** Where the server logs; by default nowhere (LOG_LEVEL silent). */
  logger?: Logger,
): Promise<TestServer> {
  const fullEnv = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env };
  const running = await startServer(loadConfig(fullEnv), logger, clientDir);
  const server: TestServer = {
    ...running,
    dataDir,
    env: fullEnv,
    async api(route, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | undefined = init.raw;
      if (init.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(init.body);
      }
      if (init.raw !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${running.url}${route}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, body: parsed as never, headers: response.headers };
    },
    async createBoard(input = {}) {
      const { status, body } = await server.api<CreateBoardResponse>('/api/boards', {
        body: { title: 'Workshop', ...input },
        token: env.ADMIN_TOKEN ?? env.CREATE_TOKEN,
      });
      if (status !== 201) throw new Error(`createBoard: ${status} ${JSON.stringify(body)}`);
      return body;
    },
    async join(boardId, key, name = 'Someone') {
      const { status, body } = await server.api<JoinBoardResponse>(`/api/boards/${boardId}/join`, {
        body: { key, name },
      });
      if (status !== 200) throw new Error(`join: ${status} ${JSON.stringify(body)}`);
      return body;
    },
    async members(boardId, token) {
      const { status, body } = await server.api<ListMembersResponse>(
        `/api/boards/${boardId}/members`,
        { token },
      );
      if (status !== 200) throw new Error(`members: ${status} ${JSON.stringify(body)}`);
      return body.members;
    },
    async takeOff(boardId, facilitatorToken, name) {
      const member = (await server.members(boardId, facilitatorToken)).find(
        (candidate) => candidate.name === name,
      );
      if (!member) throw new Error(`takeOff: nobody named ${name}`);
      const removed = await server.api(`/api/boards/${boardId}/members/${member.id}`, {
        method: 'DELETE',
        token: facilitatorToken,
      });
      return removed.status;
    },
    async boardWithMembers(template = 'blank') {
      const board = await server.createBoard({ template });
      const tokens = {} as Record<Role, string>;
      for (const role of ['facilitator', 'participant', 'viewer'] as const) {
        tokens[role] = (await server.join(board.board.id, board.keys[role], role)).token;
      }
      return { board, tokens };
    },
    async restart() {
      await running.close();
      return startTestServer(env, dataDir);
    },
  };
  return server;
}
