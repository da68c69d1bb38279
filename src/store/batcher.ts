import { isConnectionFailure } from '../errors.js';

/** One call that takes many items and answers each, in order (a database function over a JSON array). */
export type BatchRunner<I, O> = (items: I[]) => Promise<O[]>;

export interface BatcherOptions {
  /** Batches running at once; an item arriving while all are busy waits for the next batch. */
  maxInFlight: number;
  /** Items in one batch at most. */
  maxBatch: number;
}

export interface Batcher<I, O> {
  run(item: I): Promise<O>;
}

interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit. While fewer than `maxInFlight` batches are running, an item goes out at once
 * (alone, when the load is light, so it waits for nothing); under load the items that arrive
 * while every slot is busy leave together as the next batch, one round trip and one commit for
 * all of them. A batch that fails for anything but a lost connection is run again item by item,
 * so one bad item fails alone.
 */
export function createBatcher<I, O>(runBatch: BatchRunner<I, O>, { maxInFlight, maxBatch }: BatcherOptions): Batcher<I, O> {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;

  async function runOne(w: Waiting<I, O>): Promise<void> {
    try {
      const [result] = await runBatch([w.item]);
      w.resolve(result as O);
    } catch (err) {
      w.reject(err);
    }
  }

  async function send(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await runBatch(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`batch of ${batch.length} answered ${results.length}`);
      batch.forEach((w, i) => w.resolve(results[i] as O));
    } catch (err) {
      if (batch.length === 1 || isConnectionFailure(err)) for (const w of batch) w.reject(err);
      else for (const w of batch) await runOne(w);
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      void send(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    run(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
