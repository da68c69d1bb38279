import WebSocket from 'ws';

/**
 * @mattermost/client's WebSocketClient is written for browsers: besides the socket it is
 * given, it reads the global `WebSocket.OPEN` and builds `new CloseEvent(...)` on ping
 * timeouts and sequence gaps. Node 20 has neither global, so provide both when missing.
 */
export function installWebSocketGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  g.WebSocket ??= WebSocket;
  g.CloseEvent ??= class CloseEvent extends Event {
    readonly code: number;
    readonly reason: string;
    readonly wasClean: boolean;
    constructor(type: string, init: { code?: number; reason?: string; wasClean?: boolean } = {}) {
      super(type);
      this.code = init.code ?? 0;
      this.reason = init.reason ?? '';
      this.wasClean = init.wasClean ?? false;
    }
  };
}

/**
 * A `ws` socket that authenticates on the upgrade request, so reconnects can resume the
 * event stream. The client `console.log`s the error events it gets; a `ws` error event
 * reaches the upgrade request and its Authorization header, so the client only ever sees
 * a plain `{ type, message }` instead.
 */
export function createAuthenticatedSocket(url: string, token: string): globalThis.WebSocket {
  const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
  let onerror: ((event: { type: string; message: string }) => void) | null = null;
  Object.defineProperty(socket, 'onerror', {
    configurable: true,
    get: () => onerror,
    set: (handler: typeof onerror) => {
      onerror = handler;
    },
  });
  socket.on('error', (err) => onerror?.({ type: 'error', message: err.message }));
  return socket as unknown as globalThis.WebSocket;
}
