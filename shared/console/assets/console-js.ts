/**
 * The console's one script, served from the app (/console/console.js), never inline, so the
 * CSP allows scripts from 'self' only. It adds what a page without JavaScript lacks:
 * - times in the viewer's own zone (`<time data-local>`), the UTC text kept on hover;
 * - countdowns that tick: the server says how many business ms are left and whether business
 *   time is running now; the script only counts down while it runs (it never computes
 *   business time) and refreshes when a deadline is reached;
 * - the board reloads itself (`data-refresh-ms`), swapping its content in place.
 * Everything it shows comes from the server's own markup or from numbers in data attributes.
 */
export const CONSOLE_JS = `(function () {
  'use strict';
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function spaced(ms) {
    var t = Math.max(0, Math.floor(ms / 1000));
    var d = Math.floor(t / 86400), h = Math.floor((t % 86400) / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
    if (d > 0) return h > 0 ? d + ' d ' + h + ' h' : d + ' d';
    if (h > 0) return h + ' h ' + m + ' m';
    if (m > 0) return m + ' m ' + two(s) + ' s';
    return s + ' s';
  }
  function localise(root) {
    var fmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    var nodes = root.querySelectorAll('time[data-local]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var when = new Date(el.getAttribute('datetime'));
      if (isNaN(when.getTime())) continue;
      if (!el.title) el.title = el.textContent;
      el.textContent = fmt.format(when);
    }
  }
  var loadedAt = Date.now();
  var refreshing = false;
  function tick() {
    var nodes = document.querySelectorAll('[data-remaining-ms]');
    var passed = Date.now() - loadedAt;
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var left = Number(el.getAttribute('data-remaining-ms'));
      if (el.getAttribute('data-running') === '1') left -= passed;
      if (left <= 0) { el.textContent = 'deadline reached'; refresh(); continue; }
      el.textContent = spaced(left) + (el.getAttribute('data-unit') || '') + ' left';
    }
  }
  function refresh() {
    var board = document.querySelector('[data-refresh-ms]');
    if (refreshing || !board) return;
    refreshing = true;
    fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (text === null) return;
        var next = new DOMParser().parseFromString(text, 'text/html').querySelector('[data-refresh-ms]');
        if (next) { board.replaceWith(next); localise(next); loadedAt = Date.now(); tick(); }
      })
      .catch(function () {})
      .then(function () { refreshing = false; });
  }
  localise(document);
  tick();
  setInterval(tick, 1000);
  var board = document.querySelector('[data-refresh-ms]');
  if (board) {
    var every = Math.max(1000, Number(board.getAttribute('data-refresh-ms')) || 15000);
    setInterval(function () { if (document.visibilityState !== 'hidden') refresh(); }, every);
  }
})();
`;
