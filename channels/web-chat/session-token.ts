import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Anonymous web visitors hold `v2.<visitorId>.<issuedAt>.<hmac>`: the id is random, the issue
 * time (seconds, base 36) makes the token expire after `ttlMs`, and the HMAC over both proves we
 * issued it, so a token can only ever name its own visitor (and so its own conversation).
 * A fresh token is issued on every resume, so a visitor who keeps coming back stays signed in.
 * Version 1 tokens carried no issue time and are no longer accepted.
 */
export interface VerifiedToken {
  visitorId: string;
  issuedAt: Date;
}

export function createSessionTokens(secret: string, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 30 * 24 * 3600_000;
  const now = options.now ?? Date.now;
  const mac = (visitorId: string, issued: string) => createHmac('sha256', secret).update(`webchat:v2:${visitorId}:${issued}`).digest('base64url');
  return {
    issue(visitorId: string = randomUUID()): { visitorId: string; token: string } {
      const issued = Math.floor(now() / 1000).toString(36);
      return { visitorId, token: `v2.${visitorId}.${issued}.${mac(visitorId, issued)}` };
    },
    /** The visitor, or undefined for anything we did not sign or that has expired. */
    verify(token: unknown): VerifiedToken | undefined {
      if (typeof token !== 'string' || token.length > 200) return undefined;
      const [version, visitorId, issued, signature, extra] = token.split('.');
      if (version !== 'v2' || !visitorId || !issued || !signature || extra !== undefined) return undefined;
      if (!/^[0-9a-f-]{36}$/.test(visitorId) || !/^[0-9a-z]{1,10}$/.test(issued)) return undefined;
      const expected = Buffer.from(mac(visitorId, issued));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      const issuedAt = new Date(parseInt(issued, 36) * 1000);
      // A token from the future (clock skew between instances) is fine within a minute.
      if (issuedAt.getTime() > now() + 60_000 || now() - issuedAt.getTime() > ttlMs) return undefined;
      return { visitorId, issuedAt };
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
