import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Anonymous web visitors hold `v1.<visitorId>.<hmac>`: the id is random, the HMAC proves we
 * issued it, so a token can only ever name its own visitor (and so its own conversation).
 */
export function createSessionTokens(secret: string) {
  const mac = (visitorId: string) => createHmac('sha256', secret).update(`webchat:${visitorId}`).digest('base64url');
  return {
    issue(visitorId: string = randomUUID()): { visitorId: string; token: string } {
      return { visitorId, token: `v1.${visitorId}.${mac(visitorId)}` };
    },
    /** The visitor id, or undefined for anything we did not sign. */
    verify(token: unknown): string | undefined {
      if (typeof token !== 'string' || token.length > 200) return undefined;
      const [version, visitorId, signature] = token.split('.');
      if (version !== 'v1' || !visitorId || !signature || !/^[0-9a-f-]{36}$/.test(visitorId)) return undefined;
      const expected = Buffer.from(mac(visitorId));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? visitorId : undefined;
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
