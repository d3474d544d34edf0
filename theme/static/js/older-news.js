// "Các tin đã đăng" (plugins/older_news): turn the pages in place on an article. Progressive
// enhancement only: every pager link is a real page that works without this file.
//
// The script computes nothing about windows and builds no markup: a pager link leads to a window
// page the build wrote, and the script swaps that page's `.older-news-body` (totals, list and
// pager, rendered by the same templates) into the article. The address follows as
// `?tin-da-dang=N` (N is the window's own `data-number`; OLDER_NEWS_URL's pattern, written by the
// build into `data-url-pattern`, names its page), so Back, reload and a shared link show the
// same list; focus moves to the list's heading.
(function () {
  "use strict";
  var ANCHOR = "cac-tin-da-dang";
  var PARAM = "tin-da-dang";
  var section = document.getElementById(ANCHOR);
  if (!section || !section.dataset.urlPattern || !window.DOMParser || !window.fetch || !window.history.pushState) return;
  var heading = section.querySelector("h2, h1");
  var firstBody = section.querySelector(".older-news-body");
  if (!firstBody || !heading) return;
  var root = new URL(section.dataset.siteRoot || "./", document.baseURI);
  var pattern = section.dataset.urlPattern;
  var shown = null;  // the window number on screen; null for page 1 (the article's own list)

  function windowAddress(number) {
    return new URL(pattern.replace("{number}", String(number)), root);
  }

  function requested() {
    var value = new URLSearchParams(window.location.search).get(PARAM) || "";
    return /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
  }

  function articleAddress(number) {
    var address = new URL(window.location.href);
    if (number === null) address.searchParams.delete(PARAM);
    else address.searchParams.set(PARAM, String(number));
    address.hash = ANCHOR;
    return address.href;
  }

  function place(body, number, focus) {
    section.querySelector(".older-news-body").replaceWith(body);
    shown = number;
    if (focus) heading.focus();
  }

  // Fetch a window page and return its body with links made absolute (they are relative to it).
  function load(address) {
    return fetch(address.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var shared = doc.getElementById(ANCHOR);
      var body = shared && shared.querySelector(".older-news-body");
      var number = shared && Number(shared.dataset.number);
      if (!body || !(number > 0)) throw new Error("not an older-news window");
      body.querySelectorAll("a[href]").forEach(function (a) {
        a.setAttribute("href", new URL(a.getAttribute("href"), address).href);
      });
      return { body: document.importNode(body, true), number: number };
    });
  }

  function isArticle(address) {
    return address.origin === window.location.origin && address.pathname === window.location.pathname;
  }

  function show(address, push) {
    if (isArticle(address)) {
      place(firstBody, null, push);
      if (push) window.history.pushState({ olderNews: null }, "", articleAddress(null));
      return;
    }
    load(address).then(function (found) {
      place(found.body, found.number, push);
      if (push) window.history.pushState({ olderNews: found.number }, "", articleAddress(found.number));
    }).catch(function () {
      if (push) window.location.href = address.href;  // the plain link still works
    });
  }

  section.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("nav.pager a[href]") : null;
    if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    show(new URL(a.getAttribute("href"), document.baseURI), true);
  });

  window.addEventListener("popstate", function () {
    var number = requested();
    if (number === shown) return;
    if (number === null) place(firstBody, null, false);
    else show(windowAddress(number), false);
  });

  var initial = requested();
  if (initial !== null) show(windowAddress(initial), false);
})();
