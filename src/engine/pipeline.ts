/** A `(ctx, next)` middleware chain, after grammY's composer: each stage may act, then call `next` or stop. */
export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void> | void;

export function compose<C>(stages: readonly Middleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    let index = -1;
    const run = async (i: number): Promise<void> => {
      if (i <= index) throw new Error('next() called twice in one stage');
      index = i;
      const stage = stages[i];
      if (stage) await stage(ctx, () => run(i + 1));
    };
    return run(0);
  };
}
