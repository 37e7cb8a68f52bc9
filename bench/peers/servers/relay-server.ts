/**
 * The floor: a raw `ws` relay that forwards each binary message unchanged to every other
 * connection in its room (the URL path). No decoding, no document, no persistence.
 */
import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});

wss.on('connection', (ws: WebSocket, room: string) => {
  let members = rooms.get(room);
  if (!members) {
    members = new Set();
    rooms.set(room, members);
  }
  const peers = members;
  peers.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const other of peers) {
      if (other !== ws && other.readyState === WebSocket.OPEN)
        other.send(data, { binary: isBinary });
    }
  });
  ws.on('close', () => {
    peers.delete(ws);
    if (peers.size === 0) rooms.delete(room);
  });
});
server.on('upgrade', (request, socket, head) => {
  const room = (request.url ?? '/').split('?')[0]!;
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, room));
});
server.listen(port, host);
process.on('SIGTERM', () => process.exit(0));
