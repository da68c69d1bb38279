// Identifier and clock helpers for the fake Mattermost server.
//
// Mattermost ids (model.NewId) are 16 random bytes encoded with a custom
// base32 alphabet, without padding: always 26 lowercase alphanumerics.

import { randomBytes } from 'node:crypto';

const ID_ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

export function newId(): string {
  const bytes = randomBytes(16);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ID_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ID_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** model.IsValidId: exactly 26 letters or digits. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9]{26}$/.test(value);
}

/** Millisecond clock that never returns the same value twice, so ordering by create_at is total. */
export class MonotonicClock {
  private last = 0;
  now(): number {
    const t = Math.max(Date.now(), this.last + 1);
    this.last = t;
    return t;
  }
}
