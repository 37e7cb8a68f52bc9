/**
 * A TCP proxy in front of a server whose connections can die without a word: `blackhole()`
 * drops every byte of the connections open now, in both directions, and closes nothing, as a
 * Wi-Fi re-association, a switch of mobile network or a NAT that forgot a connection leaves
 * them. Connections made afterwards pass as before.
 */
import net from 'node:net';

export interface BlackholeProxy {
  url: string;
  blackhole(): void;
  close(): Promise<void>;
}

export async function blackholeProxy(target: string): Promise<BlackholeProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<{ dead: boolean; sockets: net.Socket[] }>();
  /** Every socket not yet closed, a dead link's other end too (one end may close, not both). */
  const alive = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    const link = { dead: false, sockets: [client, upstream] };
    open.add(link);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (!link.dead) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    for (const socket of link.sockets) {
      alive.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        alive.delete(socket);
        open.delete(link);
        // A dead link says nothing to either end, not even that the other one left.
        if (!link.dead) for (const other of link.sockets) other.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    blackhole() {
      for (const link of open) link.dead = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of alive) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
