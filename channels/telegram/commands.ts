import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { Config } from '../../src/channel/contract.js';
import { createBotApi, TelegramApiError } from './bot-api.js';
import { ALLOWED_UPDATES, isTelegramChannel, TELEGRAM, TELEGRAM_WEBHOOK_PATH } from './index.js';

export const TELEGRAM_USAGE = `Usage: carerelay telegram <set-webhook|delete-webhook|info|poll> [options]

  set-webhook [--url URL] [--drop-pending-updates]
      Registers PUBLIC_URL${TELEGRAM_WEBHOOK_PATH} (or URL) with Telegram, with
      TELEGRAM_WEBHOOK_SECRET as secret_token. Telegram needs HTTPS on port 443, 80, 88 or 8443.
  delete-webhook [--drop-pending-updates]
      Removes the webhook (needed before polling).
  info
      Prints Telegram's getWebhookInfo.
  poll
      Runs CareRelay (like npm start) and fetches Telegram updates by long polling instead
      of the webhook, for development without a public URL. Refuses while a webhook is set.
`;

/** What `poll` runs: the whole product (the CLI passes createCareRelay, so this folder does not import the app). */
export interface RunningRelay {
  senders: ReadonlyMap<string, { readonly name: string }>;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface CommandIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Resolves when the process should stop (poll); default: SIGINT or SIGTERM. */
  until?: Promise<unknown>;
  /** Builds CareRelay for `poll`. */
  start?(config: Config): Promise<RunningRelay>;
}

const defaultIo = (): CommandIo => ({ stdout: process.stdout, stderr: process.stderr });

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/** `carerelay telegram …`: webhook registration is an explicit operator step, never done at start-up. */
export async function runTelegramCommand(argv: string[], config: Config, io: CommandIo = defaultIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, 'drop-pending-updates': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const sub = positionals[0];
  if (values.help || !sub) {
    io.stdout.write(TELEGRAM_USAGE);
    return sub || values.help ? 0 : 2;
  }
  const telegram = config.telegram;
  if (!telegram) {
    io.stderr.write('carerelay telegram: Telegram is off; set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET.\n');
    return 78;
  }
  const api = createBotApi({ token: telegram.token, apiRoot: telegram.apiRoot });
  const drop = values['drop-pending-updates'] ? { drop_pending_updates: true } : {};
  try {
    switch (sub) {
      case 'set-webhook': {
        const url = values.url ?? `${config.http.publicUrl}${TELEGRAM_WEBHOOK_PATH}`;
        if (!url.startsWith('https://')) io.stderr.write(`warning: ${url} is not HTTPS; Telegram accepts only HTTPS webhooks.\n`);
        await api.call('setWebhook', { url, secret_token: telegram.webhookSecret, allowed_updates: ALLOWED_UPDATES, ...drop });
        io.stdout.write(`Telegram webhook set to ${url} (updates: ${ALLOWED_UPDATES.join(', ')}).\n`);
        return 0;
      }
      case 'delete-webhook':
        await api.call('deleteWebhook', drop);
        io.stdout.write('Telegram webhook deleted.\n');
        return 0;
      case 'info':
        io.stdout.write(`${JSON.stringify(await api.call('getWebhookInfo'), null, 2)}\n`);
        return 0;
      case 'poll': {
        const { url } = await api.call<{ url?: string }>('getWebhookInfo');
        if (url) {
          io.stderr.write(`carerelay telegram poll: a webhook is set (${url}); run \`carerelay telegram delete-webhook\` first.\n`);
          return 1;
        }
        return await poll(config, io);
      }
      default:
        io.stderr.write(`carerelay telegram: unknown subcommand "${sub}"\n\n${TELEGRAM_USAGE}`);
        return 2;
    }
  } catch (err) {
    const why = err instanceof TelegramApiError ? `${err.status} ${err.description}` : (err as Error).message;
    io.stderr.write(`carerelay telegram ${sub}: ${why}\n`);
    return 1;
  }
}

async function poll(config: Config, io: CommandIo): Promise<number> {
  if (!io.start) {
    io.stderr.write('carerelay telegram poll: nothing to run (start is not given)\n');
    return 1;
  }
  const relay = await io.start(config);
  try {
    const channel = relay.senders.get(TELEGRAM);
    if (!isTelegramChannel(channel)) throw new Error('the Telegram channel is not mounted');
    const address = await relay.listen();
    channel.startPolling();
    io.stdout.write(`Polling Telegram for updates; web chat on http://${address.address}:${address.port}/ (Ctrl-C to stop).\n`);
    await (io.until ?? untilSignal());
    return 0;
  } finally {
    await relay.close();
  }
}
