import { describe, expect, it } from 'vitest';
import { createTopicClassifier } from '../../src/retrieval/unit-classifier.js';

describe('createTopicClassifier', () => {
  const topics = createTopicClassifier([
    { id: 'prescription-refills', examples: ['how do i get a refill', 'refill my blood pressure pills', 'can you refill my inhaler', 'how long does a refill take'] },
    { id: 'medical-records', examples: ['how do i get my records', 'copy of my medical records', 'send my records to a new doctor', 'how long does it take to get records'] },
    { id: 'lab-results', examples: ['when are my blood test results ready', 'how long does it take to get lab results', 'results of my blood work'] },
  ]);

  it('ranks by the words a topic\'s questions share, not by a phrase several topics use', () => {
    const ranked = topics.classify('I asked for a refill on my lisinopril, how long does it take');
    expect(ranked[0]!.id).toBe('prescription-refills');
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked.every((t) => t.score > 0 && t.score <= 1)).toBe(true);
  });

  it('gives nothing for a question with no known feature, and respects the limit', () => {
    expect(topics.classify('zzqx')).toEqual([]);
    expect(topics.classify('how long does it take', 2)).toHaveLength(2);
  });
});
