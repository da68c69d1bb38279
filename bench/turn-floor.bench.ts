import type { BenchResult } from './stats.js';
import { runTurnBenches } from './turn-socketio.bench.js';

/**
 * The floor alone (`node dist/bench/run.js turn-floor`). A whole `npm run bench` measures it
 * inside `turn-socketio`, at the same rates and in the same run, so it is not run twice.
 */
export const partOf = 'turn-socketio';

export function run(): Promise<BenchResult[]> {
  return runTurnBenches('turn-floor');
}
