import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The app's Prometheus registry and the metrics the core updates. */
export interface Metrics {
  readonly registry: Registry;
  messagesIn: Counter<'channel'>;
  messagesOut: Counter<'channel' | 'role'>;
  turnErrors: Counter<'channel'>;
  turnSeconds: Histogram<'channel'>;
  webchatConnections: Gauge;
}

/** Prometheus metrics for `GET /metrics`; one registry per app instance so tests don't collide. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'carerelay_' });
  return {
    registry,
    messagesIn: new Counter({ name: 'carerelay_messages_in_total', help: 'Inbound messages accepted', labelNames: ['channel'], registers: [registry] }),
    messagesOut: new Counter({ name: 'carerelay_messages_out_total', help: 'Outbound messages delivered', labelNames: ['channel', 'role'], registers: [registry] }),
    turnErrors: new Counter({ name: 'carerelay_turn_errors_total', help: 'Turns that failed', labelNames: ['channel'], registers: [registry] }),
    turnSeconds: new Histogram({
      name: 'carerelay_turn_seconds',
      help: 'Time from a turn starting to its replies being delivered',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    webchatConnections: new Gauge({ name: 'carerelay_webchat_connections', help: 'Open web chat connections on this instance', registers: [registry] }),
  };
}
