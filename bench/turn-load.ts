import { io, type Socket } from 'socket.io-client';

/**
 * The web chat load generator shared by `turn-socketio` and `turn-floor`: real socket.io clients,
 * an open loop at a fixed offered rate spread round-robin over the clients, latency from sending a
 * message to the first bot message after it on that client. Loopback only, bounded in time.
 */
export interface TurnLoadOptions {
  clients: number;
  messages: number;
  /** Messages a second offered, in total. */
  rate: number;
  questions: readonly string[];
  /** How long to wait for the last answers after the last message was sent. */
  drainMs?: number;
  /** Called when the measured part starts and ends (after connecting and warming up): profiling, CPU accounting. */
  onPhase?(phase: 'start' | 'end'): void;
}

export interface TurnLoadResult {
  latencies: number[];
  elapsedMs: number;
  /** Sent and never answered in time. */
  lost: number;
  /** Acks with `ok: false`, by error code (a rate limit would show here). */
  refused: Record<string, number>;
}

const CONNECT_BATCH = 100;

async function connectClient(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no session in 30 s')), 30_000);
    socket.once('session', (s) => (clearTimeout(timer), resolve(s)));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  return socket;
}

export async function runTurnLoad(url: string, options: TurnLoadOptions): Promise<TurnLoadResult> {
  const { clients, messages, rate, questions } = options;
  const sockets: Socket[] = [];
  const queues: number[][] = [];
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  try {
    for (let i = 0; i < clients; i += CONNECT_BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, clients - i) }, () => connectClient(url)));
      for (const socket of batch) {
        const queue: number[] = [];
        socket.on('message', (m: { role?: string }) => {
          if (m?.role !== 'bot') return;
          const sent = queue.shift();
          if (sent !== undefined) latencies.push(performance.now() - sent);
        });
        sockets.push(socket);
        queues.push(queue);
      }
    }
    // Warm-up: one turn per client, not measured, with the same questions as the measured part, so
    // the server has indexed each language's knowledge (built in the background after start, a
    // second or more of CPU per language) and compiled the paths the load takes.
    // Each warm-up answer is waited for, so none is taken for a measured one.
    await Promise.all(
      sockets.map((s, i) => (queues[i]!.push(performance.now()), s.timeout(30_000).emitWithAck('message', { text: questions[i % questions.length] }).catch(() => undefined))),
    );
    const warmDeadline = performance.now() + 60_000;
    while (latencies.length < sockets.length && performance.now() < warmDeadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    latencies.length = 0;
    for (const q of queues) q.length = 0;

    const onAck = (ack: { ok?: boolean; error?: { code?: string } } | undefined) => {
      if (ack && ack.ok === false) refused[ack.error?.code ?? 'unknown'] = (refused[ack.error?.code ?? 'unknown'] ?? 0) + 1;
    };
    options.onPhase?.('start');
    const started = performance.now();
    const interval = 1000 / rate;
    for (let n = 0; n < messages; n++) {
      const wait = started + n * interval - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const i = n % clients;
      queues[i]!.push(performance.now());
      sockets[i]!.emit('message', { text: questions[n % questions.length] }, onAck);
    }
    const deadline = performance.now() + (options.drainMs ?? 20_000);
    while (latencies.length < messages && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const elapsedMs = performance.now() - started;
    options.onPhase?.('end');
    return { latencies: [...latencies], elapsedMs, lost: messages - latencies.length, refused };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}
