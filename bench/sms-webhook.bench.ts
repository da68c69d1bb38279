import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { startServerProcess } from './app-process.js';
import { summarise, type BenchResult } from './stats.js';

/**
 * Signed Twilio SMS webhook in → TwiML with the bot's answer out, against the built server in
 * its own process over loopback. Each request carries a real X-Twilio-Signature and a fresh
 * MessageSid; senders rotate so the per-number rate limit is not what is measured.
 */
const REQUESTS = Number(process.env.BENCH_SMS_REQUESTS ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_SMS_CONCURRENCY ?? 4);
const SENDERS = Math.ceil(REQUESTS / 10);
const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
const AUTH_TOKEN = randomBytes(16).toString('hex');
const CLINIC = '+14155550100';
const BODIES = ['hello', 'When are you open on Saturday?', 'How do I refill my prescription?', 'hola', '你好', 'help', 'thanks', '1'];

export async function run(): Promise<BenchResult> {
  const server = await startServerProcess({
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: CLINIC,
    // Answers go back inline as TwiML; nothing should reach the REST API (a closed loopback port).
    TWILIO_API_BASE: 'http://127.0.0.1:9',
  });
  const url = `${server.url}/channels/twilio/sms`;
  const post = async (n: number): Promise<{ ms: number; answered: boolean }> => {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      Body: BODIES[n % BODIES.length]!,
      From: `+1202555${String(n % SENDERS).padStart(4, '0')}`,
      MessageSid: sid,
      NumMedia: '0',
      NumSegments: '1',
      SmsMessageSid: sid,
      SmsSid: sid,
      SmsStatus: 'received',
      To: CLINIC,
    };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params);
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    const xml = await res.text();
    const elapsed = performance.now() - started;
    if (res.status !== 200 || !xml.includes('<Response')) throw new Error(`unexpected answer ${res.status}: ${xml.slice(0, 200)}`);
    return { ms: elapsed, answered: xml.includes('<Message>') };
  };

  try {
    // Warm-up: JIT, connection pools, the first conversation per sender. Not measured.
    for (let i = 0; i < 50; i++) await post(REQUESTS + i);
    const latencies: number[] = [];
    let answered = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const n = next++;
          const r = await post(n);
          latencies.push(r.ms);
          if (r.answered) answered++;
        }
      }),
    );
    const elapsed = performance.now() - started;
    return summarise('sms-webhook', latencies, elapsed, {
      concurrency: CONCURRENCY,
      // Requests answered inline with a <Message> (the rest would go through the REST API).
      answered_inline: answered,
      rss_mb: server.rssMb(),
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
      state: process.env.REDIS_URL ? 'redis' : 'memory',
      target_p99_ms: 50,
    });
  } finally {
    await server.stop();
  }
}
