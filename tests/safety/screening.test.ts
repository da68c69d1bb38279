import { describe, expect, it } from 'vitest';
import { ageInMonths, readScreenAnswer, unitlessAge, yesNo } from '../../src/safety/screening.js';

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

  it('an age without a unit ("he\'s 4") is neither yes nor unclear: it is asked about once more', () => {
    expect(readScreenAnswer('age', "he's 4")).toBe('unitless');
    expect(readScreenAnswer('age', 'tiene 2')).toBe('unitless');
    expect(readScreenAnswer('age', '2')).toBe('unitless');
    expect(unitlessAge("he's 4")).toBe(4);
    // A temperature, two numbers or an age with its unit are not a bare age.
    expect(readScreenAnswer('age', '39.5')).toBe('unclear');
    expect(readScreenAnswer('age', 'between 2 and 3')).toBe('unclear');
    expect(unitlessAge('4 years')).toBeUndefined();
    expect(readScreenAnswer('age', '4 years')).toBe('no');
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

  it.each(['she was born last week', 'born 5 days ago', 'nació la semana pasada', 'nacio hace 10 dias', '上周出生的', 'pichle hafte paida hua', 'कल पैदा हुआ'])(
    'a baby born days or weeks ago is under 3 months: "%s" is a yes',
    (text) => {
      expect(readScreenAnswer('age', text)).toBe('yes');
    },
  );

  it('a birth year or an age in years is no newborn', () => {
    expect(readScreenAnswer('age', 'he is 4 years old')).toBe('no');
    expect(readScreenAnswer('age', 'born in 2019')).toBe('unclear');
  });
});
