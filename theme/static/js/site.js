// Progressive enhancement only: every page reads and navigates without this file.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // A <details> marked data-open-from (the menu, the article's date picker) is always open where
  // its media query matches. CSS does it with ::details-content; where a browser lacks it, open
  // the <details> here (its summary does nothing there, so it stays open).
  if (window.matchMedia && !(window.CSS && CSS.supports && CSS.supports("selector(::details-content)"))) {
    document.querySelectorAll("details[data-open-from]").forEach(function (details) {
      var wide = window.matchMedia(details.getAttribute("data-open-from"));
      var follow = function () {
        if (wide.matches) { details.open = true; }
        details.classList.toggle("is-always-open", wide.matches);
      };
      follow();
      if (wide.addEventListener) { wide.addEventListener("change", follow); }
    });
  }

  // Sharing: the system's share sheet (it lists Zalo where Zalo is installed) where the browser
  // has the Web Share API, and copying the link where it has the Clipboard API.
  var status = document.querySelector(".share-status");
  function say(text) { if (status) { status.textContent = text; } }
  document.querySelectorAll("[data-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
        .catch(function () { /* closed by the reader, or refused: nothing to say */ });
    });
  });
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
        function () { say("Đã sao chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi."); },
        function () { say("Không sao chép được. Hãy sao chép địa chỉ trang trên thanh địa chỉ."); }
      );
    });
  });

  // The article sidebar: the latest and the most viewed news come from one JSON file the build
  // writes (a new article does not rewrite every article page). Without it the links stay.
  var sidebar = document.querySelector("[data-sidebar]");
  if (!sidebar || !("fetch" in window) || !("URL" in window)) { return; }
  var root = new URL(sidebar.getAttribute("data-root"), document.baseURI);
  var current = sidebar.getAttribute("data-current");
  var SHOWN = 5;

  // A page of this site, or null: whatever the data says (`javascript:`, `//other.example/`), a
  // link of the sidebar never leaves the site.
  function ownPage(address) {
    var url;
    if (typeof address !== "string") { return null; }
    try { url = new URL(address, root); } catch (error) { return null; }
    return url.protocol === root.protocol && url.origin === root.origin ? url.href : null;
  }

  function fill(box, items, meta) {
    var list = document.createElement("ol");
    list.className = "sidebar-news";
    items.filter(function (item) { return item.url !== current && ownPage(item.url); }).slice(0, SHOWN).forEach(function (item) {
      var line = document.createElement("li");
      var link = document.createElement("a");
      link.href = ownPage(item.url);
      link.textContent = item.title;
      var small = document.createElement("span");
      small.className = "sidebar-meta";
      small.textContent = meta(item);
      line.appendChild(link);
      line.appendChild(small);
      list.appendChild(line);
    });
    if (!list.childNodes.length) { return; }
    box.textContent = "";
    box.appendChild(list);
  }

  fetch(new URL(sidebar.getAttribute("data-sidebar"), document.baseURI).href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      var latest = sidebar.querySelector("[data-list=latest]");
      var viewed = sidebar.querySelector("[data-list=most_viewed]");
      if (latest) { fill(latest, data.latest || [], function (item) { return item.date; }); }
      if (viewed) { fill(viewed, data.most_viewed || [], function (item) { return item.views_label + " lượt xem · " + item.date; }); }
    })
    .catch(function () { /* the plain links stay */ });
})();
