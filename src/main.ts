import { createCareRelay } from './app.js';
import { loadDotEnv, parseConfig } from './config.js';
import { routeConsoleToLogger } from './console-log.js';
import { AppError, ConfigError } from './errors.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee .env.example for every setting.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Libraries that print with console.* (the Mattermost client, botbuilder) log as JSON too.
  routeConsoleToLogger(logger);
  const relay = await createCareRelay(config, { logger });
  const address = await relay.listen();
  logger.info(`web chat: http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    await relay.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  // Our own errors (a broken knowledge file, a refused setting) say what to fix; anything else keeps its stack.
  const detail = err instanceof AppError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`CareRelay failed to start: ${detail}\n`);
  process.exit(err instanceof AppError ? 78 : 1);
});
