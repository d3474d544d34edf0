// 404 page: an old address found in the redirect table (plugins/redirects) goes on to its new page.
(function () {
  "use strict";
  var data = document.getElementById("redirect-lookup");
  if (!data) return;
  var table;
  try { table = JSON.parse(data.textContent); } catch (error) { return; }
  var asked = (window.location.pathname + window.location.search).toLowerCase();
  var target = table[asked];
  if (!target) {
    try { target = table[decodeURI(asked)]; } catch (error) { target = null; }
  }
  if (!target) return;
  var note = document.querySelector(".redirect-lookup");
  var link = note && note.querySelector("[data-redirect-target]");
  if (link) {
    link.href = target;
    link.textContent = target;
    note.hidden = false;
  }
  window.location.replace(target);
})();
