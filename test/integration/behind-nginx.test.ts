/**
 * Ideamill behind nginx as docs/deploy/nginx-ideamill.conf configures it: the file runs as it is,
 * with only its names, ports and certificate paths swapped, in front of a real server, and real
 * clients go through it over TLS: the HTTP API, Socket.io (polling, then its WebSocket) and
 * y-websocket. Needs nginx (`apt-get install -y nginx-light`); without it the test reports
 * itself skipped, except under CI=true, where a missing nginx fails the run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { BoardExport } from '../../shared/follow-through.ts';
import { waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const INSTALL = 'apt-get install -y nginx-light';
const HAS_NGINX = fs.existsSync(NGINX);
if (!HAS_NGINX) {
  if (process.env.CI === 'true') throw new Error(`No nginx at ${NGINX} (CI=true): ${INSTALL}`);
  console.warn(`behind-nginx test skipped: no nginx at ${NGINX}. Install: ${INSTALL}`);
}

const SITE = path.resolve('docs/deploy/nginx-ideamill.conf');
const PUBLIC_URL = 'https://ideamill.example.org';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `text` with `from` replaced by `to`; fails when the documented file no longer says `from`. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${SITE} no longer contains ${JSON.stringify(from)}`);
  return text.replaceAll(from, to);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

describe.skipIf(!HAS_NGINX)('behind nginx, as docs/deploy configures it', () => {
  let server: TestServer;
  let nginx: ChildProcess;
  let dir: string;
  let ca: string;
  let origin: string;
  let plainPort: number;
  let accessLog: string;
  let siteErrorLog: string;

  /** A request through nginx, over TLS trusting only the test's own certificate. */
  function request(
    method: string,
    route: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(`${origin}${route}`, {
        method,
        ca,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: String(bytes),
            bytes,
          });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: 'true',
      PUBLIC_URL,
      JOIN_RATE_PER_MIN: '3',
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-nginx-'));
    // nginx's workers may run as another user: they need to reach their temporary files.
    fs.chmodSync(dir, 0o755);
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    ca = fs.readFileSync(cert, 'utf8');
    const tlsPort = await freePort();
    plainPort = await freePort();
    origin = `https://127.0.0.1:${tlsPort}`;
    let site = fs.readFileSync(SITE, 'utf8');
    site = swap(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`);
    site = swap(site, 'listen 80;', `listen 127.0.0.1:${plainPort};`);
    site = swap(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${server.port};`);
    site = swap(site, '/etc/letsencrypt/live/ideamill.example.org/fullchain.pem', cert);
    site = swap(site, '/etc/letsencrypt/live/ideamill.example.org/privkey.pem', key);
    accessLog = path.join(dir, 'access.log');
    site = swap(site, '/var/log/nginx/ideamill.access.log', accessLog);
    siteErrorLog = path.join(dir, 'site-error.log');
    site = swap(site, '/var/log/nginx/ideamill.error.log', siteErrorLog);
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        `pid ${path.join(dir, 'nginx.pid')};`,
        `error_log ${path.join(dir, 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
        `  include ${path.join(dir, 'site.conf')};`,
        '}',
      ].join('\n'),
    );
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    // Up once it answers.
    const started = Date.now();
    for (;;) {
      const up = await request('GET', '/healthz').then(
        (answer) => answer.status === 200,
        () => false,
      );
      if (up) break;
      if (Date.now() - started > 10_000) {
        const log = fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
        throw new Error(`nginx did not start: ${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API over TLS, with links from PUBLIC_URL, and sends plain HTTP to it', async () => {
    expect(JSON.parse((await request('GET', '/healthz')).body)).toEqual({ ok: true });
    const created = await request('POST', '/api/boards', { title: 'Behind the proxy' });
    expect(created.status).toBe(201);
    const { links } = JSON.parse(created.body) as CreateBoardResponse;
    expect(links.participant.startsWith(`${PUBLIC_URL}/b/`)).toBe(true);
    // An error keeps its JSON shape through the proxy.
    const missing = await request('GET', '/api/nothing-here');
    expect([missing.status, JSON.parse(missing.body).error.code]).toEqual([404, 'route_not_found']);

    const redirect = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`http://127.0.0.1:${plainPort}/b/x?y=1`, resolve).on('error', reject),
    );
    redirect.resume();
    expect([redirect.statusCode, redirect.headers.location]).toEqual([
      301,
      'https://127.0.0.1/b/x?y=1',
    ]);
  });

  it('refuses a body over its own limit in Ideamill’s JSON shape, as Ideamill refuses one over 4 MiB', async () => {
    const title = (mib: number) => ({ title: 'x'.repeat(mib * 1024 * 1024) });
    // 4–5 MiB passes nginx and Ideamill refuses it; over 5 MiB nginx does, before Ideamill.
    for (const body of [title(4.5), title(6)]) {
      const refused = await request('POST', '/api/boards', body);
      expect(refused.status).toBe(413);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(refused.body)).toEqual({
        error: { code: 'payload_too_large', message: 'The request body is too large.' },
      });
    }
  });

  it('limits joins by the address nginx saw, whatever X-Forwarded-For a client sends', async () => {
    const created = await request('POST', '/api/boards', { title: 'Join limit' });
    const { board, keys } = JSON.parse(created.body) as CreateBoardResponse;
    const join = (n: number) =>
      request(
        'POST',
        `/api/boards/${board.id}/join`,
        { key: `${keys.participant}-guess`, name: `Person ${n}` },
        // Each claims to come from somewhere else: the limit must not believe it.
        { 'x-forwarded-for': `203.0.113.${n}` },
      );
    const statuses: number[] = [];
    for (let n = 1; n <= 4; n++) statuses.push((await join(n)).status);
    // Failed joins are what the limit counts (JOIN_RATE_PER_MIN is 3 here).
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('carries a board between a Socket.io client and a y-websocket client', async () => {
    const created = await request('POST', '/api/boards', { title: 'Live through the proxy' });
    const { board, keys } = JSON.parse(created.body) as CreateBoardResponse;
    const tokens: string[] = [];
    for (const name of ['Sio', 'Yws']) {
      // Straight to the server, as if nginx had seen another address: the test above spent
      // this one's joins.
      const joined = await server.api<JoinBoardResponse>(`/api/boards/${board.id}/join`, {
        body: { key: keys.participant, name },
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(joined.status).toBe(200);
      tokens.push(joined.body.token);
    }

    const sioDoc = new Y.Doc();
    const sio = new SocketIoProvider(origin, board.id, sioDoc, {
      token: tokens[0]!,
      socket: { reconnection: false, ca },
    });
    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    }
    const ywsDoc = new Y.Doc();
    const yws = new WebsocketProvider(`${origin.replace('https', 'wss')}/yjs`, board.id, ywsDoc, {
      WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: tokens[1]! },
    });
    try {
      await waitFor(() => sio.synced && yws.synced, 'both synced through nginx');
      const fromSio = addItem(sioDoc, { type: 'note', x: 0, y: 0, text: 'over Socket.io' });
      const fromYws = addItem(ywsDoc, { type: 'note', x: 300, y: 0, text: 'over y-websocket' });
      await waitFor(
        () => itemsOf(ywsDoc).has(fromSio) && itemsOf(sioDoc).has(fromYws),
        'each note on the other client',
      );
      // Socket.io began with long-polling and moved to its WebSocket, through nginx too.
      await waitFor(() => sio.socket.io.engine.transport.name === 'websocket', 'upgraded');
      const late = addItem(sioDoc, { type: 'note', x: 600, y: 0, text: 'after the upgrade' });
      await waitFor(() => itemsOf(ywsDoc).has(late), 'the note after the upgrade');
      // The export comes gzip'd from Ideamill, and nginx passes it on as it came.
      const exported = await request(
        'GET',
        `/api/boards/${board.id}/export?format=json`,
        undefined,
        {
          authorization: `Bearer ${tokens[0]}`,
          'accept-encoding': 'gzip',
        },
      );
      expect([exported.status, exported.headers['content-encoding']]).toEqual([200, 'gzip']);
      const file = JSON.parse(String(zlib.gunzipSync(exported.bytes))) as BoardExport;
      expect(file.items.map((item) => ('text' in item ? item.text : '')).sort()).toEqual([
        'after the upgrade',
        'over Socket.io',
        'over y-websocket',
      ]);
    } finally {
      sio.destroy();
      yws.destroy();
      sioDoc.destroy();
      ywsDoc.destroy();
    }
    // The y-websocket client's token came in its address: the access log (written as each
    // connection ends) has the address, not the token (operator QA: it kept every member's
    // secret).
    await waitFor(() => fs.readFileSync(accessLog, 'utf8').includes(`/yjs/${board.id}`), 'logged');
    const log = fs.readFileSync(accessLog, 'utf8');
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toContain('token=');
  });

  it('keeps the headers Ideamill sets, adds HSTS, and logs no token while Ideamill is down (last: it stops Ideamill)', async () => {
    const page = await request('GET', '/');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Ideamill restarting: stock y-websocket clients keep knocking, each with its token.
    await server.close();
    const secret = 'SECRET-MEMBER-TOKEN-0123456789';
    const down = await request('GET', `/yjs/some-board?token=${secret}`, undefined, {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    });
    expect(down.status).toBe(502);
    for (const file of [siteErrorLog, path.join(dir, 'error.log'), accessLog]) {
      const log = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      expect({ file, leaked: log.includes(secret) }).toEqual({ file, leaked: false });
    }
  });
});
