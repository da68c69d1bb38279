import { describe, expect, it } from 'vitest';
import { ageInMonths, readScreenAnswer, yesNo } from '../../src/safety/screening.js';

describe('reading the answer to a screening question', () => {
  it.each([
    ['yes', 'yes'],
    ['yeah I think so', 'yes'],
    ['sí', 'yes'],
    ['是的', 'yes'],
    ['有', 'yes'],
    ['हाँ', 'yes'],
    ['no', 'no'],
    ['nope', 'no'],
    ['no, nadie', 'no'],
    // The 有 inside 没有 and the 是 inside 不是 are no "yes".
    ['没有', 'no'],
    ['不是', 'no'],
    ['nahi', 'no'],
    ['नहीं', 'no'],
    ['no, but she threw up twice since', 'unclear'],
    ['what time do you open?', 'unclear'],
  ] as const)('%s → %s', (text, expected) => {
    expect(yesNo(text)).toBe(expected);
  });

  it('the age question reads ages, in months', () => {
    expect(ageInMonths('6 weeks')).toBeCloseTo(6 / 4.3);
    expect(ageInMonths('6个星期')).toBeCloseTo(6 / 4.3);
    expect(ageInMonths('宝宝才3个礼拜')).toBeCloseTo(3 / 4.3);
    expect(ageInMonths('tiene 2 meses')).toBe(2);
    expect(readScreenAnswer('age', 'newborn')).toBe('yes');
    expect(readScreenAnswer('age', '9 mahine')).toBe('no');
    expect(readScreenAnswer('now', '没有')).toBe('no');
  });
});
