// "Xem tin theo ngày" (partials/date_picker.html): without this file, a link to Lưu trữ. With it, the
// form reads one file, ngay.json (days with news, their counts, the archive URL patterns), and opens
// a day's archive only when that day has news; otherwise it says so here.
(function () {
  "use strict";

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) { text = "0" + text; }
    return text;
  }

  function isoDay(year, month, day) {
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
  }

  function label(iso) {
    // 2022-06-19 -> 19/6/2022, as everywhere on the site.
    var parts = iso.split("-");
    return Number(parts[2]) + "/" + Number(parts[1]) + "/" + Number(parts[0]);
  }

  function fillPattern(pattern, iso) {
    var parts = iso.split("-");
    return pattern.replace("{yyyy}", parts[0]).replace("{mm}", parts[1]).replace("{dd}", parts[2] || "");
  }

  function daysInMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  // What a reader pasted or typed, without any space (also no-break and thin spaces): " 19 " -> "19".
  function compact(text) {
    return String(text).replace(/[\s\u00a0\u2007\u202f\u200b]+/g, "");
  }

  // A whole date in one piece, as pasted from a text: "19/6/2022", "19 / 06 / 2022", "19-6-2022",
  // "19.6.2022" or "19 6 2022" -> {day, month, year} as typed; otherwise null.
  function splitDate(text) {
    var match = /^[\s\u00a0\u202f]*([0-9]{1,2})[\s\u00a0\u202f]*[\/.\-\s\u00a0\u202f][\s\u00a0\u202f]*([0-9]{1,2})[\s\u00a0\u202f]*[\/.\-\s\u00a0\u202f][\s\u00a0\u202f]*([0-9]{4})[\s\u00a0\u202f]*$/.exec(String(text));
    return match ? { day: match[1], month: match[2], year: match[3] } : null;
  }

  // Returns {error, field}, {iso} for a day, or {month: "yyyy-mm"} when the day is left blank
  // and the month and year are given. Fields hold what the reader typed.
  function validate(fields) {
    var names = { day: "ngày", month: "tháng", year: "năm" };
    var order = ["day", "month", "year"];
    var values = {};
    var whole = splitDate(fields.day.value);
    var raws = whole || { day: compact(fields.day.value), month: compact(fields.month.value), year: compact(fields.year.value) };
    var wholeMonth = raws.day === "" && raws.month !== "" && raws.year !== "";
    for (var i = 0; i < order.length; i++) {
      var key = order[i];
      var raw = raws[key];
      if (raw === "" && key === "day" && wholeMonth) { continue; }
      if (raw === "") {
        return { field: key, error: "Hãy nhập " + names[key] + ": cần đủ ngày, tháng và năm, ví dụ 19/6/2022." };
      }
      if (!/^[0-9]+$/.test(raw)) {
        return { field: key, error: "Ô " + names[key] + " chỉ được có chữ số (bạn đã nhập “" + raw + "”)." };
      }
      values[key] = Number(raw);
    }
    var typed = wholeMonth ? values.month + "/" + values.year : values.day + "/" + values.month + "/" + values.year;
    if (raws.year.length !== 4 || values.year < 1000) {
      return { field: "year", error: "Ngày " + typed + " không hợp lệ: năm cần đủ 4 chữ số, ví dụ 2022." };
    }
    if (values.month < 1 || values.month > 12) {
      return { field: "month", error: "Ngày " + typed + " không hợp lệ: tháng phải từ 1 đến 12." };
    }
    if (wholeMonth) { return { month: pad(values.year, 4) + "-" + pad(values.month, 2) }; }
    var last = daysInMonth(values.year, values.month);
    if (values.day < 1 || values.day > last) {
      return {
        field: "day",
        error: "Ngày " + typed + " không có thật: tháng " + values.month + "/" + values.year + " chỉ có " + last + " ngày."
      };
    }
    return { iso: isoDay(values.year, values.month, values.day) };
  }

  // The nearest days with news before and after `iso` (days are sorted ISO strings).
  function nearest(sortedDays, iso) {
    var low = 0;
    var high = sortedDays.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sortedDays[middle] < iso) { low = middle + 1; } else { high = middle; }
    }
    return {
      earlier: low > 0 ? sortedDays[low - 1] : null,
      later: low < sortedDays.length ? (sortedDays[low] === iso ? sortedDays[low + 1] || null : sortedDays[low]) : null
    };
  }

  function setup(form) {
    var section = form.closest(".date-picker");
    var fallback = section ? section.querySelector(".picker-fallback") : null;
    var message = form.querySelector(".picker-message");
    var fields = {
      day: form.querySelector("[name=ngay]"),
      month: form.querySelector("[name=thang]"),
      year: form.querySelector("[name=nam]")
    };
    var root = new URL(form.getAttribute("data-root"), document.baseURI);
    var manifestUrl = new URL(form.getAttribute("data-manifest"), document.baseURI);
    var manifest = null;

    function loadManifest() {
      if (!manifest) {
        manifest = fetch(manifestUrl.href, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) { throw new Error("HTTP " + response.status); }
            return response.json();
          })
          .then(function (data) {
            data.sortedDays = Object.keys(data.days || {}).sort();
            return data;
          });
        manifest.catch(function () { manifest = null; });  // try again on the next submit
      }
      return manifest;
    }

    function link(href, text) {
      var anchor = document.createElement("a");
      anchor.href = href;
      anchor.textContent = text;
      return anchor;
    }

    function clearState() {
      message.textContent = "";
      message.className = "picker-message";
      Object.keys(fields).forEach(function (key) {
        fields[key].removeAttribute("aria-invalid");
        fields[key].removeAttribute("aria-describedby");
      });
    }

    function showError(result) {
      message.className = "picker-message picker-error";
      var text = document.createElement("p");
      text.textContent = result.error;
      message.appendChild(text);
      var field = fields[result.field];
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", message.id);
      field.focus();
      field.select();
    }

    // "Không có tin …", then links to the nearest earlier and later days with news.
    function sayNoNews(data, sentence, earlier, later) {
      message.className = "picker-message picker-empty";
      var text = document.createElement("p");
      text.textContent = sentence + (data.sortedDays.length ? "" : " Trang chưa có tin nào.");
      message.appendChild(text);
      var list = document.createElement("ul");
      [[earlier, "picker-earlier", "Ngày gần nhất trước đó có tin: "], [later, "picker-later", "Ngày gần nhất sau đó có tin: "]]
        .forEach(function (row) {
          if (!row[0]) { return; }
          var item = document.createElement("li");
          item.className = row[1];
          item.appendChild(document.createTextNode(row[2]));
          item.appendChild(link(new URL(fillPattern(data.day_url, row[0]), root).href, label(row[0]) + " (" + data.days[row[0]] + " tin)"));
          list.appendChild(item);
        });
      return list;  // the caller appends it once it knows whether it has items
    }

    function showNoNews(data, iso) {
      var around = nearest(data.sortedDays, iso);
      var list = sayNoNews(data, "Không có tin nào được đăng ngày " + label(iso) + ".", around.earlier, around.later);
      var month = iso.slice(0, 7);
      var inMonth = monthCount(data, month);
      if (inMonth > 0) {
        var item = document.createElement("li");
        item.className = "picker-month";
        var parts = month.split("-");
        item.appendChild(link(new URL(fillPattern(data.month_url, month), root).href,
          "Xem tin tháng " + Number(parts[1]) + "/" + parts[0] + " (" + inMonth + " tin)"));
        list.appendChild(item);
      }
      if (list.childNodes.length) { message.appendChild(list); }
    }

    function monthCount(data, month) {
      var count = 0;
      data.sortedDays.forEach(function (day) {
        if (day.slice(0, 7) === month) { count += data.days[day]; }
      });
      return count;
    }

    // A blank day: the month's archive when it has news; otherwise say so and offer the nearest days.
    function openMonth(data, month) {
      if (monthCount(data, month) > 0) {
        window.location.assign(new URL(fillPattern(data.month_url, month), root).href);
        return;
      }
      var parts = month.split("-");
      var around = nearest(data.sortedDays, month + "-01");
      var list = sayNoNews(data, "Không có tin nào được đăng trong tháng " + Number(parts[1]) + "/" + parts[0] + ".", around.earlier, around.later);
      if (list.childNodes.length) { message.appendChild(list); }
    }

    function showUnavailable() {
      message.className = "picker-message picker-error";
      var text = document.createElement("p");
      text.appendChild(document.createTextNode("Chưa tải được danh sách ngày có tin. Mời bạn thử lại, hoặc chọn ngày trong "));
      text.appendChild(link(new URL(form.getAttribute("data-index"), document.baseURI).href, "trang Lưu trữ"));
      text.appendChild(document.createTextNode("."));
      message.appendChild(text);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearState();
      var result = validate(fields);
      if (result.error) {
        showError(result);
        return;
      }
      loadManifest().then(function (data) {
        if (result.month) {
          openMonth(data, result.month);
        } else if (data.days && data.days[result.iso]) {
          window.location.assign(new URL(fillPattern(data.day_url, result.iso), root).href);
        } else {
          showNoNews(data, result.iso);
        }
      }, function () {
        showUnavailable();
      });
    });

    // A whole date pasted into any field fills the three fields.
    Object.keys(fields).forEach(function (key) {
      fields[key].addEventListener("paste", function (event) {
        var text = (event.clipboardData || window.clipboardData || { getData: function () { return ""; } }).getData("text");
        var whole = splitDate(text);
        if (!whole) { return; }
        event.preventDefault();
        fields.day.value = String(Number(whole.day));
        fields.month.value = String(Number(whole.month));
        fields.year.value = whole.year;
        clearState();
      });
    });

    // Typing again clears an error that no longer applies to what is on screen.
    Object.keys(fields).forEach(function (key) {
      fields[key].addEventListener("input", function () {
        if (fields[key].getAttribute("aria-invalid")) { clearState(); }
      });
    });

    form.hidden = false;
    if (fallback) { fallback.hidden = true; }
  }

  // For the tests that run one table through this script and Python's vn_core.vietnamese.short_date.
  window.VnDatePicker = { label: label, splitDate: splitDate, compact: compact };

  if (!("fetch" in window) || !("URL" in window)) { return; }  // old browsers keep the link
  document.querySelectorAll("form.date-picker-form").forEach(setup);
})();
