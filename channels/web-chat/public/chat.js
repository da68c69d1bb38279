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
let language = (() => {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
})() || (navigator.language || 'en').slice(0, 2);
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
  for (const note of document.querySelectorAll('.msg__state')) note.textContent = strings.pending ?? note.textContent;
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

// Messages typed but not yet stored: kept in memory and, where the browser allows it, in
// sessionStorage (a reload keeps them), shown as pending, and sent again with the same
// clientId once connected, so the server stores each exactly once.
const PENDING_KEY = 'carerelay.pending';
const pending = [];
const rows = new Map();
const storage = {
  get(area, key) {
    try {
      return window[area].getItem(key);
    } catch {
      return null; // storage blocked (privacy settings, sandboxed frame)
    }
  },
  set(area, key, value) {
    try {
      if (value === undefined) window[area].removeItem(key);
      else window[area].setItem(key, value);
    } catch {
      // blocked: memory only
    }
  },
};
const savePending = () => storage.set('sessionStorage', PENDING_KEY, pending.length ? JSON.stringify(pending) : undefined);

let ready = false; // a session is open on the current connection
let conversationId;
let ending = false; // "End chat" was accepted; the next session is a new chat
let flushing = false;
let flushTimer;
let retryDelay = 1000;
let reconnectTimer;

const socket = io({
  auth: (cb) => cb({ token: storage.get('localStorage', TOKEN_KEY) ?? undefined, language }),
  transports: ['websocket', 'polling'],
});

/** socket.io does not reconnect after the server ends the connection, or refuses it; we do, with backoff. */
function reconnectLater(delay = retryDelay) {
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(() => {
    if (!socket.connected) socket.connect();
  }, delay + Math.random() * 250);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

socket.on('connect', () => setStatus('connecting'));
socket.on('disconnect', (reason) => {
  ready = false;
  if (!ending) setStatus('reconnecting');
  if (reason === 'io server disconnect') reconnectLater(ending ? 0 : retryDelay);
});
socket.on('connect_error', () => {
  ready = false;
  setStatus('reconnecting');
  if (!socket.active) reconnectLater();
});
socket.on('session', async (session) => {
  storage.set('localStorage', TOKEN_KEY, session.token);
  if (conversationId && session.conversationId !== conversationId) {
    // Another conversation (the chat was ended, or the token expired): none of the old one stays.
    log.replaceChildren(...pending.map((item) => rows.get(item.clientId)));
  }
  conversationId = session.conversationId;
  if (session.language !== language) await loadStrings(session.language);
  storage.set('localStorage', LANG_KEY, language);
  ready = true;
  retryDelay = 1000;
  if (ending) status.textContent = strings.ended ?? '';
  else setStatus('connected');
  ending = false;
  void flush();
});
socket.on('history', (messages) => {
  log.replaceChildren();
  for (const m of messages) render(m);
  // What is still waiting stays on screen, after what the server has.
  for (const item of pending) log.append(rows.get(item.clientId));
  log.scrollTop = log.scrollHeight;
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

function showPending(row) {
  row.classList.add('msg--pending');
  row.classList.remove('msg--failed');
  row.setAttribute('aria-busy', 'true');
  row.querySelector('.msg__retry')?.remove();
  let note = row.querySelector('.msg__state');
  if (!note) {
    note = document.createElement('span');
    note.className = 'msg__state';
    row.append(note);
  }
  note.textContent = strings.pending ?? 'Waiting to send…';
}

function showFailed(row, item, error) {
  row.classList.remove('msg--pending');
  row.removeAttribute('aria-busy');
  row.querySelector('.msg__state')?.remove();
  row.classList.add('msg--failed');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'msg__retry';
  retry.textContent = `${error?.message ?? strings.failed ?? 'Not sent.'} ${strings.retry ?? 'Retry'}`;
  retry.addEventListener('click', () => queue(item.text, item.clientId, row));
  row.append(retry);
}

function queue(text, clientId = crypto.randomUUID(), row) {
  const item = { text, clientId };
  rows.set(clientId, row ?? render({ role: 'patient', text }));
  showPending(rows.get(clientId));
  pending.push(item);
  savePending();
  void flush();
}

/** Sends what is pending, oldest first, one at a time (so they are stored in the order typed). */
async function flush() {
  if (flushing) return;
  flushing = true;
  try {
    while (ready && pending.length) {
      const item = pending[0];
      const row = rows.get(item.clientId);
      let ack;
      try {
        ack = await socket.timeout(10000).emitWithAck('message', { text: item.text, clientId: item.clientId });
      } catch {
        ack = undefined; // no answer in time (or the connection went): still pending
      }
      if (!ack || (!ack.ok && ack.error?.code === 'unavailable')) {
        // The server (or its database) is not there: keep it and try again, more slowly each time.
        clearTimeout(flushTimer);
        flushTimer = setTimeout(() => void flush(), retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
        break;
      }
      pending.shift();
      savePending();
      rows.delete(item.clientId);
      if (ack?.ok) {
        const shown = log.querySelector(`[data-id="${CSS.escape(String(ack.id))}"]`);
        if (shown && shown !== row) row.remove(); // already in the history replayed on reconnect
        else {
          row.dataset.id = ack.id;
          row.classList.remove('msg--pending');
          row.removeAttribute('aria-busy');
          row.querySelector('.msg__state')?.remove();
        }
      } else showFailed(row, item, ack?.error);
    }
  } finally {
    flushing = false;
  }
}

function send(text) {
  queue(text);
}

// Messages a reload interrupted come back as pending.
try {
  for (const item of JSON.parse(storage.get('sessionStorage', PENDING_KEY) ?? '[]')) {
    if (typeof item?.text === 'string' && typeof item?.clientId === 'string') queue(item.text, item.clientId);
  }
} catch {
  savePending();
}

// "End chat": the server closes the conversation and this device forgets it.
const endButton = $('end-chat');
endButton.addEventListener('click', async () => {
  if (!window.confirm(strings.endChatConfirm ?? 'End this chat?')) return;
  let ack;
  try {
    ack = await socket.timeout(10000).emitWithAck('end');
  } catch {
    return;
  }
  if (!ack?.ok) return setStatus('reconnecting');
  storage.set('localStorage', TOKEN_KEY, undefined);
  pending.splice(0);
  rows.clear();
  savePending();
  log.replaceChildren();
  status.textContent = strings.ended ?? '';
  ending = true; // the server lets this connection go; a new chat starts on the next one
});

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
  storage.set('localStorage', LANG_KEY, language);
  socket.emit('language', { language }, () => undefined);
});

await loadStrings(language);
setStatus(ready ? 'connected' : socket.connected || socket.active ? 'connecting' : 'reconnecting');
