import { describe, expect, it } from 'vitest';
import { isGibberish } from '../../src/retrieval/gibberish.js';

describe('isGibberish', () => {
  it.each(['asdfghjkl', 'qwerty uiop', 'jjjjjjj', 'xzqvbnm ptkfh', '😀😀😀', '???!!', '  '])('"%s" is gibberish', (text) => {
    expect(isGibberish(text)).toBe(true);
  });
  it.each(['bp?', 'ok', 'parking?', 'when r u open', 'kal clinic khula hai kya', 'दवा', '几点开门', 'tdap shot', 'mjhe report chahiye', 'hrs'])(
    '"%s" is not',
    (text) => {
      expect(isGibberish(text)).toBe(false);
    },
  );
});
