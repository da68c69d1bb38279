// CareRelay web chat: plain browser JavaScript, no build step. Text is always set with
// textContent, never as HTML, so nothing a message contains can run in the page.
const TOKEN_KEY = 'carerelay.token';
const LANG_KEY = 'carerelay.language';
const $ = (id) => document.getElementById(id);
const log = $('log');
const form = $('composer');
const input = $('message');
const sendButton = $('send');
const select = $('language');
const status = $('status');
const typing = $('typing');

let strings = {};
let language = localStorage.getItem(LANG_KEY) || (navigator.language || 'en').slice(0, 2);
let typingTimer;

async function loadStrings(lang) {
  const res = await fetch(`/webchat/strings/${encodeURIComponent(lang)}`);
  const body = await res.json();
  language = body.language;
  strings = body.strings;
  document.documentElement.lang = language;
  select.value = language;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = strings[el.dataset.i18n] ?? el.textContent;
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = strings[el.dataset.i18nPlaceholder] ?? '';
  document.title = strings.title ?? document.title;
  await loadNurseStrings(language);
}

// "Talk to a nurse": sends the request, in the page's language, that the escalation stage recognises.
const nurseButton = $('talk-to-nurse');
let nurseStrings = {};
async function loadNurseStrings(lang) {
  const res = await fetch(`/escalation/strings/${encodeURIComponent(lang)}`).catch(() => undefined);
  if (!res?.ok) return;
  nurseStrings = (await res.json()).strings ?? {};
  nurseButton.textContent = nurseStrings.talkToNurse ?? nurseButton.textContent;
}
nurseButton.addEventListener('click', () => send(nurseStrings.talkToNurseMessage ?? 'I want to talk to a nurse'));

function setStatus(key) {
  status.textContent = strings[key] ?? '';
}

function render(message, { pending = false } = {}) {
  const existing = message.id && log.querySelector(`[data-id="${CSS.escape(String(message.id))}"]`);
  if (existing) return existing;
  const item = document.createElement('li');
  item.className = `msg msg--${message.role}`;
  if (message.id) item.dataset.id = String(message.id);
  const who = document.createElement('span');
  who.className = 'msg__who';
  const roleName = { patient: strings.you, bot: strings.bot, nurse: strings.nurse, system: strings.system }[message.role] ?? '';
  who.textContent = message.role === 'nurse' && message.senderName ? `${roleName} ${message.senderName}` : roleName;
  const text = document.createElement('span');
  text.className = 'msg__text';
  text.textContent = message.text;
  item.append(who, text);
  if (message.sources?.length) {
    const sources = document.createElement('p');
    sources.className = 'msg__sources';
    sources.textContent = `${strings.sources ?? 'Source'}: ${message.sources.map((s) => s.title).join(' · ')}`;
    item.append(sources);
  }
  if (message.actions?.length) {
    const actions = document.createElement('div');
    actions.className = 'msg__actions';
    for (const action of message.actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title;
      button.addEventListener('click', () => send(action.value));
      actions.append(button);
    }
    item.append(actions);
  }
  if (pending) item.setAttribute('aria-busy', 'true');
  log.append(item);
  log.scrollTop = log.scrollHeight;
  return item;
}

const socket = io({
  auth: (cb) => cb({ token: localStorage.getItem(TOKEN_KEY) ?? undefined, language }),
  transports: ['websocket', 'polling'],
});

socket.on('connect', () => setStatus('connected'));
socket.on('disconnect', () => setStatus('reconnecting'));
socket.on('connect_error', () => setStatus('reconnecting'));
socket.on('session', async (session) => {
  localStorage.setItem(TOKEN_KEY, session.token);
  if (session.language !== language) await loadStrings(session.language);
  localStorage.setItem(LANG_KEY, language);
  setStatus('connected');
});
socket.on('history', (messages) => {
  log.replaceChildren();
  for (const m of messages) render(m);
});
socket.on('message', (message) => {
  typing.hidden = true;
  render(message);
});
socket.on('typing', () => {
  typing.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => (typing.hidden = true), 15000);
});

function send(text, clientId = crypto.randomUUID(), item) {
  const row = item ?? render({ role: 'patient', text }, { pending: true });
  row.classList.remove('msg--failed');
  row.querySelector('.msg__retry')?.remove();
  socket.timeout(10000).emit('message', { text, clientId }, (err, ack) => {
    row.removeAttribute('aria-busy');
    if (!err && ack?.ok) {
      row.dataset.id = ack.id;
      return;
    }
    row.classList.add('msg--failed');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'msg__retry';
    retry.textContent = `${ack?.error?.message ?? strings.failed ?? 'Not sent.'} ${strings.retry ?? 'Retry'}`;
    retry.addEventListener('click', () => send(text, clientId, row));
    row.append(retry);
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send(text);
  input.focus();
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
select.addEventListener('change', async () => {
  await loadStrings(select.value);
  localStorage.setItem(LANG_KEY, language);
  socket.emit('language', { language }, () => undefined);
});

await loadStrings(language);
setStatus(socket.connected ? 'connected' : 'connecting');
