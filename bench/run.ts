import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './stats.js';

/**
 * Runs every `bench/*.bench.js` (or the ones named on the command line) one after the
 * other and prints one JSON line per benchmark. Progress goes to stderr.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.js$/, '')))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no benchmarks match ${wanted.join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.js$/, '');
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(): Promise<BenchResult | BenchResult[]>; partOf?: string };
    // Measured as part of another benchmark in a whole run (the floor inside turn-socketio).
    if (mod.partOf && wanted.length === 0) {
      process.stderr.write(`bench ${name}: measured within ${mod.partOf}\n`);
      continue;
    }
    process.stderr.write(`bench ${name}…\n`);
    const results = await mod.run();
    for (const r of Array.isArray(results) ? results : [results]) process.stdout.write(`${JSON.stringify(r)}\n`);
  } catch (err) {
    failed++;
    process.stderr.write(`bench ${name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
}
// The servers' schema in a shared PostgreSQL (bench/app-process.ts names it after this process).
if (process.env.DATABASE_URL) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client
    .connect()
    .then(() => client.query(`DROP SCHEMA IF EXISTS bench_${process.pid} CASCADE`))
    .catch((err: Error) => process.stderr.write(`could not drop schema bench_${process.pid}: ${err.message}\n`))
    .finally(() => client.end().catch(() => undefined));
}
process.exit(failed ? 1 : 0);
