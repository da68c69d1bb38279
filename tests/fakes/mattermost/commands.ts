// Custom slash commands: App.tryExecuteCustomCommand / DoCommandRequest
// (server/channels/app/command.go) and model.CommandResponseFromHTTPBody.
//
// The server (not the browser) sends the command to its URL: POST, form-encoded (token,
// team_id, team_domain, channel_id, channel_name, user_id, user_name, command, text,
// trigger_id, response_url), with `Authorization: Token <token>` and
// `Accept: application/json`, within OutgoingIntegrationRequestsTimeout. Anything but 200 is
// an error; a JSON body (Content-Type application/json) is a CommandResponse, any other body
// is its text. An `ephemeral` response reaches only the user who typed the command.

import { AppError, errors } from './errors.js';
import { newId } from './ids.js';
import { isRecord, parseSlackLinksToMarkdown } from './model.js';
import type { FakeState } from './state.js';

export interface CommandCall {
  url: string;
  headers: Record<string, string>;
  form: Record<string, string>;
  status: number | null;
  response: CommandResponse | null;
  error: string | null;
}

export interface CommandResponse {
  response_type?: string;
  text?: string;
  skip_slack_parsing?: boolean;
  [key: string]: unknown;
}

export async function executeCommand(
  state: FakeState,
  log: CommandCall[],
  input: { userId: string; channelId: string; command: string; siteUrl: string },
): Promise<CommandResponse> {
  const user = state.requireUser(input.userId);
  const channel = state.requireChannel(input.channelId);
  // executeCommand: create_post in the channel, i.e. a member (or an admin).
  if (!state.isMember(channel.id, user.id) && !state.isSystemAdmin(user.id)) throw errors.permission('create_post');
  const text = input.command.trim();
  if (text.length <= 1 || !text.startsWith('/')) throw new AppError('api.command.execute_command.start.app_error', 400);
  const [head, ...rest] = text.split(' ');
  const trigger = head!.slice(1).toLowerCase();
  if (!state.config.EnableCommands) throw new AppError('api.command.disabled.app_error', 501);
  const cmd = [...state.commands.values()].find((c) => c.team_id === channel.team_id && c.trigger === trigger && c.delete_at === 0);
  if (!cmd) throw new AppError('api.command.execute_command.not_found.app_error', 404, { params: { Trigger: trigger } });
  const team = state.requireTeam(channel.team_id);

  const form: Record<string, string> = {
    token: cmd.token,
    team_id: cmd.team_id,
    team_domain: team.name,
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: user.username,
    command: `/${trigger}`,
    text: rest.join(' ').trim(),
    trigger_id: newId(),
    response_url: `${input.siteUrl}/hooks/commands/${newId()}`,
  };
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Token ${cmd.token}` };
  if (cmd.method === 'P') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const call: CommandCall = { url: cmd.url, headers: { ...headers }, form: { ...form }, status: null, response: null, error: null };
  log.push(call);

  let response: CommandResponse;
  try {
    const url = new URL(cmd.url);
    if (cmd.method === 'G') for (const [k, v] of Object.entries(form)) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method: cmd.method === 'G' ? 'GET' : 'POST',
      headers,
      ...(cmd.method === 'P' ? { body: new URLSearchParams(form).toString() } : {}),
      signal: AbortSignal.timeout(state.config.OutgoingIntegrationRequestsTimeout * 1000),
    });
    call.status = res.status;
    const body = await res.text();
    if (res.status !== 200) throw new AppError('api.command.execute_command.failed_resp.app_error', 500, { params: { Trigger: trigger, Status: String(res.status) } });
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
      const parsed: unknown = JSON.parse(body);
      if (!isRecord(parsed)) throw new AppError('api.command.execute_command.failed.app_error', 500, { params: { Trigger: trigger } });
      response = parsed as CommandResponse;
    } else {
      response = { text: body };
    }
  } catch (err) {
    const appErr = err instanceof AppError ? err : new AppError('api.command.execute_command.failed.app_error', 500, { params: { Trigger: trigger }, detailedError: String(err) });
    call.error = appErr.id;
    throw appErr;
  }
  call.response = response;
  if (response.response_type !== 'in_channel' && typeof response.text === 'string' && response.text !== '') {
    state.sendEphemeral(user.id, channel.id, response.skip_slack_parsing ? response.text : parseSlackLinksToMarkdown(response.text), '');
  }
  return response;
}
