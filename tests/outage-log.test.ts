/**
 * The outage log: one line when PostgreSQL or Redis becomes unreachable, one with the count
 * when it is back; the same failures reported by every request are not logged again.
 */
import { describe, expect, it } from 'vitest';
import { isConnectionFailure, publicError, UnavailableError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { createOutageLog } from '../src/outage-log.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function capture() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('outage log', () => {
  it('logs an outage once when it starts and once with its count when it ends; other errors pass through', () => {
    const { logger, lines } = capture();
    let now = 1_000;
    const outage = createOutageLog(logger, () => now);
    const typed = [1, 2, 3].map(() => outage.failure('database', refused()));
    expect(typed.every((e) => e instanceof UnavailableError && e.code === 'unavailable' && e.status === 503)).toBe(true);
    expect(outage.isDown('database')).toBe(true);
    const bug = new TypeError('not an outage');
    expect(outage.failure('database', bug)).toBe(bug);
    now = 4_500;
    outage.success('database');
    outage.success('database');
    expect(lines).toMatchObject([
      { level: 50, msg: 'database unavailable', dependency: 'database', reason: 'ECONNREFUSED' },
      { level: 40, msg: 'database available again', dependency: 'database', failures: 3, durationMs: 3_500 },
    ]);
    expect(lines.some((l) => 'err' in l)).toBe(false);
  });

  it('drops log lines whose err is an UnavailableError (already counted), in child loggers too', () => {
    const { logger, lines } = capture();
    logger.child({ channel: 'sms' }).error({ err: new UnavailableError('state', refused()) }, 'request failed');
    logger.error(new UnavailableError('database'));
    logger.child({ channel: 'sms' }).error({ err: new Error('a real bug') }, 'request failed');
    expect(lines.map((l) => l.msg)).toEqual(['request failed']);
  });

  it('recognises pg and ioredis connection failures, and nothing else', () => {
    const yes = [
      refused(),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' }),
      new Error('Connection is closed.'),
      Object.assign(new AggregateError([refused(), refused()]), { code: 'ECONNREFUSED' }),
    ];
    const no = [new Error('duplicate key value violates unique constraint'), Object.assign(new Error('invalid byte sequence'), { code: '22021' }), new TypeError('x'), undefined, 'ECONNREFUSED'];
    expect(yes.map(isConnectionFailure)).toEqual(yes.map(() => true));
    expect(no.map(isConnectionFailure)).toEqual(no.map(() => false));
    expect(publicError(refused())).toMatchObject({ code: 'unavailable', status: 503 });
    expect(publicError(new Error('bug'))).toMatchObject({ code: 'internal', status: 500 });
  });
});
