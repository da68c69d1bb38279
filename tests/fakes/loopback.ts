import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Starts a fake's HTTP server on a random loopback port and tracks its sockets, so `close()`
 * can drop keep-alive connections and pending long polls instead of waiting for them.
 */
export async function listenOnLoopback(server: Server, sockets = new Set<Socket>()): Promise<{ origin: string; sockets: Set<Socket> }> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, sockets };
}
