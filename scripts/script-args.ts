import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Reads a script's command-line options. `--help` prints the usage and exits 0; an unknown or
 * malformed option prints what was wrong and the usage, and exits 2, rather than a stack trace.
 */
export function readScriptArgs<T extends Options>(name: string, usage: string, options: T) {
  const help = process.argv.includes('--help') || process.argv.includes('-h');
  if (help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}
