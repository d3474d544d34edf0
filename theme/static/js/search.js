// The search page (tim-kiem/): Pagefind's JavaScript API with our own small interface.
// Without JavaScript the page shows a notice with links to Lưu trữ and the categories.
//
// Vietnamese: Pagefind folds tone and vowel marks (`hien mau` finds `hiến máu`) but not đ, which has
// no Unicode decomposition. The build writes the words holding d or đ that the index holds
// (pagefind/d-words.json, plugins/search/indexing.py d_words); a d of a word typed without marks is
// searched as đ only where such a word exists (`doan` -> `đoan`, never `diet` -> `điet`), and as d only
// where that word exists (`doan khoi` is `đoan khoi` alone where no `doan` exists), the last word also
// as the start of one (the reader may still be typing); a word typed with marks comes from a Vietnamese
// keyboard, which types đ itself. The whole query is one Pagefind search per combination of its words'
// forms (`doan khoi`: `đoan khoi`; `dau tu` where `dầu` and `đầu` both exist: `dau tu`, `đau tu`; at most
// MAX_COMBINATIONS): Pagefind returns only the pages holding every word, so each search is cheap, where
// one search a word returned every page holding that word (`doan`: nearly all) and took several times as
// long. A page found by several combinations keeps its best score. Pagefind's positions of the matched words then tell which pages hold the query's words next to
// each other (the longest run of consecutive matched positions, at most the number of words), on every
// page; those rank first, then by score. The positions do not say which word stands where, so the first
// results are checked on their fetched text: the query's words whole and in the query's order first.
// With marks typed, exact marks rank first (Pagefind's diacriticSimilarity); without, a word carrying
// marks is not ranked below its unmarked look-alike.
// Titles and excerpts are highlighted here, word by word in folded form (`doan` marks `Đoàn`, never
// `Doanh`), punctuation left outside the mark; the excerpt leaves out the title it starts with.
//
// Large sites: with more news than SEARCH_RECENT_NEWS the page also gets a small index of the newest
// news (data-pagefind-recent, pagefind/moi/). A query is searched there first and its results shown
// at once, marked as partial ("trong N tin mới nhất", no "more results"); the complete index
// (data-pagefind) is loaded after those first results and its results then replace them; once it is
// loaded, later queries go to it alone. Each index
// is its own copy of pagefind.js, so each has its own worker and a search in one never waits for the
// other.
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var TYPING_DELAY = 120; // ms after the last keystroke
  var EXCERPT_WORDS = 20;
  var MAX_COMBINATIONS = 4; // Pagefind searches a query at most (a query with many d-words)
  var RANKING_MARKED = { diacriticSimilarity: 5 };
  var RANKING_UNMARKED = { diacriticSimilarity: 0 };
  var MARKS = /[\u0300-\u036f]/g;
  var NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;
  var WORD = /([\p{L}\p{M}\p{N}]+)/u;
  var WORD_ONLY = /^[\p{L}\p{M}\p{N}]+$/u;

  // Lower case, tone and vowel marks off, đ kept: the form of pagefind/d-words.json.
  function marksOff(text) {
    return text.normalize("NFD").replace(MARKS, "").normalize("NFC").toLowerCase();
  }

  // The form words are compared in (vn_core.vietnamese.fold): `Đoàn` -> `doan`. Remembered: an
  // excerpt folds every word of ten pages, and the same words come back.
  var folded = new Map();
  function fold(text) {
    var known = folded.get(text);
    if (known === undefined) {
      known = marksOff(text).replace(/đ/g, "d");
      if (folded.size < 50000) folded.set(text, known);
    }
    return known;
  }

  function queryWords(query) {
    return query.normalize("NFC").toLowerCase().split(NOT_WORD).filter(Boolean);
  }

  // The vocabulary, pure: the words holding d or đ (marks off) with their folded keys.
  function vocabulary(dWords) {
    return dWords.map(function (word) { return { word: Array.from(word), key: fold(word) }; });
  }

  // The forms a typed word is searched in, pure: each spelling of its d's (d or đ) that a word of the
  // index has (the last word of the query: that a word starts with), the word as typed first; the word
  // as typed when none has. `doan khoi` is searched as `đoan khoi` alone when the index holds `đoàn`
  // and `doanh` but no `doan`: Pagefind matches the start of every word, so `doan` would only find
  // `doanh`, and each extra form costs a search of the whole query.
  function wordForms(word, last, vocab) {
    var key = fold(word);
    var letters = Array.from(word);
    // A word typed with marks comes from a Vietnamese keyboard, which types đ itself: its d is a d.
    if (word.indexOf("d") < 0 || marksOff(word) !== word || letters.length !== Array.from(key).length) return [word];
    var forms = [];
    vocab.forEach(function (entry) {
      var fits = last ? entry.key.slice(0, key.length) === key : entry.key === key;
      if (!fits) return;
      var form = letters.map(function (letter, i) { return letter === "d" && entry.word[i] === "đ" ? "đ" : letter; }).join("");
      if (forms.indexOf(form) < 0) forms.push(form);
    });
    if (!forms.length) return [word];
    forms.sort(function (a, b) { return (b === word) - (a === word); });
    return forms;
  }

  // Every word's forms: [[form, ...], ...] (tests/fixtures/search_query_variants.json).
  function plannedSearches(query, vocab) {
    var words = queryWords(query);
    return words.map(function (word, i) { return wordForms(word, i === words.length - 1, vocab); });
  }

  // The Pagefind searches of a query, pure: one per combination of its words' forms, the words as typed
  // first, at most MAX_COMBINATIONS (tests/fixtures/search_query_variants.json).
  function combinedSearches(plan) {
    var combos = [[]];
    plan.forEach(function (forms) {
      var next = [];
      combos.forEach(function (combo) { forms.forEach(function (form) { next.push(combo.concat([form])); }); });
      combos = next.slice(0, MAX_COMBINATIONS);
    });
    return plan.length ? combos.map(function (combo) { return combo.join(" "); }) : [];
  }

  // The longest run of consecutive positions among a page's matched word positions (an array or a
  // Set, in any order), at most `most` (a repeated word must not count twice).
  function adjacentRun(positions, most) {
    var sorted = Array.from(positions);
    for (var k = 1; k < sorted.length; k++) {
      if (sorted[k] < sorted[k - 1]) { sorted.sort(function (a, b) { return a - b; }); break; }
    }
    var best = sorted.length ? 1 : 0;
    for (var i = 1, run = 1; i < sorted.length && best < most; i++) {
      run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : sorted[i] === sorted[i - 1] ? run : 1;
      if (run > best) best = run;
    }
    return Math.min(best, most);
  }

  // The pages of every combination's answer, pure: `answers` holds Pagefind's result lists
  // ([{id, score, words}]), `most` the number of query words. A page keeps its best score and every
  // matched position; ranked by the longest run of adjacent matched words, then by score. One answer
  // (most queries) is read as it is, without merging.
  function combine(answers, most) {
    var byId = new Map();
    answers.forEach(function (results) {
      results.forEach(function (result) {
        var seen = byId.get(result.id);
        if (!seen) byId.set(result.id, { result: result, score: result.score, positions: result.words });
        else {
          if (result.score > seen.score) seen.score = result.score;
          seen.positions = seen.positions.concat(result.words);
        }
      });
    });
    var merged = [];
    byId.forEach(function (seen) {
      merged.push({ result: seen.result, score: seen.score, together: most > 1 ? adjacentRun(seen.positions, most) : 1 });
    });
    merged.sort(function (a, b) { return (b.together - a.together) || (b.score - a.score); });
    return merged;
  }

  // A text as pieces, words and what lies between them, each word marked when it folds to one of the
  // query's folded words (`keys`): [{text, word, match}]. Punctuation is never part of a word.
  function markedWords(text, keys) {
    return text.normalize("NFC").split(WORD).filter(Boolean).map(function (piece) {
      var word = WORD_ONLY.test(piece);
      return { text: piece, word: word, match: word && keys.has(fold(piece)) };
    });
  }

  // The excerpt: the page's text without the title it starts with, cut to EXCERPT_WORDS words around
  // the most distinct query words. Returns {pieces, cutStart, cutEnd}: the pieces shown and whether
  // text was left out before and after them.
  function excerptWords(content, title, keys) {
    var text = content.normalize("NFC");
    title = (title || "").normalize("NFC").trim();
    if (title && text.slice(0, title.length) === title) text = text.slice(title.length).replace(/^[\s.:;,!?-]+/, "");
    var pieces = markedWords(text, keys);
    var words = [];
    pieces.forEach(function (piece, i) { if (piece.word) words.push(i); });
    var best = { start: 0, distinct: 0, count: 0 };
    words.forEach(function (at, n) {
      if (!pieces[at].match) return;
      var start = Math.max(0, n - 4);
      var shown = words.slice(start, start + EXCERPT_WORDS).filter(function (i) { return pieces[i].match; });
      var distinct = new Set(shown.map(function (i) { return fold(pieces[i].text); })).size;
      if (distinct > best.distinct || (distinct === best.distinct && shown.length > best.count)) {
        best = { start: start, distinct: distinct, count: shown.length };
      }
    });
    if (!words.length) return { pieces: pieces, cutStart: false, cutEnd: false };
    var last = Math.min(words.length, best.start + EXCERPT_WORDS) - 1;
    var from = best.start ? words[best.start] : 0;
    var to = last < words.length - 1 ? words[last] + 1 : pieces.length;
    return { pieces: pieces.slice(from, to), cutStart: from > 0, cutEnd: to < pieces.length };
  }

  // The longest run of the query's words (`words`, folded, in order) as whole words in a text: a
  // check on the fetched text of the results shown first, where a word that only starts with the last
  // query word (`tổng` for `to`) stood in Pagefind's positions.
  function textRun(text, words) {
    var found = markedWords(text, new Set()).filter(function (piece) { return piece.word; }).map(function (piece) { return fold(piece.text); });
    var best = 0;
    for (var at = 0; at < found.length; at++) {
      for (var i = 0; i < words.length && best < words.length; i++) {
        var run = 0;
        while (i + run < words.length && found[at + run] === words[i + run]) run++;
        if (run > best) best = run;
      }
    }
    return best;
  }

  // The same rule as vn_core.vietnamese.group_thousands (one table runs through both in the tests).
  function groupThousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  // Exposed for the tests (the shared table of query forms, tests/fixtures/search_query_variants.json)
  // and for tools/bench_search.py, which ranks with the same functions as the page.
  window.vnSearch = {
    fold: fold, queryWords: queryWords, vocabulary: vocabulary, wordForms: wordForms, plannedSearches: plannedSearches,
    combinedSearches: combinedSearches, combine: combine, adjacentRun: adjacentRun, textRun: textRun, excerptWords: excerptWords, groupThousands: groupThousands,
  };

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
  var current = { results: [], keys: new Set(), words: [], shown: 0, partial: false };
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
        await module.options({ baseUrl: siteRootPath(), ranking: RANKING_UNMARKED });
        engine.marked = false;
        engine.ready = true;
        return module;
      });
    }
    return engine.loading;
  }

  // The words holding d or đ of the complete index, written beside its pagefind.js; none when missing
  // (only the words as typed are searched then).
  var dWords = null;
  function loadDWords() {
    if (!dWords) {
      dWords = fetch(new URL("d-words.json", new URL(engines.all.url, document.baseURI)).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; })
        .then(vocabulary);
    }
    return dWords;
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

  // One Pagefind search per combination of forms (see the top of this file), at once; merged by combine().
  // Returns {entries, keys: the query's folded words}, or null when a newer query started meanwhile.
  async function runSearch(engine, query, token) {
    var loaded = await Promise.all([loadEngine(engine), loadDWords()]);
    if (token !== generation) return null;
    var pagefind = loaded[0];
    var plan = plannedSearches(query, loaded[1]);
    if (!plan.length) return { entries: [], keys: new Set(), words: [] };
    var marked = plan.some(function (forms) { return fold(forms[0]) !== forms[0]; });
    if (engine.marked !== marked) {
      engine.marked = marked;
      await pagefind.options({ ranking: marked ? RANKING_MARKED : RANKING_UNMARKED });
    }
    var filters = activeFilters();
    var answers = await Promise.all(combinedSearches(plan).map(function (terms) {
      return pagefind.search(terms, { filters: filters });
    }));
    if (token !== generation) return null;
    var merged = combine(answers.map(function (answer) { return answer.results; }), plan.length);
    if (sortSelect.value === "moi-nhat") {
      var order = await newestFirstOrder(engine);
      // Static pages have no date: after the news.
      var position = function (entry) { return entry.result.id in order ? order[entry.result.id] : Number.MAX_SAFE_INTEGER; };
      merged.sort(function (a, b) { return position(a) - position(b); });
    }
    var words = plan.map(function (forms) { return fold(forms[0]); });
    return { entries: merged, keys: new Set(words), words: words };
  }

  // Pieces as text, each matched word inside a <mark>.
  function markedNodes(pieces, into) {
    pieces.forEach(function (piece) {
      if (piece.match) {
        var mark = document.createElement("mark");
        mark.textContent = piece.text;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(piece.text));
      }
    });
    return into;
  }

  function resultItem(data, keys) {
    var item = document.createElement("li");
    item.className = "search-result";
    var title = document.createElement("h2");
    title.className = "search-result-title";
    var link = document.createElement("a");
    link.href = data.url;
    var meta = data.meta || {};
    markedNodes(markedWords(meta.title || data.url, keys), link);
    title.appendChild(link);
    item.appendChild(title);
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
    var cut = excerptWords(data.content || "", meta.title, keys);
    var excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    if (cut.cutStart) excerpt.appendChild(document.createTextNode("… "));
    markedNodes(cut.pieces, excerpt);
    if (cut.cutEnd) excerpt.appendChild(document.createTextNode(" …"));
    item.appendChild(excerpt);
    return item;
  }

  async function showMore(token, focusFirst) {
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    var datas = await Promise.all(slice.map(function (entry) { return entry.result.data(); }));
    if (token !== generation) return;
    if (current.shown === 0 && sortSelect.value !== "moi-nhat") {
      // The first results, checked on their text: whole words in a row first, else the order found.
      var runs = datas.map(function (data) { return textRun(data.content || "", current.words); });
      datas = datas.map(function (data, i) { return { data: data, run: runs[i], at: i }; })
        .sort(function (a, b) { return (b.run - a.run) || (a.at - b.at); })
        .map(function (entry) { return entry.data; });
    }
    var first = null;
    datas.forEach(function (data) {
      var item = resultItem(data, current.keys);
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
    // The newest news' index only speeds up the first queries: once the complete one is loaded, it
    // answers alone.
    if (engines.recent && !engines.all.ready) {
      app.setAttribute("data-search-state", "partial");
      var first = await runSearch(engines.recent, query, token);
      if (first === null || token !== generation) return;
      if (first.entries.length) {
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
  async function show(found, token, query, partial) {
    var results = found.entries;
    current = { results: results, keys: found.keys, words: found.words, shown: 0, partial: partial };
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
    loadDWords(); // fetched beside the module (the page preloads both), not after it
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
    if (categorySelect.value || yearSelect.value || sortSelect.value) form.querySelector(".search-filters").open = true;
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
