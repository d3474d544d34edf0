/* The browser editor's part of the site (plugins/cms): Decap CMS reads and writes articles in Pelican's
 * `Key: value` form (and the YAML front matter some files have), keeping every key it does not show
 * (Legacy-URL, Views, Slug, …), the keys' own spellings (Tiêu đề, Ngày, …), their order, and the body's
 * bytes where they were not edited; checks what the content checks would refuse before saving, with the
 * content checks' own words (cau-hinh.js, made from content_checks/messages.py at build time).
 * Written for the browsers editors use: no build step, no module syntax. */
(function () {
  "use strict";
  var SITE = window.TRANGTIN_CMS.trangtin;
  var CONFIG = window.TRANGTIN_CMS.config;
  var CMS = window.CMS;

  // --- keys: the same table as vn_core.front_matter (KEY_ALIASES, fold) -------------------------
  function fold(text) {
    return String(text).toLowerCase().replace(/đ/g, "d").normalize("NFD")
      .replace(/\p{M}/gu, "").split(/\s+/).filter(Boolean).join(" ");
  }
  var ALIAS = {};
  Object.keys(SITE.aliases).forEach(function (key) {
    SITE.aliases[key].forEach(function (alias) { ALIAS[fold(alias)] = key; });
  });
  function canonical(written) {
    var folded = fold(written);
    return ALIAS[folded] || String(written).trim().toLowerCase();
  }
  var SPELLING = Object.assign({}, SITE.keys.page, SITE.keys.article, SITE.keys.document);
  var DOCUMENT_KEYS = Object.keys(SITE.keys.document);
  var TEXT_KEYS = ["title", "date", "category", "author", "tags", "summary", "image", "slug"].concat(DOCUMENT_KEYS);

  // --- reading a file -----------------------------------------------------------------------------
  // A key as vn_core.front_matter.KEY_RE reads it (letters of any script, digits, `_`, `-`, spaces).
  var KEY_RE = /^ {0,3}([\p{L}_][\p{L}\p{N}_\- ]{0,29}?)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/u;
  var MORE_RE = /^(?: {4,}|\t)(.*)$/;
  var ITEM_RE = /^\s*-\s+(.*)$/;

  function unquote(raw) {
    var text = raw.trim();
    if (text.charAt(0) === '"') {
      try { return JSON.parse(text.replace(/\s+#.*$/, "")); } catch (e) { return text.replace(/^"|"$/g, ""); }
    }
    if (text.charAt(0) === "'") return text.replace(/^'|'\s*(#.*)?$/g, "").replace(/''/g, "'");
    return text.replace(/\s+#.*$/, "");
  }

  function yamlValue(entry) {
    var raw = entry.first.trim();
    var rest = entry.raw.slice(1).map(strip).filter(function (l) { return l.trim(); });
    if (raw.charAt(0) === "[" && raw.slice(-1) === "]") {
      return raw.slice(1, -1).split(",").map(unquote).filter(Boolean).join(", ");
    }
    if (!raw && rest.length && rest.every(function (l) { return ITEM_RE.test(l); })) {
      return rest.map(function (l) { return unquote(ITEM_RE.exec(l)[1]); }).join(", ");
    }
    if (raw === "|" || raw === ">" || raw === "|-" || raw === ">-") {
      return rest.map(function (l) { return l.trim(); }).join(raw.charAt(0) === "|" ? "\n" : " ");
    }
    return [unquote(raw)].concat(rest.map(function (l) { return l.trim(); })).join(" ").trim();
  }

  function strip(line) { return line.replace(/\r$/, ""); }

  function parse(text) {
    var bom = text.charAt(0) === "\ufeff" ? "\ufeff" : "";
    var lines = text.slice(bom.length).split("\n");
    var crlf = lines.filter(function (l) { return /\r$/.test(l); }).length * 2 > lines.length;
    var source = {bom: bom, eol: crlf ? "\r\n" : "\n", style: "pelican", open: null, close: null, entries: [], sep: null, bodyLines: lines};
    var index = 0, end = lines.length;
    if (/^-{3}\s*$/.test(strip(lines[0] || ""))) {
      var close = -1;
      for (var i = 1; i < lines.length; i++) if (/^(?:-{3}|\.{3})\s*$/.test(strip(lines[i]))) { close = i; break; }
      source.open = lines[0];
      index = 1;
      if (close > 0) { source.style = "yaml"; end = close; source.close = lines[close]; }
    }
    if (source.style === "pelican" && !KEY_RE.test(strip(lines[index] || ""))) {
      if (source.open === null) return source;  // no metadata block: the whole text is the body
    }
    var last = null;
    for (; index < end; index++) {
      var line = strip(lines[index]);
      var key = KEY_RE.exec(line);
      if (source.style === "pelican") {
        if (!line.trim()) { source.sep = lines[index]; index++; break; }
        if (last && MORE_RE.test(line)) {
          last.raw.push(lines[index]);
          last.value = (last.value + "\n" + MORE_RE.exec(line)[1].trim()).trim();
          continue;
        }
        if (!key) break;  // a line that is not `Key: value` starts the body, as Pelican reads it
      } else if (!key || /^\s/.test(line)) {
        // YAML: an indented line, a list item, a comment or a blank belongs to the key above it.
        if (last) last.raw.push(lines[index]);
        else source.entries.push({written: "", key: "", raw: [lines[index]], value: ""});
        continue;
      }
      last = {written: key[1].trim(), key: canonical(key[1]), first: key[2] || "", value: (key[2] || "").trim(), raw: [lines[index]]};
      source.entries.push(last);
    }
    if (source.style === "yaml") {
      source.entries.forEach(function (entry) { if (entry.key) entry.value = yamlValue(entry); });
      index = end + 1;
    }
    source.bodyLines = lines.slice(index);
    return source;
  }

  function bodyText(source) { return source.bodyLines.map(strip).join("\n"); }

  function kindOf(values) {
    if (DOCUMENT_KEYS.some(function (k) { return values[k] !== undefined; })) return "document";
    if (values.date === undefined && values.category === undefined) return "page";
    return "article";
  }

  function fromFile(text) {
    var source = parse(text);
    var values = {};
    source.entries.forEach(function (entry) {
      if (entry.key && values[entry.key] === undefined) values[entry.key] = entry.value;
      if (entry.key && values[fold(entry.key)] === undefined) values[fold(entry.key)] = entry.value;
    });
    var data = {body: bodyText(source), source: JSON.stringify(source), kind: kindOf(values)};
    TEXT_KEYS.forEach(function (key) { if (values[key] !== undefined) data[key] = values[key]; });
    var status = (values.status || "").toLowerCase();
    data.draft = status === "draft" || /^(true|yes|on)$/i.test(values.draft || "");
    return data;
  }

  // --- writing it back ----------------------------------------------------------------------------
  function line(source, written, value) {
    if (source.style === "yaml") return written + ": " + (written.toLowerCase() === "draft" ? value : JSON.stringify(value));
    return value.split("\n").map(function (part, i) { return i ? "    " + part : written + ": " + part; }).join("\n");
  }

  function toFile(data) {
    var source = data.source ? JSON.parse(data.source) : {bom: "", eol: "\n", style: "pelican", open: null, close: null, entries: [], sep: "", bodyLines: null};
    var wanted = {};
    TEXT_KEYS.forEach(function (key) {
      if (key in data) wanted[key] = data[key] == null ? "" : String(data[key]).trim();
    });
    var draftKey = source.entries.some(function (e) { return e.key === "draft"; });
    if ("draft" in data) {
      var current = (source.entries.filter(function (e) { return e.key === "status"; })[0] || {}).value || "";
      if (draftKey) wanted.draft = data.draft ? "true" : "false";
      else if (data.draft) wanted.status = current.toLowerCase() === "draft" ? current : "draft";
      else wanted.status = current.toLowerCase() === "draft" ? "" : current;
    }
    var seen = {};
    var out = [];
    source.entries.forEach(function (entry) {
      var key = entry.key;
      if (key && key in wanted && !seen[key]) {
        seen[key] = true;
        var old = key === "draft" ? (/^(true|yes|on)$/i.test(entry.value) ? "true" : "false") : entry.value;
        if (wanted[key] === old) out = out.concat(entry.raw);
        else if (wanted[key] !== "") out.push(line(source, entry.written, wanted[key]));
        return;
      }
      out = out.concat(entry.raw);
    });
    Object.keys(SPELLING).forEach(function (key) {
      if (key in wanted && !seen[key] && wanted[key] !== "") out.push(line(source, SPELLING[key], wanted[key]));
    });
    var body = data.body == null ? "" : String(data.body);
    var bodyLines = source.bodyLines && body === bodyText(source) ? source.bodyLines
      : body.replace(/\r\n?/g, "\n").split("\n").map(function (l, i, all) { return i < all.length - 1 && source.eol === "\r\n" ? l + "\r" : l; });
    var eol = source.eol === "\r\n" ? "\r" : "";
    var head = out.map(function (l) { return /\r$/.test(l) ? l : l.split("\n").join(eol + "\n") + eol; });
    var parts = [];
    if (source.style === "yaml") parts = [source.open].concat(head, [source.close]);
    else {
      if (source.open !== null) parts.push(source.open);
      parts = parts.concat(head);
      // A new file: one blank line between the keys and the body; an old one keeps what it had.
      if (source.sep !== null || !source.bodyLines) parts.push(source.sep !== null ? source.sep : "");
    }
    return source.bom + parts.concat(bodyLines).join("\n");
  }

  // --- the checks before saving: content_checks' words, vn_core.dates' patterns --------------------
  function say(code, params) {
    return SITE.messages[code].replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (all === "{{") return "{";
      if (all === "}}") return "}";
      if (name === "forms_vi") return SITE.date_forms;
      return params && params[name] !== undefined ? String(params[name]) : all;
    });
  }
  // What is wrong, without the advice about typing lines into a file: the form has a box for it.
  function sayMissing(code, params) { return say(code, params).split(" — ")[0]; }

  function pattern(p) { return new RegExp(p.source, p.flags + "u"); }
  var DATES = SITE.dates;

  function dateProblem(value, label) {
    var text = String(value).split(/\s+/).filter(Boolean).join(" ");
    var params = {value: value, key: label};
    if (pattern(DATES.short_year).test(text)) return say("two_digit_year", params);
    var forms = DATES.forms.concat([DATES.iso]);
    for (var i = 0; i < forms.length; i++) {
      var m = pattern(forms[i]).exec(text);
      if (!m) continue;
      var g = m.groups, year = +g.year, month = +g.month, day = +g.day, hour = g.hour ? +g.hour : 0;
      if (g.half) {
        if (hour < 1 || hour > 12) return say("bad_date", params);
        hour = hour % 12 + (/^(CH|PM)$/i.test(g.half) ? 12 : 0);
      }
      if (month < 1 || month > 12 || day < 1 || hour > 23 || (g.minute && +g.minute > 59)) return say("bad_date", params);
      var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day > last) return say("no_such_day", Object.assign(params, {day: day, month: month, year: year, last: last}));
      if (year < DATES.first_year || year > DATES.last_year) return say("year_range", params);
      return null;
    }
    return say("bad_date", params);
  }

  function documentProblems(data) {
    var found = [];
    var labels = SITE.document.labels;
    SITE.document.required.forEach(function (field) {
      if (!String(data.get(field) || "").trim()) found.push(sayMissing("doc_missing_field", {key: labels[field]}));
    });
    SITE.document.dates.forEach(function (field) {
      var value = String(data.get(field) || "").trim();
      if (value && dateProblem(value, labels[field])) found.push(say("doc_bad_date", {value: value, key: labels[field]}));
    });
    return found;
  }

  function problems(data, collection) {
    if (collection === "van-ban") return documentProblems(data);
    var found = [];
    var title = (data.get("title") || "").trim();
    if (!title) found.push(sayMissing("missing_title"));
    if (collection !== "tin-bai") return found;
    var date = (data.get("date") || "").trim();
    if (!date) found.push(sayMissing("missing_date"));
    else {
      var problem = dateProblem(date, "Ngày đăng");
      if (problem) found.push(problem);
    }
    var category = (data.get("category") || "").trim();
    if (!category) found.push(sayMissing("missing_category", {categories: SITE.categories.join(", ")}));
    else if (SITE.categories.length && SITE.categories.indexOf(category) < 0) {
      found.push(sayMissing("missing_category", {categories: SITE.categories.join(", ")}));
    }
    return found;
  }

  // Shown until the next save that passes: a toast alone disappears before it is read.
  var NOT_SAVED = "Chưa lưu — sửa các chỗ sau (bài bạn đang viết vẫn còn nguyên):";
  function showProblems(list, heading) {
    var box = document.getElementById("trangtin-problems");
    if (!list.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "trangtin-problems";
      box.setAttribute("role", "alert");
      Object.assign(box.style, {position: "fixed", left: "50%", transform: "translateX(-50%)", bottom: "1rem", zIndex: 10000,
        maxWidth: "46rem", background: "#fff4f4", color: "#7a0c0c", border: "2px solid #b71c1c", borderRadius: "6px",
        padding: ".75rem 1rem", font: "15px/1.45 system-ui, sans-serif", boxShadow: "0 4px 16px rgba(0,0,0,.2)"});
      document.body.appendChild(box);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = heading || NOT_SAVED;
    var items = document.createElement("ul");
    items.style.margin = ".4rem 0 0 1.2rem";
    list.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; items.appendChild(li); });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Đóng";
    close.style.marginTop = ".5rem";
    close.addEventListener("click", function () { box.remove(); });
    box.append(head, items, close);
  }

  // Photos chosen in "Chèn ảnh vào bài" become figure lines at the end of the body (the figure's caption
  // is the Markdown title, plugins/vn_news/figures.py); the list itself is never written to the file.
  function insertPhotos(data) {
    var photos = data.get("insert_photos");
    if (!photos || !photos.size) return data;
    var body = (data.get("body") || "").replace(/\s*$/, "");
    photos.forEach(function (item) {
      var photo = item && item.get && item.get("photo");
      if (!photo) return;
      var caption = (item.get("caption") || "").trim();
      var alt = caption || "Ảnh";
      body += "\n\n![" + alt.replace(/[\[\]]/g, "") + "](" + photo + (caption ? ' "' + caption.replace(/"/g, "'") + '"' : "") + ")";
    });
    return data.set("body", body + "\n").delete("insert_photos");
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get("data");
      var list = problems(data, entry.get("collection"));
      showProblems(list);
      if (list.length) throw list.join(" · ");
      return insertPhotos(data);
    },
  });

  // A photo above the site's limit is refused before it is sent, in the checker's words.
  window.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "file" || !input.files) return;
    var big = Array.prototype.filter.call(input.files, function (f) { return f.size > SITE.max_photo_bytes; })[0];
    if (!big) return;
    event.stopImmediatePropagation();
    input.value = "";
    var message = say("photo_too_large", {name: big.name, size: (big.size / 1048576).toFixed(1).replace(".", ","), limit: SITE.max_photo_mb});
    showProblems([message], "Ảnh chưa được tải lên:");
    window.alert(message);
  }, true);

  CMS.registerCustomFormat("pelican", "md", {fromFile: fromFile, toFile: toFile});

  // The publishing run's summary (CMS_REPORT_URL, e.g. the CI's page): where an editor sees whether the
  // article went out, and the build's messages when it did not. Only an http(s) address is linked.
  if (/^https?:\/\//i.test(SITE.report_url || "")) {
    var report = document.createElement("a");
    report.href = SITE.report_url;
    report.textContent = "Kết quả đăng trang";
    report.rel = "noopener";
    report.target = "_blank";
    report.id = "trangtin-report";
    document.body.appendChild(report);
  }

  // A site published without a git host (CMS_BACKEND) has an editor that can only reach make cms's
  // server on the editor's own PC: say so instead of a sign-in that fails in English.
  if (CONFIG.backend.name === "proxy" && !CONFIG.local_backend && !/^(localhost|127\.0\.0\.1)$/.test(location.hostname)) {
    showProblems(["Trang đăng tin này chưa được nối với máy chủ git (cài đặt CMS_BACKEND) — xem docs/dang-tin-trinh-duyet.md, "
      + "mục 2; trên máy của mình, chạy `make cms` rồi mở http://localhost:8000/admin/"], "Chưa dùng được ở đây:");
  }

  // The preview shows the article with the site's own stylesheet.
  if (SITE.stylesheet) CMS.registerPreviewStyle(new URL(SITE.stylesheet, location.href).href);

  // Decap's Vietnamese leaves a few buttons in English; and a failed save says why in our words.
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      if (typeof from[key] === "object") merge(into[key] = into[key] || {}, from[key]);
      else into[key] = from[key];
    });
    return into;
  }
  var vi = CMS.getLocale && CMS.getLocale("vi");
  if (vi) {
    CMS.registerLocale("vi", merge(vi, {
      ui: {toast: {onFailToPersist: "Chưa lưu được: %{details}"}},
      editor: {editorControl: {field: {optional: "không bắt buộc"}}, editorWidgets: {
        list: {add: "Thêm %{item}", addType: "Thêm %{item}"},
        image: {chooseUrl: "Chèn từ địa chỉ URL", replaceUrl: "Thay bằng địa chỉ URL", chooseMultiple: "Chọn các hình"},
        file: {chooseUrl: "Chèn từ địa chỉ URL", replaceUrl: "Thay bằng địa chỉ URL"},
      }},
    }));
  }
  window.TRANGTIN_FORMAT = {fromFile: fromFile, toFile: toFile, dateProblem: dateProblem};
  CMS.init({config: CONFIG});
})();
