// The 404 page's old-address lookup: old portal addresses with a query string (…aspx?NewsID=…)
// reach the 404 page on hosts without rewrite rules; the table (a JSON block the redirects plugin
// fills) sends the reader on to the new address. Only to a page of this site: a target on another
// origin or with another scheme (`//evil.example/`, `javascript:`) is never followed, whatever the
// data says.
(function () {
  "use strict";
  var data = document.getElementById("redirect-lookup");
  if (!data || !("URL" in window)) { return; }
  var table;
  try { table = JSON.parse(data.textContent); } catch (error) { return; }
  if (!table || typeof table !== "object") { return; }
  var asked = (window.location.pathname + window.location.search).toLowerCase();
  var target = Object.prototype.hasOwnProperty.call(table, asked) ? table[asked] : null;
  if (!target) {
    try {
      var decoded = decodeURI(asked);
      target = Object.prototype.hasOwnProperty.call(table, decoded) ? table[decoded] : null;
    } catch (error) { target = null; }
  }
  // The plugin writes root paths (`/2022/06/bai.html`); anything else is not ours to follow.
  if (typeof target !== "string" || target.charAt(0) !== "/") { return; }
  var url;
  try { url = new URL(target, window.location.href); } catch (error) { return; }
  if (url.protocol !== window.location.protocol || url.origin !== window.location.origin) { return; }
  var note = document.querySelector(".redirect-lookup");
  var link = note && note.querySelector("[data-redirect-target]");
  if (link) {
    link.href = url.href;
    link.textContent = url.pathname + url.search;
    note.hidden = false;
  }
  window.location.replace(url.href);
})();
