// The search page (tim-kiem/): Pagefind's JavaScript API with our own small interface.
// Without JavaScript the page shows a notice with links to Lưu trữ and the categories.
//
// Vietnamese: Pagefind folds tone and vowel marks (`hien mau` finds `hiến máu`) but not đ, which has
// no Unicode decomposition. So every word that starts with `d` is also searched with `đ`
// (`dau` -> `dau`, `đau`), at most MAX_SEARCHES Pagefind searches a query, and the results are merged
// by their best score. A multi-word query is also searched as a phrase, and pages that hold the
// words together rank above pages that only hold them apart.
//
// Large sites: with more news than SEARCH_RECENT_NEWS the page also gets a small index of the newest
// news (data-pagefind-recent, pagefind/moi/). A query is searched there first and its results shown
// at once, marked as partial ("trong N tin mới nhất", no "more results"); the complete index
// (data-pagefind) is loaded after those first results and its results then replace them. Each index
// is its own copy of pagefind.js, so each has its own worker and a search in one never waits for the
// other.
(function () {
  "use strict";

  var MAX_SEARCHES = 8;
  var PAGE_SIZE = 10;
  var TYPING_DELAY = 120; // ms after the last keystroke
  // Matches typed with the same marks (`Đoàn`) rank above folded ones (`Doãn`, `doanh`).
  var RANKING = { diacriticSimilarity: 5 };

  // The query variants, pure: NFC, lower case, words split on spaces, each d-initial word also with đ.
  // Returns {words: [...], variants: ["dau tu", "đau tu", ...]} with at most `limit` variants.
  function queryVariants(query, limit) {
    var words = query.normalize("NFC").toLowerCase().replace(/["“”]/g, " ").split(/\s+/).filter(Boolean);
    var variants = [[]];
    words.forEach(function (word) {
      var choices = [word];
      if (word.charAt(0) === "d" && variants.length * 2 <= limit) choices.push("đ" + word.slice(1));
      var next = [];
      variants.forEach(function (start) {
        choices.forEach(function (choice) { next.push(start.concat([choice])); });
      });
      variants = next;
    });
    return { words: words, variants: words.length ? variants.map(function (v) { return v.join(" "); }) : [] };
  }

  // The searches one query makes: each variant, and for several words each variant as a phrase too.
  function plannedSearches(query) {
    var single = queryVariants(query, MAX_SEARCHES);
    if (single.words.length < 2) return { words: single.words, searches: single.variants.map(function (v) { return { term: v, phrase: false }; }) };
    var half = queryVariants(query, MAX_SEARCHES / 2);
    var searches = [];
    half.variants.forEach(function (v) {
      searches.push({ term: "\"" + v + "\"", phrase: true });
      searches.push({ term: v, phrase: false });
    });
    return { words: half.words, searches: searches };
  }

  // The same rule as vn_core.vietnamese.group_thousands (one table runs through both in the tests).
  function groupThousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  // Exposed for the tests that run the shared table of query variants (tests/fixtures/search_query_variants.json).
  window.vnSearch = { queryVariants: queryVariants, plannedSearches: plannedSearches, groupThousands: groupThousands, MAX_SEARCHES: MAX_SEARCHES };

  var app = document.querySelector(".search-app");
  if (!app) return;
  var form = app.querySelector(".search-page-form");
  var input = form.querySelector("input[name=q]");
  var categorySelect = form.querySelector("select[name=chuyen-muc]");
  var yearSelect = form.querySelector("select[name=nam]");
  var sortSelect = form.querySelector("select[name=sap-xep]");
  var status = app.querySelector(".search-status");
  var list = app.querySelector(".search-results");
  var moreWrap = app.querySelector(".search-more-wrap");
  var moreButton = moreWrap.querySelector("button");
  var empty = app.querySelector(".search-empty");
  var notice = app.querySelector(".search-noscript");

  // The indexes: `all` always; `recent` only on large sites. `loading` is the promise of the module.
  var engines = { all: { url: app.getAttribute("data-pagefind"), loading: null, dateOrder: null }, recent: null };
  if (app.getAttribute("data-pagefind-recent")) {
    engines.recent = { url: app.getAttribute("data-pagefind-recent"), loading: null, dateOrder: null };
  }
  var recentNews = Number(app.getAttribute("data-recent-news")) || 0;
  var current = { results: [], shown: 0, partial: false };
  var generation = 0;
  var timer = null;

  function siteRootPath() {
    return new URL(app.getAttribute("data-site-root"), document.baseURI).pathname;
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    return params;
  }

  function selectValue(select, value) {
    if (!value) return;
    var exists = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (!exists) {
      select.appendChild(new Option(value, value));
    }
    select.value = value;
  }

  function writeAddress() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (categorySelect.value) params.set("chuyen-muc", categorySelect.value);
    if (yearSelect.value) params.set("nam", yearSelect.value);
    if (sortSelect.value) params.set("sap-xep", sortSelect.value);
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function activeFilters() {
    var filters = {};
    if (categorySelect.value) filters.category = categorySelect.value;
    if (yearSelect.value) filters.year = yearSelect.value;
    return filters;
  }

  // Loads an index's pagefind.js once; resolves to the module.
  function loadEngine(engine) {
    if (!engine.loading) {
      engine.loading = import(new URL(engine.url, document.baseURI).href).then(async function (module) {
        await module.options({ baseUrl: siteRootPath(), ranking: RANKING, excerptLength: 24 });
        return module;
      });
    }
    return engine.loading;
  }

  async function newestFirstOrder(engine) {
    if (!engine.dateOrder) {
      var pagefind = await loadEngine(engine);
      var all = await pagefind.search(null, { sort: { date: "desc" } });
      engine.dateOrder = {};
      all.results.forEach(function (result, index) { engine.dateOrder[result.id] = index; });
    }
    return engine.dateOrder;
  }

  // Runs the planned searches and merges them: one entry per page, with its best score; phrase
  // matches first when the query has several words.
  // Returns null when a newer query started meanwhile: the searches run one after the other (Pagefind
  // works through them in turn anyway), so a query the reader has already changed stops early.
  async function runSearch(engine, query, token) {
    var plan = plannedSearches(query);
    if (!plan.searches.length) return [];
    var pagefind = await loadEngine(engine);
    if (token !== generation) return null;
    var filters = activeFilters();
    var answers = [];
    for (var i = 0; i < plan.searches.length; i++) {
      answers.push(await pagefind.search(plan.searches[i].term, { filters: filters }));
      if (token !== generation) return null;
    }
    var byId = {};
    answers.forEach(function (answer, index) {
      var phrase = plan.searches[index].phrase;
      answer.results.forEach(function (result) {
        var seen = byId[result.id];
        if (!seen) {
          byId[result.id] = { result: result, score: result.score, phrase: phrase };
          return;
        }
        if (phrase && !seen.phrase) {
          seen.phrase = true;
          seen.result = result; // its excerpt shows the words together
        } else if (phrase === seen.phrase && result.score > seen.score) {
          seen.result = result;
        }
        seen.score = Math.max(seen.score, result.score);
      });
    });
    var merged = Object.keys(byId).map(function (id) { return byId[id]; });
    if (sortSelect.value === "moi-nhat") {
      var order = await newestFirstOrder(engine);
      // Static pages have no date: after the news.
      var position = function (entry) { return entry.result.id in order ? order[entry.result.id] : Number.MAX_SAFE_INTEGER; };
      merged.sort(function (a, b) { return position(a) - position(b); });
    } else {
      merged.sort(function (a, b) { return (b.phrase - a.phrase) || (b.score - a.score); });
    }
    return merged;
  }

  // Pagefind's excerpt is text with <mark> around matches; keep only the text and the marks.
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var out = document.createDocumentFragment();
    (function copy(node, into) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          into.appendChild(document.createTextNode(child.textContent));
        } else if (child.nodeType === Node.ELEMENT_NODE && child.tagName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          into.appendChild(mark);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          copy(child, into);
        }
      });
    })(parsed, out);
    return out;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var title = document.createElement("h2");
    title.className = "search-result-title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    title.appendChild(link);
    item.appendChild(title);
    var meta = data.meta || {};
    if (meta.date || meta.category) {
      var line = document.createElement("p");
      line.className = "search-result-meta";
      if (meta.date) {
        var date = document.createElement("span");
        date.className = "search-result-date";
        date.textContent = meta.date;
        line.appendChild(date);
      }
      if (meta.category) {
        var category = document.createElement("span");
        category.className = "search-result-category";
        category.textContent = meta.category;
        line.appendChild(category);
      }
      item.appendChild(line);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(excerpt);
    return item;
  }

  async function showMore(token, focusFirst) {
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    var datas = await Promise.all(slice.map(function (entry) { return entry.result.data(); }));
    if (token !== generation) return;
    var first = null;
    datas.forEach(function (data) {
      var item = resultItem(data);
      first = first || item;
      list.appendChild(item);
    });
    current.shown += slice.length;
    moreWrap.hidden = current.partial || current.shown >= current.results.length;
    if (focusFirst && first) first.querySelector("a").focus();
  }

  function quoted(query) {
    return "“" + query + "”";
  }

  async function search() {
    var token = ++generation;
    var query = input.value.trim();
    writeAddress();
    if (!query) {
      app.removeAttribute("data-search-state");
      list.replaceChildren();
      list.hidden = true;
      moreWrap.hidden = true;
      empty.hidden = true;
      status.textContent = "";
      return;
    }
    if (engines.recent) {
      app.setAttribute("data-search-state", "partial");
      var first = await runSearch(engines.recent, query, token);
      if (first === null || token !== generation) return;
      if (first.length) {
        await show(first, token, query, true);
      } else {
        list.replaceChildren();
        list.hidden = empty.hidden = moreWrap.hidden = true;
        status.textContent = "Đang tìm " + quoted(query) + " trong tất cả các tin…";
      }
      if (token !== generation) return;
    }
    var results;
    try {
      results = await runSearch(engines.all, query, token);
    } catch (error) {
      if (token === generation) status.textContent = "Không tải được công cụ tìm kiếm. Mời bạn thử lại sau.";
      return;
    }
    if (results === null || token !== generation) return;
    await show(results, token, query, false);
    if (token === generation) app.setAttribute("data-search-state", "complete");
  }

  // Shows a result list: partial (the newest news only, while the complete index loads) or complete.
  async function show(results, token, query, partial) {
    current = { results: results, shown: 0, partial: partial };
    list.replaceChildren();
    empty.hidden = partial || results.length > 0;
    list.hidden = results.length === 0;
    moreWrap.hidden = true;
    if (results.length) {
      await showMore(token, false);
      if (token !== generation) return;
      status.textContent = partial
        ? groupThousands(results.length) + " kết quả cho " + quoted(query) + " trong " + groupThousands(recentNews) +
          " tin mới nhất; đang tìm trong tất cả các tin…"
        : "Tìm thấy " + groupThousands(results.length) + " kết quả cho " + quoted(query);
    } else {
      status.textContent = "Không tìm thấy kết quả cho " + quoted(query) + ".";
    }
  }

  function searchSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, TYPING_DELAY);
  }

  async function start() {
    var params = readAddress();
    try {
      // On a large site only the small index is loaded now; the complete one after the first results.
      await loadEngine(engines.recent || engines.all);
    } catch (error) {
      notice.querySelector("p").textContent = "Không tải được công cụ tìm kiếm. Mời bạn thử lại sau.";
      return;
    }
    selectValue(categorySelect, params.get("chuyen-muc"));
    selectValue(yearSelect, params.get("nam"));
    selectValue(sortSelect, params.get("sap-xep"));
    notice.hidden = true;
    form.hidden = false;
    input.addEventListener("input", searchSoon);
    [categorySelect, yearSelect, sortSelect].forEach(function (select) {
      select.addEventListener("change", function () { window.clearTimeout(timer); search(); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    });
    moreButton.addEventListener("click", function () { showMore(generation, true); });
    if (input.value.trim()) await search();
    else input.focus();
  }

  start();
})();
