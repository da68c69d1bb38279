import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../src/language/simplified.js';
import { normalise } from '../../src/safety/text.js';

describe('Traditional to Simplified', () => {
  it('folds Traditional characters and Taiwan phrases, and leaves Simplified, Cantonese and other scripts alone', () => {
    expect(toSimplified('我爸說他心臟病發作了')).toBe('我爸说他心脏病发作了');
    expect(toSimplified('寶寶睡著了叫不醒')).toBe('宝宝睡着了叫不醒');
    expect(toSimplified('睪丸突然很痛')).toBe('睾丸突然很痛');
    expect(toSimplified('为什么这么痛')).toBe('为什么这么痛');
    expect(toSimplified('佢冇反應')).toBe('佢冇反应');
    const latin = 'my chest hurts';
    expect(toSimplified(latin)).toBe(latin);
    expect(toSimplified('सीने में दर्द')).toBe('सीने में दर्द');
  });

  it('is part of the safety normaliser, after the format characters are removed', () => {
    expect(normalise('心\u200B臟病發作')).toBe('心脏病发作');
  });
});
