// Interactive message buttons: App.DoPostActionWithCookie (server/channels/app/integration_action.go).
//
// The server (not the browser) POSTs a PostActionIntegrationRequest to the action's
// integration.url, requires HTTP 200, and applies the integration's response:
//  * `update`  -> App.UpdatePost(safeUpdate=false): the post's message is REPLACED by
//                 update.message (an update without `message` blanks the post), props are
//                 replaced by update.props (or kept when update.props is null/absent), while
//                 from_webhook / override_username / override_icon_url are carried over.
//  * `ephemeral_text` -> an ephemeral post to the clicking user only.

import { Buffer } from 'node:buffer';
import { AppError, errors } from './errors.js';
import { newId } from './ids.js';
import { actionsOf, attachmentsOf, clone, isRecord, parseSlackLinksToMarkdown, type PostAction } from './model.js';
import type { FakeState } from './state.js';

/** model.PostActionRetainPropKeys */
const RETAIN_PROP_KEYS = ['from_webhook', 'override_username', 'override_icon_url'];

/** The REST route is /posts/{post_id}/actions/{action_id:[A-Za-z0-9]+}. */
export const ACTION_ID_RE = /^[A-Za-z0-9]+$/;

export interface PostActionIntegrationRequest {
  user_id: string;
  user_name: string;
  channel_id: string;
  channel_name: string;
  team_id: string;
  team_domain: string;
  post_id: string;
  trigger_id: string;
  type: string;
  data_source: string;
  context?: Record<string, unknown>;
}

export interface PostActionIntegrationResponse {
  update?: { message?: string; props?: Record<string, unknown> | null; [key: string]: unknown } | null;
  ephemeral_text?: string;
  skip_slack_parsing?: boolean;
  [key: string]: unknown;
}

export interface ActionCall {
  postId: string;
  actionId: string;
  userId: string;
  url: string;
  request: PostActionIntegrationRequest;
  status: number | null;
  response: PostActionIntegrationResponse | null;
  error: string | null;
}

export async function doPostAction(
  state: FakeState,
  log: ActionCall[],
  input: { postId: string; actionId: string; userId: string; selectedOption?: string; timeoutMs: number },
): Promise<{ triggerId: string; response: PostActionIntegrationResponse }> {
  const post = state.requirePost(input.postId);
  const channel = state.requireChannel(post.channel_id);
  const user = state.requireUser(input.userId);
  if (!state.canRead(user.id, channel)) throw errors.permission('read_channel_content');

  let action: PostAction | undefined;
  for (const attachment of attachmentsOf(post.props)) {
    action ??= actionsOf(attachment).find((a) => a.id === input.actionId);
  }
  const integration = action?.integration;
  if (!action || !isRecord(integration) || typeof integration.url !== 'string' || integration.url === '') {
    throw new AppError('api.post.do_action.action_id.app_error', 404, { detailedError: `action=${input.actionId}` });
  }

  const context = isRecord(integration.context) ? clone(integration.context) : undefined;
  const request: PostActionIntegrationRequest = {
    user_id: user.id,
    user_name: user.username,
    channel_id: channel.id,
    channel_name: channel.name,
    team_id: channel.team_id,
    team_domain: state.teams.get(channel.team_id)?.name ?? '',
    post_id: post.id,
    trigger_id: '',
    type: typeof action.type === 'string' ? action.type : '',
    data_source: '',
  };
  let ctx = context;
  if (request.type === 'select' && input.selectedOption) {
    ctx = { ...(ctx ?? {}), selected_option: input.selectedOption };
    request.data_source = typeof action.data_source === 'string' ? action.data_source : '';
  }
  // Go's `json:"context,omitempty"` drops a nil or empty map.
  if (ctx && Object.keys(ctx).length > 0) request.context = ctx;

  // GenerateTriggerId: base64("<clientTriggerId>:<userId>:<millis>:<base64 signature>")
  const clientTriggerId = newId();
  const signature = Buffer.from(newId() + newId()).toString('base64');
  request.trigger_id = Buffer.from(`${clientTriggerId}:${user.id}:${Date.now()}:${signature}`).toString('base64');

  const call: ActionCall = {
    postId: post.id,
    actionId: input.actionId,
    userId: user.id,
    url: integration.url,
    request: clone(request),
    status: null,
    response: null,
    error: null,
  };
  log.push(call);

  let response: PostActionIntegrationResponse = {};
  try {
    const res = await fetch(integration.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    call.status = res.status;
    const text = await res.text();
    if (res.status !== 200) throw errors.actionIntegration(`status=${res.status}`);
    if (text.length > 0) {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) throw errors.actionIntegration('response is not a JSON object');
      response = parsed as PostActionIntegrationResponse;
    }
  } catch (err) {
    const appErr = err instanceof AppError ? err : errors.actionIntegration(`err=${String(err)}`);
    call.error = `${appErr.id}: ${appErr.detailedError}`;
    throw appErr;
  }
  call.response = clone(response);

  const update = response.update;
  if (isRecord(update)) {
    const originalProps = clone(post.props);
    let props: Record<string, unknown>;
    if (!isRecord(update.props)) {
      props = originalProps;
    } else {
      props = clone(update.props);
      for (const key of RETAIN_PROP_KEYS) {
        if (key in originalProps) props[key] = originalProps[key];
        else delete props[key];
      }
    }
    state.updatePost(post.id, {
      message: typeof update.message === 'string' ? update.message : '',
      props,
      isPinned: post.is_pinned,
    });
  }

  if (typeof response.ephemeral_text === 'string' && response.ephemeral_text !== '') {
    const text = response.skip_slack_parsing ? response.ephemeral_text : parseSlackLinksToMarkdown(response.ephemeral_text);
    state.sendEphemeral(user.id, channel.id, text, post.root_id || post.id);
  }

  return { triggerId: clientTriggerId, response };
}
