// askwinston: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function highlightFromQuery() {
    var m = /[?&]hl=(\d+)/.exec(window.location.search);
    if (!m) { return; }
    var line = document.getElementById("L" + m[1]);
    if (line) {
      line.classList.add("hl");
      if (!window.location.hash) { line.scrollIntoView({ block: "center" }); }
    }
  }

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" && t.type !== "radio" || t.tagName === "TEXTAREA");
  }

  function studyKeys() {
    var options = document.querySelector("form[data-keys='options']");
    var ratings = document.querySelector("form[data-keys='ratings']");
    var started = document.querySelector("input.started");
    if (started) { started.value = String(Date.now()); }
    var duration = document.querySelector("input.duration");
    if (ratings && duration) {
      ratings.addEventListener("submit", function () {
        var from = parseInt(duration.getAttribute("data-started") || "", 10);
        if (from > 0) { duration.value = String(Math.max(0, Date.now() - from)); }
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
      var n = parseInt(event.key, 10);
      if (options && n >= 1 && n <= 9) {
        var radio = document.getElementById("opt" + n);
        if (radio) { radio.checked = true; radio.focus(); event.preventDefault(); }
      } else if (options && event.key === "Enter" && options.querySelector("input:checked")) {
        event.preventDefault();
        options.requestSubmit();
      } else if (ratings && n >= 1 && n <= 4) {
        var button = ratings.querySelector("button[value='" + n + "']");
        if (button) { event.preventDefault(); ratings.requestSubmit(button); }
      }
    });
  }

  var SMALL = ("a an the of in on at to and or for by was were is are did do does who what when " +
    "where why how which whom whose had has have be been it its he she they them his her their " +
    "this that with from as").split(" ");

  function words(text) {
    return (text.toLowerCase().match(/[a-z0-9]+/g) || []).filter(function (w) {
      return SMALL.indexOf(w) < 0;
    });
  }

  function near(a, b) {
    if (a === b) { return 1; }
    if (a.length > 3 && b.length > 3 && (a.indexOf(b) === 0 || b.indexOf(a) === 0)) { return 0.8; }
    return a.length > 4 && a.slice(0, 4) === b.slice(0, 4) ? 0.5 : 0;
  }

  function offlineAsk() {
    var form = document.getElementById("offline-ask");
    var data = document.getElementById("sentences");
    var out = document.getElementById("offline-results");
    if (!form || !data || !out) { return; }
    var sentences = JSON.parse(data.textContent || "[]");
    var pages = JSON.parse(data.getAttribute("data-pages") || "{}");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = words(document.getElementById("q").value);
      var scored = sentences.map(function (s) {
        var w = words(s[2]);
        var score = q.reduce(function (sum, qw) {
          return sum + w.reduce(function (best, sw) { return Math.max(best, near(qw, sw)); }, 0);
        }, 0);
        return { s: s, score: q.length ? score / q.length : 0 };
      }).filter(function (r) { return r.score >= 0.5; });
      scored.sort(function (a, b) { return b.score - a.score; });
      out.textContent = "";
      var h = document.createElement("h2");
      h.textContent = scored.length ? "Best matches in your notes" : "The notes don't say.";
      out.appendChild(h);
      scored.slice(0, 3).forEach(function (r) {
        var p = document.createElement("p");
        p.className = "hit";
        var mark = document.createElement("mark");
        mark.textContent = r.s[2];
        var a = document.createElement("a");
        a.href = (pages[r.s[0]] || "index.html") + "?hl=" + r.s[1] + "#L" + r.s[1];
        a.textContent = "line " + r.s[1];
        p.appendChild(mark);
        p.appendChild(document.createTextNode(" — "));
        p.appendChild(a);
        out.appendChild(p);
      });
    });
  }

  highlightFromQuery();
  studyKeys();
  offlineAsk();
}());
