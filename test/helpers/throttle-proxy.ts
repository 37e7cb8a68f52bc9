/**
 * A TCP proxy in front of a server that passes what the server sends at `bytesPerSecond`, as a
 * weak venue Wi-Fi or a poor mobile line does, and reads from the server only as fast as it
 * passes it on: what waits stays in the server's buffers, as it does behind a real slow line.
 */
import net from 'node:net';

export interface ThrottleProxy {
  url: string;
  close(): Promise<void>;
}

const TICK_MS = 50;
/** What the proxy holds before it stops reading from the server. */
const HIGH_WATER = 16 * 1024;

export async function throttleProxy(
  target: string,
  bytesPerSecond: number,
): Promise<ThrottleProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    let held: Buffer[] = [];
    let heldBytes = 0;
    upstream.on('data', (chunk: Buffer) => {
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes > HIGH_WATER) upstream.pause();
    });
    const perTick = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
    const timer = setInterval(() => {
      if (heldBytes === 0) return;
      const all = Buffer.concat(held);
      const now = all.subarray(0, perTick);
      const rest = all.subarray(perTick);
      held = rest.length > 0 ? [rest] : [];
      heldBytes = rest.length;
      if (!client.destroyed) client.write(now);
      if (heldBytes <= HIGH_WATER && upstream.isPaused()) upstream.resume();
    }, TICK_MS);
    timers.add(timer);
    client.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
