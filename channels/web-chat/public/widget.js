/*
 * CareRelay chat widget: one tag on a clinic's site,
 *   <script src="https://chat.example.org/widget.js" async></script>
 * adds a launcher button ([data-carerelay-launcher]) that opens the chat page in an iframe
 * (iframe[data-carerelay-frame]). Options, as data- attributes on the script tag:
 *   data-language="es"       first language of a new conversation (en, es, zh, hi)
 *   data-position="left"     launcher in the bottom-left corner (default: right)
 *   data-colour="#7a1f5c"    launcher and accent colour (data-color works too)
 *   data-open="true"         open the chat as soon as the page loads
 *
 * Browsers often block storage in a frame from another site (third-party storage), so the
 * visitor's conversation token lives here, in the clinic page's own storage, and goes to and
 * from the frame by postMessage, to and from the chat's origin only. When no storage works at
 * all, everything is kept in memory: the chat still works for the visit.
 *
 * Plain script, no build step; styles are set through the DOM (no inline <style>), so a strict
 * Content-Security-Policy on the clinic's site needs only this script's origin in script-src and
 * frame-src. Only origins listed in the chat server's ALLOWED_ORIGINS may show the frame.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script || window.__carerelayWidget) return;
  window.__carerelayWidget = {};
  var chatOrigin;
  try {
    chatOrigin = new URL(script.src, location.href).origin;
  } catch (e) {
    return;
  }
  var options = script.dataset || {};
  var hostOrigin = /^https?:/.test(location.protocol) ? location.origin : undefined;
  var KEY = 'carerelay:' + chatOrigin + ':';
  var LANGUAGES = ['en', 'es', 'zh', 'hi'];

  // Storage that never throws: the browser's when it allows it, this page's memory otherwise.
  var memory = {};
  function area(name) {
    try {
      return window[name];
    } catch (e) {
      return undefined;
    }
  }
  function load(name, key) {
    try {
      var value = area(name).getItem(KEY + key);
      if (value !== null) return value;
    } catch (e) {
      /* blocked */
    }
    return Object.prototype.hasOwnProperty.call(memory, name + key) ? memory[name + key] : null;
  }
  function save(name, key, value) {
    if (value === undefined || value === null) delete memory[name + key];
    else memory[name + key] = value;
    try {
      if (value === undefined || value === null) area(name).removeItem(KEY + key);
      else area(name).setItem(KEY + key, value);
    } catch (e) {
      /* memory only */
    }
  }

  function pickLanguage(value) {
    var lang = String(value || '').toLowerCase().slice(0, 2);
    return LANGUAGES.indexOf(lang) >= 0 ? lang : undefined;
  }
  var language = pickLanguage(options.language) || pickLanguage(document.documentElement.lang) || pickLanguage(navigator.language) || 'en';
  var colour = validColour(options.colour || options.color) || '#0b5cad';
  var onLeft = options.position === 'left';

  function validColour(value) {
    if (!value || typeof CSS === 'undefined' || !CSS.supports('color', value)) return undefined;
    return value;
  }
  /** Black or white text, whichever reads better on the colour. */
  function textOn(value) {
    var probe = document.createElement('span');
    probe.style.color = value;
    probe.style.display = 'none';
    document.body.appendChild(probe);
    var rgb = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) || ['0', '0', '0']).slice(0, 3).map(Number);
    probe.remove();
    var lin = rgb.map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#111111' : '#ffffff';
  }
  function css(el, styles) {
    for (var name in styles) el.style.setProperty(name, styles[name], 'important');
    return el;
  }

  var phone = window.matchMedia ? window.matchMedia('(max-width: 480px)') : { matches: false };
  var strings = { launcher: 'Chat with us', close: 'Close chat', unread: 'new message', openInWindow: 'Open the chat in a new window', title: 'Chat' };
  var frame;
  var panel;
  var launcher;
  var badge;
  var label;
  var ready = false;
  var isOpen = false;
  var readyTimer;
  var fallback;

  function build() {
    var panelId = 'carerelay-panel-' + Math.random().toString(36).slice(2, 8);
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.setAttribute('data-carerelay-launcher', '');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', panelId);
    var fg = textOn(colour);
    css(launcher, {
      position: 'fixed', bottom: '20px', [onLeft ? 'left' : 'right']: '20px', 'z-index': '2147483000',
      display: 'inline-flex', 'align-items': 'center', gap: '8px', margin: '0', padding: '0 18px', 'min-height': '52px',
      border: '0', 'border-radius': '26px', background: colour, color: fg, cursor: 'pointer',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', 'font-size': '16px', 'font-weight': '600',
      'box-shadow': '0 4px 14px rgba(0,0,0,.25)', 'text-transform': 'none',
    });
    var svgNs = 'http://www.w3.org/2000/svg';
    var icon = document.createElementNS(svgNs, 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('width', '22');
    icon.setAttribute('height', '22');
    icon.setAttribute('aria-hidden', 'true');
    icon.setAttribute('focusable', 'false');
    var path = document.createElementNS(svgNs, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');
    icon.appendChild(path);
    label = document.createElement('span');
    label.textContent = strings.launcher;
    badge = document.createElement('span');
    badge.setAttribute('data-carerelay-unread', '');
    css(badge, { width: '12px', height: '12px', 'border-radius': '6px', background: '#d4111e', border: '2px solid #fff', display: 'none' });
    launcher.append(icon, label, badge);
    launcher.addEventListener('click', function () {
      if (isOpen) close(true);
      else open(true);
    });

    panel = document.createElement('div');
    panel.id = panelId;
    panel.setAttribute('data-carerelay-panel', '');
    panel.hidden = true;
    document.body.append(panel, launcher);
    layout();
    if (phone.addEventListener) phone.addEventListener('change', layout);
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && isOpen) close(true);
    });
  }

  /** A floating panel above the launcher; the whole screen on phones. */
  function layout() {
    var small = phone.matches;
    css(panel, {
      position: 'fixed', 'z-index': '2147483001', margin: '0', padding: '0', background: '#fff', overflow: 'hidden',
      display: isOpen ? 'block' : 'none',
      top: small ? '0' : 'auto', bottom: small ? '0' : '84px',
      left: small ? '0' : onLeft ? '20px' : 'auto', right: small ? '0' : onLeft ? 'auto' : '20px',
      width: small ? '100%' : 'min(400px, calc(100vw - 40px))', height: small ? '100%' : 'min(640px, calc(100vh - 104px))',
      'border-radius': small ? '0' : '14px', 'box-shadow': small ? 'none' : '0 8px 30px rgba(0,0,0,.3)',
    });
    // On a phone the open chat covers the page; its own Close button brings the launcher back.
    css(launcher, { display: small && isOpen ? 'none' : 'inline-flex' });
  }

  function frameUrl() {
    var url = new URL('/', chatOrigin);
    url.searchParams.set('embed', '1');
    if (hostOrigin) url.searchParams.set('host', hostOrigin);
    url.searchParams.set('lang', load('localStorage', 'language') || language);
    if (options.colour || options.color) url.searchParams.set('accent', colour);
    return url.href;
  }

  function createFrame() {
    frame = document.createElement('iframe');
    frame.setAttribute('data-carerelay-frame', '');
    frame.title = strings.title;
    frame.src = frameUrl();
    css(frame, { border: '0', width: '100%', height: '100%', display: 'block', background: '#fff' });
    panel.appendChild(frame);
    waitForReady(8000);
  }

  /**
   * A frame that never says hello was refused (its site is not in ALLOWED_ORIGINS) or the chat
   * server is down: offer the chat in a window of its own, and load the frame again later (what
   * the patient typed meanwhile is kept here and goes out once it is back).
   */
  function waitForReady(delay) {
    clearTimeout(readyTimer);
    readyTimer = setTimeout(function () {
      if (ready) return;
      if (!fallback) {
        fallback = document.createElement('a');
        fallback.href = frameUrl().replace(/([?&])embed=1&?/, '$1');
        fallback.target = '_blank';
        fallback.rel = 'noopener';
        fallback.textContent = strings.openInWindow;
        fallback.setAttribute('data-carerelay-fallback', '');
        css(fallback, { position: 'absolute', left: '16px', right: '16px', bottom: '16px', padding: '12px', background: colour, color: textOn(colour), 'text-align': 'center', 'border-radius': '8px', 'font-family': 'system-ui, sans-serif', 'font-size': '16px', 'font-weight': '600' });
        panel.appendChild(fallback);
      }
      frame.src = frameUrl();
      waitForReady(Math.min(delay * 2, 60000));
    }, delay);
  }

  function post(message) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, chatOrigin);
  }

  function open(byUser) {
    if (!frame) createFrame();
    isOpen = true;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    css(badge, { display: 'none' });
    launcher.removeAttribute('aria-label');
    label.textContent = strings.close;
    save('sessionStorage', 'open', '1');
    layout();
    if (ready) post({ carerelay: 'opened', focus: !!byUser });
    else if (byUser) frame.focus();
  }

  function close(byUser) {
    var hadFocus = document.activeElement === frame;
    isOpen = false;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    label.textContent = strings.launcher;
    save('sessionStorage', 'open', null);
    layout();
    post({ carerelay: 'closed' });
    if (byUser || hadFocus) launcher.focus();
  }

  function pendingItems(value) {
    if (!Array.isArray(value)) return [];
    return value
      .filter(function (item) {
        return item && typeof item.text === 'string' && typeof item.clientId === 'string' && item.text.length <= 20000 && item.clientId.length <= 100;
      })
      .slice(0, 50)
      .map(function (item) {
        return { text: item.text, clientId: item.clientId };
      });
  }

  // Only the chat frame, from the chat's origin, talks to this page.
  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== chatOrigin) return;
    var data = event.data;
    if (!data || typeof data.carerelay !== 'string') return;
    switch (data.carerelay) {
      case 'ready': {
        ready = true;
        clearTimeout(readyTimer);
        if (fallback) fallback.remove();
        fallback = undefined;
        var pending;
        try {
          pending = pendingItems(JSON.parse(load('sessionStorage', 'pending') || '[]'));
        } catch (e) {
          pending = [];
        }
        post({
          carerelay: 'init',
          token: load('localStorage', 'token') || undefined,
          language: load('localStorage', 'language') || undefined,
          pending: pending,
          open: isOpen,
          focus: isOpen && document.activeElement === frame,
        });
        break;
      }
      case 'token':
        if (typeof data.token === 'string' && data.token.length <= 200) save('localStorage', 'token', data.token);
        break;
      case 'language':
        if (pickLanguage(data.language)) {
          save('localStorage', 'language', pickLanguage(data.language));
          loadStrings(pickLanguage(data.language));
        }
        break;
      case 'pending': {
        var items = pendingItems(data.items);
        save('sessionStorage', 'pending', items.length ? JSON.stringify(items) : null);
        break;
      }
      case 'forget':
        // "End chat": nothing of the conversation stays on this device.
        save('localStorage', 'token', null);
        save('localStorage', 'language', null);
        save('sessionStorage', 'pending', null);
        break;
      case 'close':
        close(true);
        break;
      case 'unread':
        if (!isOpen) {
          css(badge, { display: 'inline-block' });
          launcher.setAttribute('aria-label', strings.launcher + ' (' + strings.unread + ')');
        }
        break;
    }
  });

  /** The launcher's words in the chat's language (public strings, readable from any site). */
  function loadStrings(lang) {
    if (typeof fetch !== 'function') return;
    fetch(chatOrigin + '/webchat/strings/' + encodeURIComponent(lang), { credentials: 'omit' })
      .then(function (res) {
        return res.ok ? res.json() : undefined;
      })
      .then(function (body) {
        var page = body && body.strings;
        if (!page) return;
        ['launcher', 'close', 'unread', 'openInWindow', 'title'].forEach(function (key) {
          if (typeof page[key] === 'string' && page[key]) strings[key] = page[key];
        });
        label.textContent = isOpen ? strings.close : strings.launcher;
        if (frame) frame.title = strings.title;
      })
      .catch(function () {
        /* the English defaults stay */
      });
  }

  function start() {
    window.__carerelayWidget.open = function () {
      open(false);
    };
    window.__carerelayWidget.close = function () {
      close(false);
    };
    build();
    loadStrings(load('localStorage', 'language') || language);
    var wanted = options.open;
    if (load('sessionStorage', 'open') === '1' || wanted === '' || wanted === 'true' || wanted === '1' || wanted === 'open') open(false);
  }
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
