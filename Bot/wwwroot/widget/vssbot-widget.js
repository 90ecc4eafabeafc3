/*
 * VssBot web widget: a chat bubble and panel that talk to VssBot over Direct Line 3.0.
 * Embed with one tag:
 *   <script src="https://BOT/widget/vssbot-widget.js" data-bot-url="https://BOT"></script>
 * Optional: data-token-url="https://SCHOOL/api/vssbot-token" (when the bot has DirectLine:Secret, the school's
 * server exchanges the secret for a token and returns {"token": "..."}), data-open="true" (open at load).
 *
 * Safety: message content is only ever put in the page with textContent and safe attributes (links: http/https
 * only; images: http/https only); never innerHTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__vssbotWidget) return;
  window.__vssbotWidget = true;

  var botUrl = (script.getAttribute('data-bot-url') || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  var tokenUrl = script.getAttribute('data-token-url');
  var api = botUrl + '/v3/directline';
  var storageKey = 'vssbot:' + botUrl;
  var TEXT = {
    title: 'Trợ lý VssID',
    open: 'Mở trợ lý VssID',
    close: 'Đóng trợ lý',
    placeholder: 'Nhập tin nhắn…',
    inputLabel: 'Tin nhắn của bạn',
    send: 'Gửi',
    sendImage: 'Gửi ảnh',
    bot: 'Trợ lý: ',
    you: 'Bạn: ',
    connecting: 'Đang kết nối…',
    offline: 'Mất kết nối, đang thử lại…',
    failed: 'Chưa gửi được, bạn thử lại nhé.',
    imageRefused: 'Chỉ gửi được ảnh JPG, PNG, GIF hoặc WebP, tối đa 5 MB.',
    typing: 'Trợ lý đang soạn tin…',
    image: 'Ảnh',
    suggestions: 'Gợi ý trả lời'
  };

  // ---- state (per page, in this closure) ----
  var session = load();           // { conversationId, token, expiresAt }
  var watermark = null;           // last activity sequence seen
  var seen = {};                  // activity ids already rendered
  var pending = {};               // clientActivityID -> element of a message not yet echoed
  var socket = null;
  var pollTimer = null;
  var reconnectTimer = null;
  var refreshTimer = null;
  var failures = 0;
  var connecting = null;
  var opened = false;

  // ---- DOM ----
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = botUrl + '/widget/vssbot-widget.css';
  document.head.appendChild(css);

  var root = el('div', 'vssbot-root');
  var bubble = el('button', 'vssbot-bubble');
  bubble.type = 'button';
  bubble.setAttribute('aria-label', TEXT.open);
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-controls', 'vssbot-panel');
  bubble.appendChild(icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'));

  var panel = el('section', 'vssbot-panel');
  panel.id = 'vssbot-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'vssbot-title');

  var header = el('header', 'vssbot-header');
  var title = el('h2', 'vssbot-title', TEXT.title);
  title.id = 'vssbot-title';
  var closeButton = el('button', 'vssbot-close', '×');
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', TEXT.close);
  header.appendChild(title);
  header.appendChild(closeButton);

  var status = el('p', 'vssbot-status');
  status.setAttribute('role', 'status');
  status.hidden = true;
  var log = el('div', 'vssbot-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  log.setAttribute('aria-label', TEXT.title);
  log.tabIndex = 0;
  var typing = el('p', 'vssbot-typing', TEXT.typing);
  typing.hidden = true;
  var suggestions = el('div', 'vssbot-suggestions');
  suggestions.setAttribute('role', 'group');
  suggestions.setAttribute('aria-label', TEXT.suggestions);

  var form = el('form', 'vssbot-form');
  var fileInput = el('input', 'vssbot-file');
  fileInput.type = 'file';
  fileInput.accept = 'image/jpeg,image/png,image/gif,image/webp';
  fileInput.multiple = true;
  fileInput.tabIndex = -1;
  fileInput.setAttribute('aria-hidden', 'true');
  var imageButton = el('button', 'vssbot-image');
  imageButton.appendChild(icon('M9 4h6l2 3h3a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2h3l2-3zm3 5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'));
  imageButton.type = 'button';
  imageButton.setAttribute('aria-label', TEXT.sendImage);
  imageButton.title = TEXT.sendImage;
  var input = el('textarea', 'vssbot-input');
  input.rows = 1;
  input.placeholder = TEXT.placeholder;
  input.setAttribute('aria-label', TEXT.inputLabel);
  input.maxLength = 4000;
  var sendButton = el('button', 'vssbot-send', TEXT.send);
  sendButton.type = 'submit';
  form.appendChild(fileInput);
  form.appendChild(imageButton);
  form.appendChild(input);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(status);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(suggestions);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(bubble);
  (document.body || document.documentElement).appendChild(root);

  bubble.addEventListener('click', function () { opened ? hide() : show(); });
  closeButton.addEventListener('click', hide);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); sendText(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendText(input.value); }
  });
  imageButton.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    var files = Array.prototype.slice.call(fileInput.files || []);
    fileInput.value = '';
    if (files.length) sendImages(files);
  });
  window.addEventListener('online', function () { if (opened && !isStreaming()) reconnect(0); });

  if (script.getAttribute('data-open') === 'true' || readOpen()) show();

  // ---- panel ----
  function show() {
    opened = true;
    panel.hidden = false;
    root.classList.add('vssbot-open');
    bubble.setAttribute('aria-expanded', 'true');
    bubble.setAttribute('aria-label', TEXT.close);
    saveOpen(true);
    input.focus();
    ensureConnected();
  }

  function hide() {
    opened = false;
    panel.hidden = true;
    root.classList.remove('vssbot-open');
    bubble.setAttribute('aria-expanded', 'false');
    bubble.setAttribute('aria-label', TEXT.open);
    saveOpen(false);
    bubble.focus();
  }

  // ---- connection ----
  function ensureConnected() {
    if (connecting) return connecting;
    if (isStreaming() || pollTimer) return Promise.resolve();
    setStatus(TEXT.connecting);
    connecting = connect().then(function () {
      connecting = null;
    }, function () {
      connecting = null;
      setStatus(TEXT.offline);
      reconnect(backoff());
    });
    return connecting;
  }

  function connect() {
    var resume = session && session.expiresAt - Date.now() > 60000;
    var start = resume
      ? (session.expiresAt - Date.now() < 10 * 60000 ? refreshToken() : Promise.resolve()).then(function () {
          return call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + query(), null, session.token);
        })
      : newConversation();
    return start.then(null, function (error) {
      if (error && (error.status === 403 || error.status === 401 || error.status === 404) && resume) {
        forget();
        return newConversation();
      }
      throw error;
    }).then(function (conversation) {
      remember(conversation);
      scheduleRefresh();
      openStream(conversation.streamUrl);
    });
  }

  function newConversation() {
    var token = tokenUrl
      ? fetch(tokenUrl, { method: 'POST', credentials: 'include' }).then(json).then(function (t) { return t.token; })
      : Promise.resolve(null);
    return token.then(function (t) { return call('POST', '/conversations', null, t); });
  }

  function openStream(url) {
    if (!('WebSocket' in window) || failures >= 3) { startPolling(); return; }
    var ws;
    try { ws = new WebSocket(url); } catch (e) { startPolling(); return; }
    socket = ws;
    ws.onopen = function () { failures = 0; stopPolling(); setStatus(''); };
    ws.onmessage = function (message) {
      if (!message.data) return;
      try { receive(JSON.parse(message.data)); } catch (e) { /* not an activity set */ }
    };
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      failures++;
      if (opened) {
        setStatus(TEXT.offline);
        startPolling();
        reconnect(backoff());
      }
    };
  }

  function isStreaming() { return socket && socket.readyState <= 1; }

  function reconnect(delay) {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(function () {
      if (isStreaming()) return;
      if (!session) { ensureConnected(); return; }
      call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + query(), null, session.token)
        .then(function (conversation) { remember(conversation); failures = Math.min(failures, 2); openStream(conversation.streamUrl); })
        .then(null, function (error) {
          if (error && (error.status === 401 || error.status === 403)) { forget(); stopPolling(); ensureConnected(); return; }
          reconnect(backoff());
        });
    }, delay);
  }

  function backoff() { return Math.min(30000, 1000 * Math.pow(2, Math.min(failures, 5))); }

  // Polling: the fallback while the stream is down (or when WebSocket is unavailable).
  function startPolling() {
    if (pollTimer || !session) return;
    var tick = function () {
      call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities' + query(), null, session.token)
        .then(function (set) { receive(set); if (!isStreaming()) setStatus(''); }, function () { setStatus(TEXT.offline); })
        .then(function () { if (pollTimer) pollTimer = setTimeout(tick, 2000); });
    };
    pollTimer = setTimeout(tick, 0);
  }

  function stopPolling() { clearTimeout(pollTimer); pollTimer = null; }

  function refreshToken() {
    return call('POST', '/tokens/refresh', null, session.token).then(function (t) { remember(t); scheduleRefresh(); });
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    var wait = Math.max(30000, (session.expiresAt - Date.now()) / 2);
    refreshTimer = setTimeout(function () { refreshToken().then(null, function () { reconnect(backoff()); }); }, wait);
  }

  // ---- receiving ----
  function receive(set) {
    if (!set || !set.activities) return;
    set.activities.forEach(render);
    if (set.watermark != null) watermark = set.watermark;
  }

  function render(activity) {
    if (!activity || seen[activity.id]) return;
    seen[activity.id] = true;
    var fromUser = activity.from && activity.from.role === 'user';
    if (activity.type === 'typing' && !fromUser) { showTyping(); return; }
    if (activity.type !== 'message') return;
    typing.hidden = true;

    var clientId = activity.channelData && activity.channelData.clientActivityID;
    if (fromUser && clientId && pending[clientId]) {
      pending[clientId].classList.remove('vssbot-pending');
      delete pending[clientId];
      return;
    }
    var item = message(fromUser ? 'user' : 'bot', activity.text, activity.attachments);
    log.appendChild(item);
    if (!fromUser) showSuggestions(activity.suggestedActions);
    else clearSuggestions();
    scrollDown();
  }

  function message(who, text, attachments) {
    var item = el('div', 'vssbot-msg vssbot-msg-' + who);
    item.appendChild(el('span', 'vssbot-sr', who === 'bot' ? TEXT.bot : TEXT.you));
    if (text) item.appendChild(linkified(text));
    (attachments || []).forEach(function (a) {
      if (!a || !safeUrl(a.contentUrl) || !/^image\//i.test(a.contentType || '')) return;
      var img = el('img', 'vssbot-img');
      img.src = a.contentUrl;
      img.alt = a.name ? TEXT.image + ': ' + a.name : TEXT.image;
      img.loading = 'lazy';
      item.appendChild(img);
    });
    return item;
  }

  // Text with its http(s) links made clickable, built from text nodes and anchors only.
  function linkified(text) {
    var p = el('p', 'vssbot-text');
    var pattern = /https?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) p.appendChild(document.createTextNode(text.slice(last, match.index)));
      var href = safeUrl(match[0]);
      if (href) {
        var a = el('a', 'vssbot-link', match[0]);
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        p.appendChild(a);
      } else {
        p.appendChild(document.createTextNode(match[0]));
      }
      last = match.index + match[0].length;
    }
    if (last < text.length) p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }

  function safeUrl(value) {
    try {
      var url = new URL(value, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) { return null; }
  }

  function showSuggestions(suggested) {
    clearSuggestions();
    var actions = (suggested && suggested.actions) || [];
    actions.forEach(function (action) {
      var label = action.title || action.value;
      if (typeof label !== 'string' || !label) return;
      var button = el('button', 'vssbot-suggestion', label);
      button.type = 'button';
      button.addEventListener('click', function () {
        var value = typeof action.value === 'string' && action.value ? action.value : label;
        if (action.type === 'openUrl' && safeUrl(value)) { window.open(safeUrl(value), '_blank', 'noopener'); return; }
        sendText(value);
      });
      suggestions.appendChild(button);
    });
  }

  function clearSuggestions() {
    var hadFocus = suggestions.contains(document.activeElement);
    while (suggestions.firstChild) suggestions.removeChild(suggestions.firstChild);
    if (hadFocus) input.focus();
  }

  function showTyping() {
    typing.hidden = false;
    clearTimeout(showTyping.timer);
    showTyping.timer = setTimeout(function () { typing.hidden = true; }, 5000);
  }

  // ---- sending ----
  function sendText(text) {
    text = (text || '').trim();
    if (!text) return;
    input.value = '';
    var clientId = 'w_' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    var item = message('user', text);
    item.classList.add('vssbot-pending');
    pending[clientId] = item;
    log.appendChild(item);
    clearSuggestions();
    scrollDown();
    post('/activities', JSON.stringify(activity({ text: text }, clientId)), 'application/json').then(null, function () {
      delete pending[clientId];
      item.classList.add('vssbot-failed');
      setStatus(TEXT.failed);
      if (!input.value) input.value = text;
    });
  }

  function sendImages(files) {
    var form = new FormData();
    var clientId = 'w_' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    form.append('activity', new Blob([JSON.stringify(activity({ attachments: [] }, clientId))], { type: 'application/vnd.microsoft.activity' }));
    files.forEach(function (file) { form.append('file', file, file.name); });
    clearSuggestions();
    post('/upload?userId=' + encodeURIComponent(userId()), form).then(null, function (error) {
      setStatus(error && error.status === 415 ? TEXT.imageRefused : TEXT.failed);
    });
  }

  function post(path, body, contentType) {
    return ensureConnected().then(function () {
      if (!session) throw new Error('not connected');
      return call('POST', '/conversations/' + encodeURIComponent(session.conversationId) + path, body, session.token, contentType);
    }).then(function (result) { setStatus(''); return result; });
  }

  function activity(fields, clientId) {
    var a = { type: 'message', from: { id: userId(), role: 'user' }, locale: 'vi-VN', channelData: { clientActivityID: clientId } };
    for (var k in fields) a[k] = fields[k];
    return a;
  }

  function userId() {
    try { return JSON.parse(atob(session.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).user || 'user'; }
    catch (e) { return 'user'; }
  }

  // ---- helpers ----
  function call(method, path, body, token, contentType) {
    var headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    if (contentType) headers['Content-Type'] = contentType;
    return fetch(api + path, { method: method, headers: headers, body: body, credentials: 'omit' }).then(json);
  }

  function json(response) {
    if (!response.ok) { var error = new Error('HTTP ' + response.status); error.status = response.status; throw error; }
    return response.json();
  }

  function query() { return watermark != null ? '?watermark=' + encodeURIComponent(watermark) : ''; }

  function remember(t) {
    if (!t || !t.token) return;
    session = {
      conversationId: t.conversationId || (session && session.conversationId),
      token: t.token,
      expiresAt: Date.now() + (t.expires_in || 1800) * 1000
    };
    try { localStorage.setItem(storageKey, JSON.stringify(session)); } catch (e) { /* private mode */ }
  }

  function forget() {
    session = null;
    watermark = null;
    try { localStorage.removeItem(storageKey); } catch (e) { /* private mode */ }
  }

  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(storageKey) || 'null');
      return s && typeof s.token === 'string' && typeof s.conversationId === 'string' ? s : null;
    } catch (e) { return null; }
  }

  function readOpen() { try { return sessionStorage.getItem(storageKey + ':open') === '1'; } catch (e) { return false; } }
  function saveOpen(v) { try { sessionStorage.setItem(storageKey + ':open', v ? '1' : '0'); } catch (e) { /* private mode */ } }

  function setStatus(text) { status.textContent = text; status.hidden = !text; }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // A decorative icon (emoji fonts are missing on some systems).
  function icon(path) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '26');
    svg.setAttribute('height', '26');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var shape = document.createElementNS(ns, 'path');
    shape.setAttribute('d', path);
    shape.setAttribute('fill', 'currentColor');
    shape.setAttribute('fill-rule', 'evenodd');
    svg.appendChild(shape);
    return svg;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
})();
