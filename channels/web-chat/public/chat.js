// CareRelay web chat: the page at / and, inside the widget's iframe, on a clinic's site. Plain
// browser JavaScript, no build step. Message text never becomes HTML: it is parsed into
// elements built with textContent, and links are only http(s), tel: and mailto:, so nothing a
// message contains can run in the page.
const TOKEN_KEY = 'carerelay.token';
const LANG_KEY = 'carerelay.language';
const PENDING_KEY = 'carerelay.pending';
/** Longer than this never goes over the socket (its frame limit); the server's own limit is lower. */
const HARD_MAX = 10000;
/** What a button sends back: shown to the patient as the button's title, never as this code. */
const BUTTON_VALUE = /^(topic|unit|more):[a-z0-9-]+(#[a-z0-9-]+)?$/;
const LANGUAGES = ['en', 'es', 'zh', 'hi'];

const $ = (id) => document.getElementById(id);
const log = $('log');
const form = $('composer');
const input = $('message');
const select = $('language');
const status = $('status');
const typing = $('typing');
const pill = $('new-messages');
const nurseButton = $('talk-to-nurse');
const endButton = $('end-chat');
const endDialog = $('end-dialog');
const closeButton = $('close-chat');

// ---------------------------------------------------------------------------------------------
// Storage that never throws. Browsers block storage in frames from another site (third-party
// storage), in private windows and by settings: then this page's memory holds everything, and
// inside the widget the clinic's page keeps the token for us (see `host` below).
const memory = new Map();
const storage = {
  get(area, key) {
    try {
      const value = window[area].getItem(key);
      if (value !== null) return value;
    } catch {
      // blocked
    }
    return memory.get(`${area}:${key}`) ?? null;
  },
  set(area, key, value) {
    if (value === undefined) memory.delete(`${area}:${key}`);
    else memory.set(`${area}:${key}`, value);
    try {
      if (value === undefined) window[area].removeItem(key);
      else window[area].setItem(key, value);
    } catch {
      // blocked: memory only
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Inside the widget: the clinic's page (`host`) is our storage. Messages go only to the origin
// the widget named, and only messages from our parent window at that origin are read. The
// server's frame-ancestors policy already keeps the page out of frames on other sites.
const params = new URLSearchParams(location.search);
const embedded = window.parent !== window;
const originOf = (value) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
};
const hostOrigin = embedded ? originOf(params.get('host')) : undefined;
const host = {
  post(type, data = {}) {
    if (hostOrigin) window.parent.postMessage({ carerelay: type, ...data }, hostOrigin);
  },
  from(event) {
    return Boolean(hostOrigin) && event.source === window.parent && event.origin === hostOrigin && typeof event.data?.carerelay === 'string';
  },
};
if (embedded) document.documentElement.classList.add('is-embedded');
if (hostOrigin) closeButton.hidden = false;
applyAccent(params.get('accent'));

/** The clinic's colour from the widget (checked by the browser's CSS parser; set through CSSOM, allowed by our CSP). */
function applyAccent(value) {
  if (!value || !CSS.supports('color', value)) return;
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const rgb = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  probe.remove();
  if (rgb.length < 3) return;
  const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Only colours that keep text readable on white (4.5:1) are used; others would fail patients with low vision.
  if (1.05 / (luminance + 0.05) < 4.5) return;
  const root = document.documentElement.style;
  root.setProperty('--accent', value);
  root.setProperty('--me', value);
  root.setProperty('--link', value);
}

/** What the clinic's page has kept for us (token, language, unsent messages), or nothing after 3 s. */
const init = hostOrigin
  ? await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 3000);
      const listen = (event) => {
        if (!host.from(event) || event.data.carerelay !== 'init') return;
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        resolve(event.data);
      };
      window.addEventListener('message', listen);
      host.post('ready');
    })
  : undefined;
let panelOpen = init ? Boolean(init.open) : true;

const validLanguage = (value) => (LANGUAGES.includes(String(value ?? '').slice(0, 2)) ? String(value).slice(0, 2) : undefined);
let token = (typeof init?.token === 'string' && init.token) || storage.get('localStorage', TOKEN_KEY) || undefined;
let language =
  validLanguage(init?.language) ?? validLanguage(storage.get('localStorage', LANG_KEY)) ?? validLanguage(params.get('lang')) ?? validLanguage(navigator.language) ?? 'en';
/** The patient chose a language: replies already under way do not switch the page back. */
let languageChosen = false;

// ---------------------------------------------------------------------------------------------
// Strings: the page's, the server's error texts, the "More:" line of each language, and the
// short phone numbers to make tappable.
/** 'latin' while the page speaks Hindi in Latin letters (the patient writes it that way). */
let script;
let strings = {};
let errors = {};
let moreLines = {};
let phones = [];
let statusKey = 'connecting';
let inlinePattern;

async function loadStrings(lang, wantScript) {
  const res = await fetch(`/webchat/strings/${encodeURIComponent(lang)}${wantScript === 'latin' ? '?script=latin' : ''}`);
  const body = await res.json();
  language = body.language;
  script = body.script === 'latin' ? 'latin' : undefined;
  strings = body.strings ?? {};
  errors = body.errors ?? {};
  moreLines = body.moreLines ?? {};
  phones = Array.isArray(body.phones) ? body.phones : [];
  inlinePattern = undefined;
  document.documentElement.lang = script === 'latin' ? `${language}-Latn` : language;
  select.value = language;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = strings[el.dataset.i18n] ?? el.textContent;
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = strings[el.dataset.i18nPlaceholder] ?? '';
  for (const el of document.querySelectorAll('[data-i18n-rich]')) {
    el.replaceChildren();
    appendInline(el, strings[el.dataset.i18nRich] ?? '');
  }
  document.title = strings.title ?? document.title;
  setStatus(statusKey);
  for (const note of document.querySelectorAll('.msg__state')) note.textContent = strings.pending ?? note.textContent;
  // Words the page itself put on messages already shown (who wrote, "Source", "Urgent", call buttons).
  for (const role of log.querySelectorAll('[data-role] > .msg__who > .msg__role')) {
    const item = role.parentElement.parentElement;
    role.textContent = whoText(item.dataset.role, item.dataset.sender);
  }
  for (const label of log.querySelectorAll('.msg__sources-label')) label.textContent = `${strings.sources ?? 'Source'}: `;
  for (const badge of log.querySelectorAll('.msg__badge')) badge.textContent = strings.alert ?? '!';
  for (const call of log.querySelectorAll('.msg__call')) call.textContent = callText(call.dataset.label);
  const greeting = log.querySelector('.msg--greeting');
  if (greeting) greeting.replaceWith(greetingItem());
  await loadNurseStrings(language, script);
}

// "Talk to a nurse": sends the request, in the page's language, that the escalation stage recognises.
let nurseStrings = {};
async function loadNurseStrings(lang, wantScript) {
  const res = await fetch(`/escalation/strings/${encodeURIComponent(lang)}${wantScript === 'latin' ? '?script=latin' : ''}`).catch(() => undefined);
  if (!res?.ok) return;
  nurseStrings = (await res.json()).strings ?? {};
  nurseButton.textContent = nurseStrings.talkToNurse ?? nurseButton.textContent;
}
nurseButton.addEventListener('click', () => send(nurseStrings.talkToNurseMessage ?? 'I want to talk to a nurse'));

/** Until the server's strings arrive (a page from the browser's cache while the server is away). */
const FALLBACK = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Connection lost. Reconnecting…', ended: 'Chat ended. You can start a new one.' };
function setStatus(key) {
  statusKey = key;
  status.textContent = strings[key] ?? FALLBACK[key] ?? '';
}

/** The interface follows the conversation's language (the bot's replies carry it). */
async function followLanguage(lang, wantScript) {
  if (!validLanguage(lang) || (lang === language && wantScript === script) || languageChosen) return;
  try {
    await loadStrings(lang, wantScript);
  } catch {
    return; // the next reply tries again
  }
  storage.set('localStorage', LANG_KEY, language);
  host.post('language', { language });
}

// ---------------------------------------------------------------------------------------------
// Markdown-lite: paragraphs, line breaks, "-"/"•"/"1." lists, **bold**, [text](url), bare links,
// e-mail addresses and phone numbers (tel:). Everything else stays text.
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function pattern() {
  const known = phones.filter((p) => /^[\d+\-\s().]{2,20}$/.test(p)).map(escapeRe);
  inlinePattern ??= new RegExp(
    [
      String.raw`\*\*([^*\n]+?)\*\*`,
      String.raw`\[([^\]\n]{1,200})\]\(((?:https?:\/\/|tel:|mailto:)[^\s)]+)\)`,
      String.raw`(https?:\/\/[^\s<>"'()]*[^\s<>"'().,;:!?。，；：！？）])`,
      String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`,
      // North American numbers: (555) 010-4200, 555-010-4200, 1-800-222-1222, +1 555 010 4200.
      String.raw`((?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]\d{4}(?!\w))`,
      // International: +44 20 7946 0000, +91 98765 43210.
      String.raw`((?<![\w+])\+\d{1,3}(?:[\s.-]?\d{2,5}){2,4}(?!\w))`,
      // The emergency number and crisis line (911, 988) as the server configures them.
      known.length ? String.raw`((?<![\w.+\-/])(?:${known.join('|')})(?![\w\-/]))` : '(?!)',
    ].join('|'),
    'gu',
  );
  return inlinePattern;
}

function link(href, text) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return document.createTextNode(text);
  }
  if (!['http:', 'https:', 'tel:', 'mailto:'].includes(url.protocol)) return document.createTextNode(text);
  const a = document.createElement('a');
  a.href = url.href;
  a.textContent = text;
  if (/^https?:$/.test(url.protocol)) {
    // Out of the chat (and of the widget's frame), never in place of it.
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}
const telLink = (number, text = number) => link(`tel:${number.replace(/[^\d+]/g, '')}`, text);

function appendInline(parent, text, bold = true) {
  const re = pattern();
  re.lastIndex = 0;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m.index > last) parent.append(text.slice(last, m.index));
    if (m[1] !== undefined) {
      if (bold) {
        const strong = document.createElement('strong');
        appendInline(strong, m[1], false);
        parent.append(strong);
      } else parent.append(m[1]);
    } else if (m[2] !== undefined) parent.append(link(m[3], m[2]));
    else if (m[4] !== undefined) parent.append(link(m[4], m[4]));
    else if (m[5] !== undefined) parent.append(link(`mailto:${m[5]}`, m[5]));
    else parent.append(telLink(m[0]));
    // Bold text recursed with the same pattern: carry on from the end of this match.
    last = end;
    re.lastIndex = end;
  }
  if (last < text.length) parent.append(text.slice(last));
}

const LIST_ITEM = /^\s*(?:[-*•·]|(\d{1,2})[.)])\s+(.*)$/;
function renderRich(container, text) {
  for (const block of text.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    let list;
    let paragraph;
    for (const line of block.split('\n')) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        const kind = item[1] ? 'ol' : 'ul';
        if (!list || list.localName !== kind) {
          list = document.createElement(kind);
          if (item[1] && item[1] !== '1') list.start = Number(item[1]);
          container.append(list);
        }
        const li = document.createElement('li');
        appendInline(li, item[2]);
        list.append(li);
        paragraph = undefined;
      } else if (line.trim()) {
        if (list && /^\s{2,}\S/.test(line)) {
          list.lastElementChild.append(' ');
          appendInline(list.lastElementChild, line.trim());
          continue;
        }
        list = undefined;
        if (paragraph) paragraph.append(document.createElement('br'));
        else container.append((paragraph = document.createElement('p')));
        appendInline(paragraph, line);
      }
    }
  }
}

/** "More: <title> <url>" (in any of the bot's languages) at the end of a reply: its title and link. */
function splitMoreLine(text) {
  const blocks = text.trimEnd().split(/\n{2,}/);
  const last = blocks[blocks.length - 1];
  if (blocks.length < 2 || last.includes('\n')) return undefined;
  for (const template of Object.values(moreLines)) {
    const [before, rest] = String(template).split('%TITLE%');
    if (rest === undefined || !rest.includes('%URL%')) continue;
    const [between, after] = rest.split('%URL%');
    const re = new RegExp(`^${escapeRe(before)}(.+?)${escapeRe(between)}(https?:\\/\\/\\S+?)${escapeRe(after)}$`, 'u');
    const m = re.exec(last.trim());
    if (m) return { body: blocks.slice(0, -1).join('\n\n'), label: before.trim(), title: m[1], url: m[2] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The conversation. Each message is one element directly in the log.
/** What each button sent, so the patient's own message shows the button's words. */
const buttonTitles = new Map();
const displayText = (text) => (BUTTON_VALUE.test(text) ? buttonTitles.get(text) ?? topicTitle(text) ?? text : text);
const topicTitle = (text) => {
  const id = /^topic:([a-z0-9-]+)$/.exec(text)?.[1];
  return id ? strings.topics?.[id] : undefined;
};
function whoText(role, sender) {
  const name = { patient: strings.you, bot: strings.bot, nurse: strings.nurse, system: strings.system }[role] ?? '';
  return sender ? `${name} ${sender}` : name;
}
const callText = (number) => (strings.callNumber ?? 'Call {number}').replace('{number}', number ?? '');

function actionButtons(actions) {
  const box = document.createElement('div');
  box.className = 'msg__actions';
  for (const action of actions) {
    if (typeof action?.title !== 'string' || typeof action?.value !== 'string') continue;
    buttonTitles.set(action.value, action.title);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.title;
    if (action.value.startsWith('more:')) button.className = 'msg__action--more';
    button.addEventListener('click', () => send(action.value));
    box.append(button);
  }
  return box;
}

function greetingItem() {
  const item = document.createElement('div');
  item.className = 'msg msg--bot msg--greeting';
  const who = document.createElement('span');
  who.className = 'msg__who';
  who.textContent = whoText('bot');
  const text = document.createElement('div');
  text.className = 'msg__text msg__rich';
  renderRich(text, strings.greeting ?? '');
  const topics = Object.entries(strings.topics ?? {}).map(([id, title]) => ({ title, value: `topic:${id}` }));
  item.append(who, text, actionButtons(topics));
  return item;
}

function showGreeting() {
  if (log.querySelector('.msg')) return;
  log.append(greetingItem());
}

function render(message, { own = false, reveal: show = true } = {}) {
  const existing = message.id && log.querySelector(`[data-id="${CSS.escape(String(message.id))}"]`);
  if (existing) return existing;
  const item = document.createElement('div');
  item.className = `msg msg--${message.role}`;
  if (message.id) item.dataset.id = String(message.id);
  const itemLang = message.script === 'latin' ? `${message.language}-Latn` : message.language;
  if (message.language && itemLang !== document.documentElement.lang) item.lang = itemLang;
  item.dataset.role = message.role;
  if (message.role === 'nurse' && typeof message.senderName === 'string') item.dataset.sender = message.senderName;
  const who = document.createElement('span');
  who.className = 'msg__who';
  const role = document.createElement('span');
  role.className = 'msg__role';
  role.textContent = whoText(message.role, item.dataset.sender);
  who.append(role);
  item.append(who);

  const alert = message.alert && Array.isArray(message.alert.call) ? message.alert : undefined;
  if (alert) {
    item.classList.add('msg--alert', `msg--alert-${String(alert.disposition ?? 'emergency').replace(/[^a-z_]/g, '')}`);
    const badge = document.createElement('span');
    badge.className = 'msg__badge';
    badge.textContent = strings.alert ?? '!';
    who.append(badge);
  }

  let text = String(message.text ?? '');
  const more = message.role === 'patient' ? undefined : splitMoreLine(text);
  if (more) text = more.body;
  const body = document.createElement('div');
  if (message.role === 'patient') {
    body.className = 'msg__text';
    body.textContent = displayText(text);
  } else {
    body.className = 'msg__text msg__rich';
    renderRich(body, text);
  }
  item.append(body);

  if (alert?.call.length) {
    const calls = document.createElement('div');
    calls.className = 'msg__calls';
    calls.setAttribute('role', 'group');
    calls.setAttribute('aria-label', strings.callsLabel ?? '');
    alert.call.forEach((call, i) => {
      if (typeof call?.number !== 'string') return;
      const a = telLink(call.number, callText(call.label || call.number));
      a.dataset.label = call.label || call.number;
      a.className = i === 0 ? 'msg__call' : 'msg__call msg__call--secondary';
      calls.append(a);
    });
    item.append(calls);
  }

  if (more) {
    const line = document.createElement('p');
    line.className = 'msg__more';
    line.append(`${more.label} `, link(more.url, more.title));
    item.append(line);
  }
  // Sources the "More:" line does not already link to, each linked to its public page.
  const seen = new Set(more ? [more.url] : []);
  const sources = (Array.isArray(message.sources) ? message.sources : []).filter((s, i, all) => {
    if (typeof s?.title !== 'string' || all.findIndex((o) => o.id === s.id) !== i) return false;
    if (s.url && seen.has(s.url)) return false;
    if (s.url) seen.add(s.url);
    return true;
  });
  if (sources.length) {
    const line = document.createElement('p');
    line.className = 'msg__sources';
    const label = document.createElement('span');
    label.className = 'msg__sources-label';
    label.textContent = `${strings.sources ?? 'Source'}: `;
    line.append(label);
    sources.forEach((s, i) => {
      if (i) line.append(' · ');
      line.append(s.url ? link(s.url, s.title) : s.title);
    });
    item.append(line);
  }
  if (Array.isArray(message.actions) && message.actions.length) item.append(actionButtons(message.actions));

  log.querySelector('.msg--greeting')?.remove();
  log.append(item);
  if (show) reveal(item, own);
  return item;
}

// ---------------------------------------------------------------------------------------------
// Scrolling: the newest message is shown as it arrives (its start, when it is taller than the
// log), unless the patient has scrolled up to read; then a "New messages" pill offers the way down.
let following = true;
let scrollingTo;
const maxScroll = () => log.scrollHeight - log.clientHeight;
const nearBottom = () => maxScroll() - log.scrollTop < 48;

function scrollLog(top) {
  const target = Math.max(0, Math.min(top, maxScroll()));
  if (Math.abs(log.scrollTop - target) < 1) return;
  scrollingTo = target;
  log.scrollTo({ top: target, behavior: 'instant' });
}

function reveal(item, own) {
  if (own || following) {
    following = true;
    pill.hidden = true;
    scrollLog(own ? maxScroll() : Math.min(maxScroll(), item.offsetTop - 8));
  } else if (item.matches('.msg--bot, .msg--nurse, .msg--system')) {
    pill.hidden = false;
  }
}

log.addEventListener('scroll', () => {
  if (scrollingTo !== undefined && Math.abs(log.scrollTop - scrollingTo) < 2) {
    scrollingTo = undefined;
    return;
  }
  scrollingTo = undefined;
  following = nearBottom();
  if (following) pill.hidden = true;
});
pill.addEventListener('click', () => {
  following = true;
  pill.hidden = true;
  scrollLog(maxScroll());
  log.focus({ preventScroll: true });
});
// The keyboard opening on a phone, or a resized widget: the newest message stays in view.
new ResizeObserver(() => {
  if (following) scrollLog(maxScroll());
}).observe(log);

// ---------------------------------------------------------------------------------------------
// Messages typed but not yet stored: kept in memory and, where the browser allows it, in
// sessionStorage (and, in the widget, the clinic page's sessionStorage), shown as pending, and
// sent again with the same clientId once connected, so the server stores each exactly once.
const pending = [];
const rows = new Map();
const savePending = () => {
  storage.set('sessionStorage', PENDING_KEY, pending.length ? JSON.stringify(pending) : undefined);
  host.post('pending', { items: pending.map(({ text, clientId }) => ({ text, clientId })) });
};

let ready = false; // a session is open on the current connection
let conversationId;
let ending = false; // "End chat" was accepted; the next session is a new chat
let flushing = false;
let flushTimer;
let retryDelay = 1000;
let reconnectTimer;
let typingTimer;

/** socket.io does not reconnect after the server ends the connection, or refuses it; we do, with backoff. */
function reconnectLater(delay = retryDelay) {
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(() => {
    if (socket && !socket.connected) socket.connect();
  }, delay + Math.random() * 250);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

function forgetConversation() {
  token = undefined;
  storage.set('localStorage', TOKEN_KEY, undefined);
  host.post('forget');
}

/** socket.io's client (served by the server) and the connection, once the client has loaded. */
let socket;
function openSocket() {
  socket = io({
    autoConnect: false,
    auth: (cb) => cb({ token, language }),
    transports: ['websocket', 'polling'],
  });
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
    token = session.token;
    storage.set('localStorage', TOKEN_KEY, token);
    host.post('token', { token });
    if (conversationId && session.conversationId !== conversationId) {
      // Another conversation (the chat was ended, or the token expired): none of the old one stays.
      log.replaceChildren(...pending.map((item) => rows.get(item.clientId)));
    }
    conversationId = session.conversationId;
    if (session.language !== language) await loadStrings(session.language).catch(() => undefined);
    storage.set('localStorage', LANG_KEY, language);
    host.post('language', { language });
    ready = true;
    retryDelay = 1000;
    setStatus(ending ? 'ended' : 'connected');
    ending = false;
    if (!session.resumed) showGreeting();
    void flush();
  });
  socket.on('history', (messages) => {
    log.replaceChildren();
    for (const m of messages) render(m, { reveal: false });
    // A resumed chat speaks as its last reply did (romanised Hindi included).
    const lastBot = messages.findLast((m) => m.role === 'bot');
    if (lastBot) void followLanguage(lastBot.language, lastBot.script);
    // What is still waiting stays on screen, after what the server has.
    for (const item of pending) log.append(rows.get(item.clientId));
    if (!log.children.length) showGreeting();
    following = true;
    pill.hidden = true;
    scrollLog(maxScroll());
  });
  socket.on('message', (message) => {
    typing.hidden = true;
    render(message);
    if (message.role === 'bot') void followLanguage(message.language, message.script);
    if (!panelOpen && message.role !== 'patient') host.post('unread');
  });
  socket.on('typing', () => {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => (typing.hidden = true), 15000);
  });
  socket.connect();
}

function clearState(row) {
  row.classList.remove('msg--pending', 'msg--failed');
  row.removeAttribute('aria-busy');
  for (const el of row.querySelectorAll('.msg__state, .msg__error, .msg__retry')) el.remove();
}

function showPending(row) {
  clearState(row);
  row.classList.add('msg--pending');
  row.setAttribute('aria-busy', 'true');
  const note = document.createElement('span');
  note.className = 'msg__state';
  note.textContent = strings.pending ?? 'Waiting to send…';
  row.append(note);
}

/** Refused: the server's words, and a way on (edit a message that is too long, or try again). */
function showFailed(row, item, error) {
  clearState(row);
  row.classList.add('msg--failed');
  const note = document.createElement('span');
  note.className = 'msg__error';
  note.textContent = error?.message ?? strings.failed ?? 'Not sent.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'msg__retry';
  if (error?.code === 'tooLong' || error?.code === 'empty' || error?.code === 'invalid') {
    button.textContent = strings.edit ?? 'Edit';
    button.addEventListener('click', () => {
      row.remove();
      input.value = item.text;
      input.focus();
    });
  } else {
    button.textContent = strings.retry ?? 'Retry';
    button.addEventListener('click', () => queue(item.text, item.clientId, row));
  }
  row.append(note, button);
}

function queue(text, clientId = crypto.randomUUID(), row) {
  const item = { text, clientId };
  rows.set(clientId, row ?? render({ role: 'patient', text }, { own: true }));
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
      if (item.text.length > HARD_MAX) ack = { ok: false, error: { code: 'tooLong', message: errors.tooLong } };
      else {
        try {
          ack = await socket.timeout(10000).emitWithAck('message', { text: item.text, clientId: item.clientId });
        } catch {
          ack = undefined; // no answer in time (or the connection went): still pending
        }
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
      if (ack.ok) {
        const shown = log.querySelector(`[data-id="${CSS.escape(String(ack.id))}"]`);
        if (shown && shown !== row) row.remove(); // already in the history replayed on reconnect
        else {
          row.dataset.id = ack.id;
          clearState(row);
        }
      } else showFailed(row, item, ack.error);
    }
  } finally {
    flushing = false;
  }
}

function send(text) {
  languageChosen = false;
  queue(text);
}

// "End chat": the server closes the conversation and this device forgets it.
endButton.addEventListener('click', () => endDialog.showModal());
endDialog.addEventListener('close', async () => {
  if (endDialog.returnValue !== 'end') return;
  endDialog.returnValue = '';
  let ack;
  try {
    if (!socket) throw new Error('not connected');
    ack = await socket.timeout(10000).emitWithAck('end');
  } catch {
    return setStatus('reconnecting');
  }
  if (!ack?.ok) return setStatus('reconnecting');
  forgetConversation();
  pending.splice(0);
  rows.clear();
  savePending();
  log.replaceChildren();
  setStatus('ended');
  ending = true; // the server lets this connection go; a new chat starts on the next one
  input.focus();
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
  languageChosen = true;
  try {
    await loadStrings(select.value);
  } catch {
    return setStatus('reconnecting');
  }
  storage.set('localStorage', LANG_KEY, language);
  host.post('language', { language });
  socket?.emit('language', { language }, () => undefined);
});

// In the widget: Close (and Escape) hand the page back to the clinic's site.
closeButton.addEventListener('click', () => host.post('close'));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && hostOrigin && !endDialog.open) host.post('close');
});
window.addEventListener('message', (event) => {
  if (!host.from(event)) return;
  if (event.data.carerelay === 'opened') {
    panelOpen = true;
    if (event.data.focus) input.focus();
    if (following) scrollLog(maxScroll());
  } else if (event.data.carerelay === 'closed') panelOpen = false;
});

/** Tries again, waiting longer each time (up to 10 s), until `attempt` succeeds. */
async function persist(attempt) {
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10000)) {
    try {
      return await attempt();
    } catch {
      setStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * 250));
    }
  }
}

/** The socket.io client, when the page came from the browser's cache while the server was away. */
function loadClient() {
  if (typeof window.io === 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `/socket.io/socket.io.min.js?t=${Date.now()}`;
    script.onload = () => (typeof window.io === 'function' ? resolve() : reject(new Error('no client')));
    script.onerror = () => {
      script.remove();
      reject(new Error('no client'));
    };
    document.head.append(script);
  });
}

// Messages a reload interrupted come back as pending at once (the clinic page's copy and our
// own), even while the server is still away: the patient sees them, and they go out on connect.
{
  const restored = [];
  try {
    restored.push(...(Array.isArray(init?.pending) ? init.pending : []), ...JSON.parse(storage.get('sessionStorage', PENDING_KEY) ?? '[]'));
  } catch {
    // unreadable: nothing to restore
  }
  const seen = new Set();
  for (const item of restored) {
    if (typeof item?.text !== 'string' || typeof item?.clientId !== 'string' || seen.has(item.clientId)) continue;
    seen.add(item.clientId);
    queue(item.text, item.clientId);
  }
}
if (init?.focus) input.focus();
setStatus('connecting');
await persist(() => loadStrings(language));
await persist(loadClient);
openSocket();
