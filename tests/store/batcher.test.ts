import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/store/batcher.js';

/** A runner whose batches finish only when the test says so, recording what each batch held. */
function controlledRunner(fail?: (item: number) => Error | undefined) {
  const batches: number[][] = [];
  const open: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push([...items]);
    return new Promise<number[]>((resolve, reject) => {
      open.push(() => {
        const err = items.map((i) => fail?.(i)).find(Boolean);
        if (err) reject(err);
        else resolve(items.map((i) => i * 10));
      });
    });
  };
  const finishNext = async () => {
    open.shift()!();
    // Let the settled batch's callbacks and the next pump run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { run, batches, finishNext, get waiting() { return open.length; } };
}

describe('createBatcher', () => {
  it('sends an item at once while a slot is free, and gathers the items that arrive while every slot is busy into one batch', async () => {
    const runner = controlledRunner();
    const batcher = createBatcher(runner.run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.run(1);
    expect(runner.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => batcher.run(i));
    expect(runner.batches).toEqual([[1]]);
    await runner.finishNext();
    expect(await first).toBe(10);
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
    await runner.finishNext();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('keeps batches within maxBatch and runs up to maxInFlight of them together', async () => {
    const runner = controlledRunner();
    const batcher = createBatcher(runner.run, { maxInFlight: 2, maxBatch: 2 });
    const results = [1, 2, 3, 4, 5, 6, 7].map((i) => batcher.run(i));
    expect(runner.batches).toEqual([[1], [2]]);
    await runner.finishNext();
    expect(runner.batches).toEqual([[1], [2], [3, 4]]);
    while (runner.waiting > 0) await runner.finishNext();
    expect(runner.batches).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('runs a failed batch again item by item, so only the bad item fails', async () => {
    const runner = controlledRunner((i) => (i === 3 ? new Error('bad item 3') : undefined));
    const batcher = createBatcher(runner.run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.run(1);
    const later = [2, 3, 4].map((i) => batcher.run(i).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    await runner.finishNext();
    await first;
    await runner.finishNext(); // the batch [2, 3, 4] fails
    for (let i = 0; i < 3; i++) await runner.finishNext(); // then each alone
    expect(runner.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(await Promise.all(later)).toEqual([{ v: 20 }, { e: 'bad item 3' }, { v: 40 }]);
  });

  it('fails the whole batch at once when the connection is lost, without trying each item', async () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const runner = controlledRunner(() => lost);
    const batcher = createBatcher(runner.run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.run(1).catch((e: Error) => e.message);
    const later = [2, 3].map((i) => batcher.run(i).catch((e: Error) => e.message));
    await runner.finishNext();
    await runner.finishNext();
    expect(await first).toMatch(/ECONNREFUSED/);
    expect(await Promise.all(later)).toEqual([lost.message, lost.message]);
    expect(runner.batches).toEqual([[1], [2, 3]]);
  });
});
