import { describe, expect, it } from 'vitest';
import { MIN_QUESTIONS, parseUnits } from '../../src/knowledge/units.js';

const questions = (n: number) => Array.from({ length: n }, (_, i) => `- question number ${i + 1}`).join('\n');

describe('parseUnits', () => {
  it('reads the overview, the short and long answers, sources and example questions', () => {
    const body = [
      'Overview of the topic.',
      '',
      '## Saturday hours {#saturday-hours}',
      '',
      '> We are open on Saturdays,',
      '> 9:00–13:00.',
      '',
      'On holidays we close.',
      '',
      'Sources: [NHS: GP opening](https://www.nhs.uk/a), [CDC](https://www.cdc.gov/b)',
      '',
      'Questions:',
      questions(MIN_QUESTIONS),
    ].join('\n');
    const parsed = parseUnits(body, 'en');
    expect(parsed.problems).toEqual([]);
    expect(parsed.overview).toBe('Overview of the topic.');
    expect(parsed.units).toEqual([
      {
        id: 'saturday-hours',
        title: 'Saturday hours',
        short: 'We are open on Saturdays, 9:00–13:00.',
        long: 'On holidays we close.',
        sources: [
          { title: 'NHS: GP opening', url: 'https://www.nhs.uk/a' },
          { title: 'CDC', url: 'https://www.cdc.gov/b' },
        ],
        questions: Array.from({ length: MIN_QUESTIONS }, (_, i) => `question number ${i + 1}`),
      },
    ]);
  });

  it('lists every problem: heading without id, missing short answer, too few questions, Hindi without romanised answer', () => {
    const body = ['## No id here', 'text', '## Missing short {#missing-short}', 'Just text.', 'Questions:', '- one'].join('\n');
    const { problems } = parseUnits(body, 'hi');
    expect(problems).toEqual([
      'body: "## No id here" has no unit id (write "## Title {#unit-id}")',
      'unit missing-short: the short answer is missing (the section must start with a "> " line)',
      'unit missing-short: Hindi units need a "Romanised:" line (the short answer in Latin letters)',
      `unit missing-short: 1 example questions; list at least ${MIN_QUESTIONS} under "Questions:"`,
    ]);
  });

  it('keeps the romanised short answer of a Hindi unit', () => {
    const body = ['## समय {#weekday-hours}', '> क्लिनिक सुबह 8 बजे खुलता है।', 'Romanised: Clinic subah 8 baje khulta hai.', 'Questions:', questions(MIN_QUESTIONS)].join('\n');
    const { units, problems } = parseUnits(body, 'hi');
    expect(problems).toEqual([]);
    expect(units[0]!.shortRomanised).toBe('Clinic subah 8 baje khulta hai.');
  });

  it('reads the units a unit follows, and names a "Follows:" that is not another unit of the topic', () => {
    const unit = (id: string, follows?: string) => [`## ${id} {#${id}}`, `> The answer of ${id}.`, ...(follows ? [`Follows: ${follows}`] : []), 'Questions:', questions(MIN_QUESTIONS)].join('\n');
    const ok = parseUnits([unit('stroke-signs'), unit('stroke-while-waiting', 'stroke-signs')].join('\n'), 'en');
    expect(ok.problems).toEqual([]);
    expect(ok.units.map((u) => u.follows)).toEqual([undefined, ['stroke-signs']]);
    const bad = parseUnits([unit('stroke-signs'), unit('stroke-while-waiting', 'stroke-sign, stroke-while-waiting')].join('\n'), 'en');
    expect(bad.problems).toEqual([
      'unit stroke-while-waiting: "Follows:" names stroke-sign, which is not another unit of this topic',
      'unit stroke-while-waiting: "Follows:" names stroke-while-waiting, which is not another unit of this topic',
    ]);
  });
});
