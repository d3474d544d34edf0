// "Các tin đã đăng" (plugins/older_news). Progressive enhancement only: every link works without it.
// On a shared window page it replaces the text that is true for every reader ("Tin thứ X đến Y")
// with this reader's exact "Tổng số: T | Trang: j trên tổng số P trang" and pager, once ?t=
// (the article's count of older news) proves consistent with the window. On an article page it
// turns the pages in place, fetching the same window pages the plain links lead to.
(function () {
  "use strict";
  var ANCHOR = "cac-tin-da-dang";
  var section = document.getElementById(ANCHOR);
  if (!section || !section.dataset.urlPattern || !window.URLSearchParams || !window.DOMParser) return;
  var perPage = parseInt(section.dataset.perPage, 10);
  var radius = parseInt(section.dataset.radius, 10);
  var root = section.dataset.siteRoot || "";
  var pattern = section.dataset.urlPattern;
  if (!(perPage > 0) || !(radius >= 0)) return;

  function thousands(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  // The same rule as vn_news.pager.page_window: first, last and `radius` around the current page;
  // a gap of one page shows the page, a longer gap an ellipsis (null).
  function pageWindow(current, total) {
    var wanted = [1, total];
    for (var n = Math.max(1, current - radius); n <= Math.min(total, current + radius); n++) wanted.push(n);
    wanted = wanted.filter(function (n, i) { return wanted.indexOf(n) === i; }).sort(function (a, b) { return a - b; });
    var numbers = [];
    var previous = 0;
    wanted.forEach(function (n) {
      if (n - previous === 2) numbers.push(previous + 1);
      else if (n - previous > 2) numbers.push(null);
      numbers.push(n);
      previous = n;
    });
    return numbers;
  }

  // ?tu= must be a path inside this site: no scheme, no host, no way up.
  function isSitePath(path) {
    return typeof path === "string" && /^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/.test(path) &&
      path.indexOf("..") < 0 && path.indexOf("//") < 0;
  }

  function windowHref(top, reader, withArticle) {
    var query = "?t=" + reader.total + (withArticle && reader.article ? "&tu=" + reader.article : "");
    return root + pattern.replace("{number}", String(top + 1)) + query;
  }

  // Page 1 is the article itself; without its path, the window that lists the same news.
  function pageHref(reader, page) {
    if (page === 1) {
      return reader.article ? root + reader.article + "#" + ANCHOR : windowHref(reader.total - 1, reader, false);
    }
    return windowHref(reader.total - 1 - perPage * (page - 1), reader, true);
  }

  function link(href, text, attributes) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    Object.keys(attributes).forEach(function (name) { a.setAttribute(name, attributes[name]); });
    return a;
  }

  // The markup of partials/pagination.html, for one reader's page.
  function pagerFor(reader, page) {
    var nav = document.createElement("nav");
    nav.className = "pager";
    nav.setAttribute("aria-label", "Phân trang");
    var ul = document.createElement("ul");
    function add(child) {
      var li = document.createElement("li");
      li.appendChild(child);
      ul.appendChild(li);
    }
    if (page > 1) add(link(pageHref(reader, page - 1), "‹ Trước", { rel: "prev", "data-page": page - 1 }));
    pageWindow(page, reader.pages).forEach(function (number) {
      if (number === null) {
        var gap = document.createElement("span");
        gap.className = "pager-gap";
        gap.setAttribute("aria-hidden", "true");
        gap.textContent = "…";
        add(gap);
        return;
      }
      var attributes = { "aria-label": "Trang " + number, "data-page": number };
      if (number === page) attributes["aria-current"] = "page";
      add(link(pageHref(reader, number), String(number), attributes));
    });
    if (page < reader.pages) add(link(pageHref(reader, page + 1), "Sau ›", { rel: "next", "data-page": page + 1 }));
    nav.appendChild(ul);
    return nav;
  }

  function show(reader, page) {
    var totals = section.querySelector(".listing-totals");
    if (totals) {
      totals.textContent = "Tổng số: " + thousands(reader.total) + " | Trang: " + page +
        " trên tổng số " + reader.pages + " trang";
    }
    var old = section.querySelector("nav.pager");
    if (reader.pages < 2) {  // like partials/pagination.html: no pager for a single page
      if (old) old.parentNode.removeChild(old);
      return;
    }
    var fresh = pagerFor(reader, page);
    if (old) old.parentNode.replaceChild(fresh, old);
    else section.querySelector(".older-news-list").insertAdjacentElement("afterend", fresh);
  }

  function reader(total, article) {
    return { total: total, pages: Math.ceil(total / perPage), article: isSitePath(article) ? article : null };
  }

  // A shared window: trust ?t= only if this window really is one of that reader's pages.
  function enhanceWindow() {
    var params = new URLSearchParams(window.location.search);
    var t = params.get("t") || "";
    if (!/^[1-9][0-9]{0,8}$/.test(t)) return;
    var total = parseInt(t, 10);
    var top = parseInt(section.dataset.top, 10);
    var offset = total - 1 - top;
    if (!(top >= 0) || top >= total || offset % perPage !== 0) return;
    show(reader(total, params.get("tu")), offset / perPage + 1);
  }

  // An article: turn pages in place; any failure falls back to following the plain link.
  function enhanceArticle() {
    var me = reader(parseInt(section.dataset.total, 10), section.dataset.article);
    if (!(me.pages > 1)) return;
    var current = 1;
    var firstList = section.querySelector(".older-news-list");
    var totals = section.querySelector(".listing-totals");
    if (!firstList) return;
    if (totals) totals.setAttribute("aria-live", "polite");
    show(me, 1);

    function swap(list, page) {
      section.querySelector(".older-news-list").replaceWith(list);
      current = page;
      show(me, page);
    }

    function turn(page, href) {
      if (page === current) return;
      if (page === 1) { swap(firstList, 1); return; }
      var top = me.total - 1 - perPage * (page - 1);
      var address = new URL(href, window.location.href);
      fetch(address.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var shared = doc.getElementById(ANCHOR);
        var list = shared && shared.querySelector(".older-news-list");
        if (!list || shared.dataset.top !== String(top)) throw new Error("unexpected window");
        // Links in the fetched page are relative to it, not to this article.
        list.querySelectorAll("a[href]").forEach(function (a) {
          a.setAttribute("href", new URL(a.getAttribute("href"), address).href);
        });
        swap(document.importNode(list, true), page);
      }).catch(function () { window.location.href = address.href; });
    }

    section.addEventListener("click", function (event) {
      var a = event.target.closest ? event.target.closest("nav.pager a[data-page]") : null;
      if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      turn(parseInt(a.getAttribute("data-page"), 10), a.getAttribute("href"));
    });
  }

  if (section.dataset.top !== undefined) enhanceWindow();
  else if (section.dataset.total !== undefined) enhanceArticle();
})();
