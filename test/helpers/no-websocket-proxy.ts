/**
 * An HTTP proxy in front of a server that lets no WebSocket through, as some office proxies and
 * misconfigured reverse proxies do: `refuse` answers every upgrade with 403, `hang` takes it and
 * never answers. Plain HTTP requests (Socket.io's long-polling) pass.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface NoWebSocketProxy {
  url: string;
  /** How many WebSocket upgrades were asked for. */
  upgrades: number;
  close(): Promise<void>;
}

export async function noWebSocketProxy(
  target: string,
  mode: 'refuse' | 'hang',
): Promise<NoWebSocketProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const forwarded = http.request(
      { host: hostname, port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  const proxy: NoWebSocketProxy = {
    url: '',
    upgrades: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (_req, socket: Socket) => {
    proxy.upgrades++;
    socket.on('error', () => {});
    if (mode === 'refuse') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
