import { describe, expect, it } from 'vitest';
import { isGibberish } from '../../src/retrieval/gibberish.js';

describe('isGibberish', () => {
  it.each(['asdfghjkl', 'qwerty uiop', 'jjjjjjj', 'xzqvbnm ptkfh', '😀😀😀', '???!!', '  ', 'qwe rty', 'asdfgh jklqwe', 'zxcvbn qwrtpsdf', 'kjh lkj lkj'])('"%s" is gibberish', (text) => {
    expect(isGibberish(text)).toBe(true);
  });
  it.each(['bp?', 'ok', 'parking?', 'when r u open', 'kal clinic khula hai kya', 'दवा', '几点开门', 'tdap shot', 'mjhe report chahiye', 'hrs',
    // Words that meet across a space: "clicks when" is five consonants, "lower tummy" has "wert".
    'my ankle has been aching for a week since the hike, it clicks when i walk', 'lower tummy pain since last night', 'hurt my hand with a power tool', 'my back aches when i stand'])(
    '"%s" is not',
    (text) => {
      expect(isGibberish(text)).toBe(false);
    },
  );
});
