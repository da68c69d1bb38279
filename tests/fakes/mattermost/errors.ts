// Mattermost's model.AppError, as the REST API and the websocket serialise it.
//
// Wire shape: {"id","message","detailed_error","request_id","status_code"}.
// The server wipes detailed_error unless ServiceSettings.EnableDeveloper is on;
// the fake does the same, except for the 404 "no such api" body which the real
// Handle404 writes directly with its explanatory detailed_error.

export interface AppErrorJson {
  id: string;
  message: string;
  detailed_error: string;
  request_id: string;
  status_code: number;
}

/** English texts from the server's i18n/en.json for the ids the fake emits. */
const MESSAGES: Record<string, string> = {
  'api.context.404.app_error': 'Sorry, we could not find the page.',
  'api.context.session_expired.app_error': 'Invalid or expired session, please login again.',
  'api.context.permissions.app_error': 'You do not have the appropriate permissions.',
  'api.context.invalid_url_param.app_error': 'Invalid or missing {{.Name}} parameter in request URL.',
  'api.context.invalid_body_param.app_error': 'Invalid or missing {{.Name}} in request body.',
  'api.context.server_busy.app_error': 'Server is busy, non-critical services are temporarily unavailable.',
  'app.user.missing_account.const': 'Unable to find the user.',
  'app.user.get_by_username.app_error':
    'Unable to find an existing account matching your username for this team. This team may require an invite from the team owner to join.',
  'app.team.get_by_name.missing.app_error': 'Unable to find the existing team.',
  'app.team.get.find.app_error': 'Unable to find the existing team.',
  'app.channel.get_by_name.missing.app_error': 'Channel does not exist.',
  'app.team.get_member.missing.app_error': 'No team member found for that user ID and team ID.',
  'app.team.save.existing.app_error': 'A team with that name already exists.',
  'model.team.is_valid.name.app_error': 'Invalid name.',
  'model.team.is_valid.characters.app_error': 'Name must be 2 or more lowercase alphanumeric characters.',
  'model.team.is_valid.reserved.app_error': 'This URL is unavailable. Please try another.',
  'model.team.is_valid.type.app_error': 'Invalid type.',
  'api.team.add_team_member.invalid_body.app_error': 'Error parsing team member.',
  'api.bot.create_disabled': 'Bot creation has been disabled.',
  'model.bot.is_valid.username.app_error': 'Invalid username.',
  'app.user.save.username_exists.app_error': 'An account with that username already exists.',
  'store.sql_bot.get.missing.app_error': 'Bot does not exist.',
  'api.command.disabled.app_error': 'Commands have been disabled by the system admin.',
  'api.command.duplicate_trigger.app_error': 'This trigger word is already in use. Please choose another word.',
  'api.command.command_not_found.app_error': 'Command with a trigger of {{.Trigger}} not found.',
  'api.command.team_mismatch.app_error': 'Unable to update commands across teams.',
  'api.command.execute_command.start.app_error': 'No command trigger found.',
  'api.command.execute_command.not_found.app_error': 'Command with a trigger of \'{{.Trigger}}\' not found. To send a message beginning with "/", try adding an empty space at the beginning of the message.',
  'api.command.execute_command.failed.app_error': 'Command with a trigger of \'{{.Trigger}}\' failed.',
  'api.command.execute_command.failed_resp.app_error': 'Command with a trigger of \'{{.Trigger}}\' returned response {{.Status}}.',
  'model.command.is_valid.trigger.app_error': 'Invalid trigger.',
  'model.command.is_valid.url.app_error': 'Invalid URL.',
  'model.command.is_valid.method.app_error': 'Invalid Method.',
  'app.user_access_token.disabled': 'Personal access tokens are disabled on this server. Please contact your system administrator for details.',
  'app.channel.get.existing.app_error': 'Unable to find the existing channel.',
  'app.channel.get_member.missing.app_error': 'No channel member found for that user ID and channel ID.',
  'store.sql_channel.save_channel.exists.app_error': 'A channel with that name already exists on the same team.',
  'model.channel.is_valid.display_name.app_error': 'Invalid display name.',
  'model.channel.is_valid.2_or_more.app_error': 'Name must be 2 or more lowercase alphanumeric characters.',
  'model.channel.is_valid.type.app_error': 'Invalid type.',
  'model.post.is_valid.msg.app_error': 'Invalid Message.',
  'model.post.is_valid.message_length.app_error': 'Post Message property is longer than the maximum permitted length.',
  'app.post.get.app_error': 'Unable to get post.',
  'api.post.create_post.root_id.app_error': 'Invalid RootId parameter.',
  'api.post.update_post.system_message.app_error': 'Unable to update system message.',
  'api.post.do_action.action_id.app_error': 'Invalid action id.',
  'api.post.do_action.action_integration.app_error': 'Action integration error.',
  'api.web_socket_router.no_action.app_error': 'No websocket action.',
  'api.web_socket_router.bad_seq.app_error': 'Invalid sequence for WebSocket message.',
  'api.web_socket_router.bad_action.app_error': 'Unknown WebSocket action.',
  'api.web_socket_router.not_authenticated.app_error': 'WebSocket request was not authenticated.',
};

export class AppError extends Error {
  readonly id: string;
  readonly statusCode: number;
  /** Kept for debugging only; never serialised except by the 404 handler. */
  readonly detailedError: string;
  readonly exposeDetail: boolean;

  constructor(
    id: string,
    statusCode: number,
    opts: { params?: Record<string, string>; detailedError?: string; exposeDetail?: boolean } = {},
  ) {
    let message = MESSAGES[id] ?? id;
    for (const [k, v] of Object.entries(opts.params ?? {})) message = message.replace(`{{.${k}}}`, v);
    super(message);
    this.name = 'AppError';
    this.id = id;
    this.statusCode = statusCode;
    this.detailedError = opts.detailedError ?? '';
    this.exposeDetail = opts.exposeDetail ?? false;
  }

  toJson(requestId: string): AppErrorJson {
    return {
      id: this.id,
      message: this.message,
      detailed_error: this.exposeDetail ? this.detailedError : '',
      request_id: requestId,
      status_code: this.statusCode,
    };
  }
}

export const errors = {
  notFoundRoute: (path: string) =>
    new AppError('api.context.404.app_error', 404, {
      exposeDetail: true,
      detailedError: `There doesn't appear to be an api call for the url='${path}'.  Typo? are you missing a team_id or user_id as part of the url?`,
    }),
  sessionExpired: (detail = '') => new AppError('api.context.session_expired.app_error', 401, { detailedError: detail }),
  permission: (permission: string) =>
    new AppError('api.context.permissions.app_error', 403, { detailedError: `permission=${permission}` }),
  invalidUrlParam: (name: string) => new AppError('api.context.invalid_url_param.app_error', 400, { params: { Name: name } }),
  invalidBodyParam: (name: string) => new AppError('api.context.invalid_body_param.app_error', 400, { params: { Name: name } }),
  serverBusy: () => new AppError('api.context.server_busy.app_error', 503),
  userMissing: () => new AppError('app.user.missing_account.const', 404),
  actionIntegration: (detail: string) =>
    new AppError('api.post.do_action.action_integration.app_error', 400, { detailedError: detail }),
};
