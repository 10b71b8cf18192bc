namespace EvalSpec.Reporting.Reports;

/// <summary>
/// The style sheet and script of <c>report.html</c>'s row explorer, matrix, baseline diff and history (written for
/// EvalSpec; no library). The script reads the index (<c>#evalspec-rows</c>) when the page opens and the transcripts
/// (<c>#evalspec-transcripts</c>) when a row is first opened or searched; the rows table and the matrix draw only the
/// rows in sight, so a run of tens of thousands of rows opens at once. Run data enters the page only as text
/// (<c>textContent</c>, attributes), never as markup. The view and its filters live in the address
/// (<c>report.html#rows?outcome=fail&amp;row=...</c>), so a view or a row can be linked to.
/// </summary>
internal static class HtmlExplorerAssets
{
    public const string Style = """
        [hidden] { display: none !important; }
        nav.tabs { display: flex; gap: 4px; padding: 0 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; position: sticky; top: 0; z-index: 5; }
        nav.tabs a { padding: 8px 14px; color: var(--muted); text-decoration: none; border-bottom: 2px solid transparent; }
        nav.tabs a.active { color: #1f2328; border-bottom-color: var(--bar); font-weight: 600; }
        nav.tabs .count { color: var(--muted); font-weight: normal; }
        .filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 12px 0 6px; }
        .filters select, .filters input[type=search], .filters button { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .filters input[type=search] { min-width: 260px; flex: 1; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; line-height: 18px; border: 1px solid transparent; white-space: nowrap; }
        .badge.o-pass, .badge.v-pass { background: #dafbe1; color: #116329; }
        .badge.o-fail, .badge.v-fail { background: #ffebe9; color: #a40e26; }
        .badge.o-inconclusive, .badge.v-inconclusive { background: #fff8c5; color: #7d4e00; }
        .badge.v-errored { background: #fff8c5; color: #7d4e00; border-color: var(--warn); }
        .badge.o-na { background: #eaeef2; color: var(--muted); }
        .badge.known { background: #fff1e5; color: #953800; margin-left: 4px; }
        .badge.change { background: #ddf4ff; color: #0a3069; }
        .badge.change.c-1, .badge.change.c-3 { background: #ffebe9; color: #a40e26; }
        .badge.change.c-2 { background: #dafbe1; color: #116329; }
        .grid { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; font-size: 13px; }
        .grid-row { display: grid; grid-template-columns: 128px minmax(150px, 1.4fr) minmax(70px, 1fr) minmax(70px, 0.8fr) minmax(80px, 0.9fr) 56px 84px 76px 84px 128px minmax(160px, 3fr); height: 28px; align-items: center; border-bottom: 1px solid #eaeef2; cursor: pointer; }
        .grid-row > div { padding: 0 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .grid-row:hover { background: #f6f8fa; }
        .grid-row.selected { background: #ddf4ff; }
        .grid-head { background: #f6f8fa; font-weight: 600; cursor: default; }
        .grid-head .sortable { cursor: pointer; }
        .grid-head .sorted::after { content: " \25B2"; font-size: 10px; }
        .grid-head .sorted.desc::after { content: " \25BC"; }
        .grid-body { height: calc(100vh - 230px); min-height: 240px; }
        .v-host { position: relative; overflow: auto; }
        .v-layer { position: absolute; top: 0; left: 0; right: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .reason { color: var(--muted); }
        .dots { display: flex; gap: 3px; }
        .dot { width: 9px; height: 9px; border-radius: 50%; display: inline-block; background: #d0d7de; }
        .dot.v-pass { background: var(--pass); } .dot.v-fail { background: var(--fail); } .dot.v-inconclusive { background: #d4a72c; } .dot.v-errored { background: #fff; border: 2px solid var(--warn); }
        body.drawer-open main { margin-right: min(760px, 58vw); }
        aside.drawer { position: fixed; top: 0; right: 0; bottom: 0; width: min(760px, 58vw); background: #fff; border-left: 1px solid var(--line); box-shadow: -4px 0 16px rgba(31, 35, 40, .12); display: flex; flex-direction: column; z-index: 10; }
        .drawer-bar { display: flex; gap: 6px; align-items: center; padding: 8px 12px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
        .drawer-bar h2 { flex: 1; margin: 0; border: 0; padding: 0; font-size: 15px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .drawer-bar button { font: inherit; font-size: 13px; border: 1px solid var(--line); border-radius: 6px; background: #fff; padding: 2px 8px; cursor: pointer; }
        #transcript-body { overflow: auto; padding: 8px 16px 32px; }
        .t-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
        .row-id { width: 100%; font-size: 12px; }
        .t-reason { background: #f6f8fa; border-left: 3px solid var(--line); padding: 6px 10px; margin: 6px 0; white-space: pre-wrap; }
        .t-section h3 { font-size: 14px; margin: 18px 0 6px; border-bottom: 1px solid var(--line); padding-bottom: 3px; }
        .t-section h4 { font-size: 13px; margin: 10px 0 4px; }
        pre.text { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; border: 1px solid #eaeef2; border-radius: 6px; padding: 6px 8px; margin: 4px 0; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; max-height: 420px; overflow: auto; }
        del { background: #ffd7d5; color: #82071e; text-decoration: line-through; }
        ins { background: #ccffd8; color: #055d20; text-decoration: none; }
        .diff { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
        .diff > p { grid-column: 1 / -1; margin: 0; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
        .side { min-width: 0; }
        .side-title { font-size: 12px; color: var(--muted); margin-top: 4px; }
        table.kv th { font-weight: 600; background: none; }
        table.verdicts, table.trials { width: 100%; font-size: 12px; }
        .verdict-reason { min-width: 240px; }
        .usage { font-size: 11px; color: var(--muted); white-space: nowrap; }
        .judge-name { font-weight: 600; }
        .model { font-size: 11px; }
        details.raw summary { cursor: pointer; color: var(--muted); font-size: 12px; }
        .check { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
        .rationale { margin: 4px 0; white-space: pre-wrap; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; min-width: 0; word-break: break-word; }
        ol.tool-calls { padding-left: 20px; }
        .tool-name { font-weight: 600; }
        .legend { display: inline-flex; gap: 10px; margin-left: 12px; font-size: 12px; color: var(--muted); align-items: center; }
        .legend .cell { display: inline-block; vertical-align: middle; }
        .m-method h3 { font-size: 15px; margin: 18px 0 6px; }
        .m-scroll { overflow-x: auto; }
        .m-row { display: grid; align-items: center; height: 16px; }
        .m-groups, .m-heads { height: auto; }
        .m-variant { font-size: 11px; font-weight: 600; border-bottom: 2px solid var(--bar); margin: 0 1px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .m-relation { height: 96px; display: flex; align-items: flex-end; justify-content: center; }
        .m-relation span { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 11px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-height: 94px; }
        .m-case { font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-right: 6px; }
        .m-pass { font-size: 11px; color: var(--muted); padding-left: 6px; }
        .m-body { position: relative; }
        .cell { width: 14px; height: 14px; margin: 1px; border-radius: 2px; }
        .cell.o-pass { background: var(--pass); } .cell.o-fail { background: var(--fail); } .cell.o-inconclusive { background: #d4a72c; } .cell.o-na { background: #eaeef2; }
        .cell.none { background: repeating-linear-gradient(45deg, #fff, #fff 2px, #eaeef2 2px, #eaeef2 4px); }
        .cell.known { background: repeating-linear-gradient(45deg, var(--fail), var(--fail) 3px, #f0b72f 3px, #f0b72f 6px); }
        .cell.regressed { outline: 2px solid #1f2328; outline-offset: -2px; }
        .cell[role=button] { cursor: pointer; }
        .cell[role=button]:hover { outline: 2px solid var(--bar); outline-offset: 0; }
        .m-foot { height: 18px; }
        .m-rate { height: 14px; margin: 1px; border-radius: 2px; }
        .change-item { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        .change-title { margin-bottom: 4px; }
        main { max-width: 1680px; }
        button.more { font: inherit; margin: 6px 0; }
        .sparks { display: flex; gap: 18px; flex-wrap: wrap; }
        svg.spark .spark-line { fill: none; stroke: var(--bar); stroke-width: 2; }
        svg.spark .spark-point { fill: var(--bar); }
        svg.spark .spark-point.current { fill: #fff; stroke: var(--bar); stroke-width: 2; }
        svg.spark .axis { font-size: 11px; fill: var(--muted); }
        svg.spark .axis-line { stroke: var(--line); }
        .history-method h3 { font-size: 14px; margin: 16px 0 4px; }
        """;

    public const string Script = """
        (function () {
          "use strict";
          // Every piece of run data reaches the page through textContent or setAttribute, never as markup.
          var started = performance.now();
          var X = JSON.parse(document.getElementById("evalspec-rows").textContent);
          var D = JSON.parse(document.getElementById("evalspec-data").textContent);
          var S = X.s, N = X.n;
          var parsedAt = performance.now();
          var OUT = ["pass", "fail", "inconclusive", "not applicable"];
          var OUT_CLASS = ["pass", "fail", "inconclusive", "na"];
          var VERDICT = ["pass", "fail", "inconclusive", "errored"];
          var CHANGE = ["", "stopped passing", "started passing", "fails differently", "other change", "new row"];
          var CHANGE_ORDER = [1, 3, 4, 2, 5];
          var ROW = 28, CELL = 16;
          var T = null; // the transcripts, read on first use

          function h(tag, attrs) {
            var e = document.createElement(tag);
            if (attrs) {
              for (var k in attrs) {
                var v = attrs[k];
                if (v === null || v === undefined || v === false) { continue; }
                if (k === "text") { e.textContent = v; }
                else if (k === "class") { e.className = v; }
                else if (k.lastIndexOf("on", 0) === 0) { e.addEventListener(k.slice(2), v); }
                else { e.setAttribute(k, v === true ? "" : String(v)); }
              }
            }
            for (var i = 2; i < arguments.length; i++) { add(e, arguments[i]); }
            return e;
          }
          function add(e, child) {
            if (child === null || child === undefined || child === false) { return; }
            if (Array.isArray(child)) { child.forEach(function (c) { add(e, c); }); return; }
            e.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
          }
          function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
          function str(i) { return i === undefined || i === null || i < 0 ? null : S[i]; }
          function tstr(i) { return i === undefined || i === null || i < 0 ? null : T.s[i]; }
          function shortMethod(id) {
            var m = id.lastIndexOf(".");
            var t = m <= 0 ? -1 : id.lastIndexOf(".", m - 1);
            return t < 0 ? id : id.slice(t + 1);
          }
          function display(i) {
            var r = S[X.r[i]];
            return shortMethod(S[X.m[i]]) + " [" + S[X.c[i]] + " \u00b7 " + S[X.v[i]] + (r === "identity" ? "" : " \u00b7 " + r) + "]";
          }
          function fixed(v, d) { return v === null || v === undefined ? "\u2013" : Number(v).toFixed(d); }
          function ms(v) { return v === null || v === undefined ? "\u2013" : (v >= 100 ? Math.round(v).toLocaleString("en-US") : Number(v).toFixed(1)) + " ms"; }
          function dollars(v) {
            if (v === null || v === undefined) { return "\u2013"; }
            // A judge call costs fractions of a cent: keep two significant digits rather than print $0.0000.
            return "$" + (v !== 0 && Math.abs(v) < 0.001 ? v.toFixed(Math.min(12, 1 - Math.floor(Math.log10(Math.abs(v))))) : Math.abs(v) < 1 ? v.toFixed(4) : v.toFixed(2));
          }
          function count(v) { return Number(v).toLocaleString("en-US"); }
          function badge(code, extra) { return h("span", { "class": "badge o-" + OUT_CLASS[code] + (extra ? " " + extra : ""), text: OUT[code] }); }
          // The transcripts come after this script in the page: until the browser has read them, work that needs them waits.
          function transcripts() {
            if (T === null && document.readyState !== "loading") {
              var node = document.getElementById("evalspec-transcripts");
              T = node ? JSON.parse(node.textContent) : { s: [], rows: [] };
            }
            return T;
          }
          function withTranscripts(work) {
            if (transcripts() !== null) { work(); } else { document.addEventListener("DOMContentLoaded", function () { transcripts(); work(); }); }
          }

          // ---- distinct values for the filters ----
          function distinct(column, filter) {
            var seen = {}, list = [];
            for (var i = 0; i < N; i++) {
              var v = column[i];
              if (v < 0 || seen[v] || (filter && !filter(i))) { continue; }
              seen[v] = true;
              list.push(v);
            }
            return list.sort(function (a, b) { return S[a] < S[b] ? -1 : S[a] > S[b] ? 1 : 0; });
          }
          var judgeIds = (function () {
            var seen = {}, list = [];
            X.j.forEach(function (vs) { vs.forEach(function (x) { var j = x >> 2; if (!seen[j]) { seen[j] = true; list.push(j); } }); });
            return list.sort(function (a, b) { return S[a] < S[b] ? -1 : 1; });
          })();
          var changed = 0;
          for (var ci = 0; ci < N; ci++) { if (X.ch[ci] !== 0) { changed++; } }
          var hasBaseline = D.baseline === true || changed > 0;

          // ---- state, kept in the address (#rows?outcome=fail&row=...) so a view can be shared ----
          var FILTERS = ["outcome", "method", "variant", "relation", "case", "judge", "verdict", "known", "change", "q", "sort"];
          var state = { view: "summary", row: null, mmethod: "", msort: "id", mfail: "" };
          FILTERS.forEach(function (f) { state[f] = ""; });
          function readHash() {
            var hash = location.hash.slice(1);
            var q = hash.indexOf("?");
            var view = q < 0 ? hash : hash.slice(0, q);
            var params = new URLSearchParams(q < 0 ? "" : hash.slice(q + 1));
            state.view = ["summary", "rows", "matrix", "changes", "history"].indexOf(view) >= 0 ? view : "summary";
            FILTERS.concat(["mmethod", "msort", "mfail"]).forEach(function (f) { state[f] = params.get(f) || ""; });
            state.row = params.get("row");
          }
          function writeHash() {
            var params = new URLSearchParams();
            var keys = state.view === "rows" ? FILTERS : state.view === "matrix" ? ["mmethod", "msort", "mfail"] : [];
            keys.forEach(function (f) { if (state[f]) { params.set(f, state[f]); } });
            if (state.row !== null) { params.set("row", state.row); }
            var text = params.toString();
            var hash = "#" + state.view + (text ? "?" + text : "");
            if (location.hash !== hash) { history.replaceState(null, "", hash); }
          }

          // ---- tabs ----
          var views = {};
          ["summary", "rows", "matrix", "changes", "history"].forEach(function (v) { views[v] = document.getElementById("view-" + v); });
          var tabs = document.querySelectorAll("#tabs a[data-view]");
          function show(view) {
            if (!views[view]) { view = "summary"; }
            state.view = view;
            for (var v in views) { if (views[v]) { views[v].hidden = v !== view; } }
            Array.prototype.forEach.call(tabs, function (a) { a.classList.toggle("active", a.getAttribute("data-view") === view); a.setAttribute("aria-selected", a.getAttribute("data-view") === view ? "true" : "false"); });
            if (view === "rows") { Explorer.show(); }
            if (view === "matrix") { Matrix.show(); }
            if (view === "changes") { Changes.show(); }
            if (view === "history") { History.show(); }
            writeHash();
          }
          Array.prototype.forEach.call(tabs, function (a) {
            a.addEventListener("click", function (e) { e.preventDefault(); show(a.getAttribute("data-view")); });
          });

          // ---- a list that renders only the rows in sight ----
          function VirtualList(host, rowHeight, renderRow) {
            var spacer = h("div", { "class": "v-spacer" });
            var layer = h("div", { "class": "v-layer" });
            host.classList.add("v-host");
            host.appendChild(spacer);
            host.appendChild(layer);
            var items = [], first = -1, last = -1, frame = 0;
            function draw(force) {
              frame = 0;
              var top = host.scrollTop, height = host.clientHeight || 600;
              var from = Math.max(0, Math.floor(top / rowHeight) - 10);
              var to = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 10);
              if (!force && from === first && to === last) { return; }
              first = from; last = to;
              clear(layer);
              layer.style.transform = "translateY(" + (from * rowHeight) + "px)";
              var fragment = document.createDocumentFragment();
              for (var k = from; k < to; k++) { fragment.appendChild(renderRow(items[k], k)); }
              layer.appendChild(fragment);
            }
            host.addEventListener("scroll", function () { if (!frame) { frame = requestAnimationFrame(function () { draw(false); }); } });
            return {
              set: function (list) { items = list; spacer.style.height = (list.length * rowHeight) + "px"; draw(true); },
              redraw: function () { draw(true); },
              scrollTo: function (k) {
                var top = k * rowHeight;
                if (top < host.scrollTop || top + rowHeight > host.scrollTop + host.clientHeight) { host.scrollTop = Math.max(0, top - host.clientHeight / 2); }
                draw(true);
              }
            };
          }

          // ---- diff of two texts, by words ----
          function tokens(text) { return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) || []; }
          function diff(a, b) {
            var x = tokens(a), y = tokens(b), pre = 0, suf = 0;
            while (pre < x.length && pre < y.length && x[pre] === y[pre]) { pre++; }
            while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) { suf++; }
            var xs = x.slice(pre, x.length - suf), ys = y.slice(pre, y.length - suf);
            var n = xs.length, m = ys.length, ops = [];
            if (pre) { ops.push(["=", x.slice(0, pre).join("")]); }
            if (n * m > 4000000) { return null; }
            var L = new Uint16Array((n + 1) * (m + 1)), w = m + 1;
            for (var i = n - 1; i >= 0; i--) {
              for (var j = m - 1; j >= 0; j--) {
                L[i * w + j] = xs[i] === ys[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
              }
            }
            function push(op, t) { var l = ops[ops.length - 1]; if (l && l[0] === op) { l[1] += t; } else { ops.push([op, t]); } }
            i = 0; j = 0;
            while (i < n && j < m) {
              if (xs[i] === ys[j]) { push("=", xs[i]); i++; j++; }
              else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) { push("-", xs[i]); i++; }
              else { push("+", ys[j]); j++; }
            }
            while (i < n) { push("-", xs[i++]); }
            while (j < m) { push("+", ys[j++]); }
            if (suf) { push("=", x.slice(x.length - suf).join("")); }
            return ops;
          }
          // Two texts side by side, each marking what the other lacks.
          function diffView(leftTitle, left, rightTitle, right) {
            var ops = left !== null && right !== null ? diff(left, right) : null;
            var a = h("pre", { "class": "text side-text" }), b = h("pre", { "class": "text side-text" });
            if (ops === null) {
              a.textContent = left === null ? "(none)" : left;
              b.textContent = right === null ? "(none)" : right;
            } else {
              ops.forEach(function (op) {
                if (op[0] !== "+") { a.appendChild(op[0] === "=" ? document.createTextNode(op[1]) : h("del", { text: op[1] })); }
                if (op[0] !== "-") { b.appendChild(op[0] === "=" ? document.createTextNode(op[1]) : h("ins", { text: op[1] })); }
              });
            }
            var same = ops !== null && ops.length <= 1 && (ops.length === 0 || ops[0][0] === "=");
            return h("div", { "class": "diff" + (same ? " same" : "") },
              h("div", { "class": "side" }, h("div", { "class": "side-title", text: leftTitle }), a),
              h("div", { "class": "side" }, h("div", { "class": "side-title", text: rightTitle + (same ? " (identical)" : "") }), b),
              ops === null && left !== null && right !== null ? h("p", { "class": "muted", text: "Too long to compare word by word: both shown whole." }) : null);
          }

          // ---- the row explorer ----
          var Explorer = (function () {
            var view = views.rows, list, visible = [], countNode, selects = {}, hay = null, ready = false;
            function options(name, label, values, text) {
              var select = h("select", { id: "filter-" + name, "aria-label": label, "data-filter": name },
                h("option", { value: "", text: label + ": all" }),
                values.map(function (v) { return h("option", { value: v[0], text: v[1] }); }));
              select.addEventListener("change", function () { state[name] = select.value; apply(); });
              selects[name] = select;
              return select;
            }
            function build() {
              var methods = distinct(X.m), variants = distinct(X.v), relations = distinct(X.r), cases = distinct(X.c);
              var search = h("input", { id: "filter-q", type: "search", placeholder: "Search prompts, outputs, reasons\u2026", "aria-label": "Search" });
              var timer = 0;
              search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { state.q = search.value; apply(); }, 150); });
              selects.q = search;
              var bar = h("div", { "class": "filters" },
                options("outcome", "Outcome", [["pass", "pass"], ["fail", "fail"], ["new-fail", "fail, not known"], ["inconclusive", "inconclusive"], ["na", "not applicable"]]),
                options("method", "Method", methods.map(function (m) { return [S[m], shortMethod(S[m])]; })),
                options("variant", "Variant", variants.map(function (v) { return [S[v], S[v]]; })),
                options("relation", "Relation", relations.map(function (r) { return [S[r], S[r]]; })),
                options("case", "Case", cases.map(function (c) { return [S[c], S[c]]; })),
                options("judge", "Judge", judgeIds.map(function (j) { return [S[j], S[j]]; })),
                options("verdict", "Its verdict", [["pass", "pass"], ["fail", "fail"], ["inconclusive", "inconclusive"], ["errored", "errored"]]),
                options("known", "Known failure", [["yes", "known failures only"], ["no", "not known failures"]]),
                hasBaseline ? options("change", "Since baseline", [["changed", "changed"], ["stopped", "stopped passing"], ["started", "started passing"], ["differs", "fails differently"], ["new", "new rows"], ["same", "unchanged"]]) : null,
                search,
                h("button", { type: "button", id: "filter-reset", text: "Reset", onclick: function () { FILTERS.forEach(function (f) { state[f] = ""; }); sync(); apply(); } }));
              countNode = h("div", { "class": "muted", id: "rows-count", "aria-live": "polite" });
              var columns = [["outcome", "Outcome"], ["id", "Method"], [null, "Case"], [null, "Variant"], [null, "Relation"], ["score", "Score"], [null, "Judges"], ["latency", "Latency"], ["cost", D.priced ? "Cost" : "Judge tokens"], [null, "Baseline"], [null, "Reason"]];
              var head = h("div", { "class": "grid-row grid-head", role: "row" }, columns.map(function (c) {
                return h("div", { role: "columnheader", "class": c[0] ? "sortable" : null, "data-sort": c[0], text: c[1], onclick: c[0] ? function () { state.sort = state.sort === c[0] ? c[0] + "-desc" : c[0]; apply(); } : null });
              }));
              var body = h("div", { "class": "grid-body", id: "rows-body", role: "rowgroup" });
              view.appendChild(bar);
              view.appendChild(countNode);
              view.appendChild(h("div", { "class": "grid", id: "rows-table", role: "table", "aria-label": "Rows" }, head, body));
              list = VirtualList(body, ROW, renderRow);
              ready = true;
            }
            function sync() { for (var f in selects) { selects[f].value = state[f] || ""; } }
            function renderRow(i) {
              var judges = h("div", { "class": "dots" });
              X.j[i].forEach(function (x) { judges.appendChild(h("span", { "class": "dot v-" + VERDICT[x & 3], title: S[x >> 2] + ": " + VERDICT[x & 3] })); });
              var change = X.ch[i];
              return h("div", { "class": "grid-row o-" + OUT_CLASS[X.o[i]] + (state.row === S[X.id[i]] ? " selected" : ""), role: "row", "data-index": i, "data-row-id": S[X.id[i]], onclick: function () { open(i); } },
                h("div", { role: "cell" }, badge(X.o[i]), X.kf[i] ? h("span", { "class": "badge known", title: "a known failure: the baseline records this very failure", text: "known" }) : null),
                h("div", { role: "cell", title: S[X.m[i]], text: shortMethod(S[X.m[i]]) }),
                h("div", { role: "cell", title: S[X.c[i]], text: S[X.c[i]] }),
                h("div", { role: "cell", text: S[X.v[i]] }),
                h("div", { role: "cell", text: S[X.r[i]] }),
                h("div", { role: "cell", "class": "num", text: fixed(X.sc[i], 3) }),
                h("div", { role: "cell" }, judges),
                h("div", { role: "cell", "class": "num", text: ms(X.ms[i]) }),
                h("div", { role: "cell", "class": "num", text: D.priced ? dollars(X.cost[i]) : (X.tok[i] ? count(X.tok[i]) : "\u2013") }),
                h("div", { role: "cell" }, change ? h("span", { "class": "badge change c-" + change, text: CHANGE[change] }) : null),
                h("div", { role: "cell", "class": "reason", title: str(X.rs[i]) || "", text: str(X.rs[i]) || "" }));
            }
            function haystack(i) {
              var t = T.rows[i], parts = [S[X.id[i]], str(X.rs[i]) || ""];
              ["p", "fp", "ex", "out", "so", "rs"].forEach(function (k) { if (t[k] !== undefined) { parts.push(tstr(t[k])); } });
              (t.ck || []).forEach(function (c) { parts.push(tstr(c.ra)); c.v.forEach(function (v) { parts.push(tstr(v.ra)); if (v.raw !== undefined) { parts.push(tstr(v.raw)); } }); });
              (t.tr || []).forEach(function (tr) { if (tr.out !== undefined) { parts.push(tstr(tr.out)); } if (tr.rs !== undefined) { parts.push(tstr(tr.rs)); } });
              return parts.join("\n").toLowerCase();
            }
            function matches(i, f) {
              var o = X.o[i];
              if (f.outcome) {
                if (f.outcome === "pass" && o !== 0) { return false; }
                if (f.outcome === "fail" && o !== 1) { return false; }
                if (f.outcome === "new-fail" && (o !== 1 || X.kf[i])) { return false; }
                if (f.outcome === "inconclusive" && o !== 2) { return false; }
                if (f.outcome === "na" && o !== 3) { return false; }
              }
              if (f.method >= 0 && X.m[i] !== f.method) { return false; }
              if (f.variant >= 0 && X.v[i] !== f.variant) { return false; }
              if (f.relation >= 0 && X.r[i] !== f.relation) { return false; }
              if (f.kase >= 0 && X.c[i] !== f.kase) { return false; }
              if (f.judge >= 0 || f.verdict >= 0) {
                var found = false;
                X.j[i].forEach(function (x) { if ((f.judge < 0 || (x >> 2) === f.judge) && (f.verdict < 0 || (x & 3) === f.verdict)) { found = true; } });
                if (!found) { return false; }
              }
              if (f.known === "yes" && !X.kf[i]) { return false; }
              if (f.known === "no" && X.kf[i]) { return false; }
              var c = X.ch[i];
              if (f.change === "changed" && (c === 0 || c === 5)) { return false; }
              if (f.change === "stopped" && c !== 1) { return false; }
              if (f.change === "started" && c !== 2) { return false; }
              if (f.change === "differs" && c !== 3) { return false; }
              if (f.change === "new" && c !== 5) { return false; }
              if (f.change === "same" && c !== 0) { return false; }
              if (f.q) {
                if (!hay) { hay = new Array(N); }
                if (hay[i] === undefined) { hay[i] = haystack(i); }
                if (hay[i].indexOf(f.q) < 0) { return false; }
              }
              return true;
            }
            var index = {};
            S.forEach(function (s, k) { if (index[s] === undefined) { index[s] = k; } });
            function id(value) { return value ? (index[value] === undefined ? -2 : index[value]) : -1; }
            function compare(key) {
              var desc = /-desc$/.test(key), base = key.replace(/-desc$/, ""), sign = desc ? -1 : 1;
              var value = base === "outcome" ? function (i) { return [1, 2, 0, 3][X.o[i]] * 2 + (X.kf[i] ? 1 : 0); }
                : base === "score" ? function (i) { return X.sc[i] === null ? -1 : X.sc[i]; }
                : base === "latency" ? function (i) { return X.ms[i] === null ? -1 : X.ms[i]; }
                : base === "cost" ? function (i) { return D.priced ? (X.cost[i] === null ? -1 : X.cost[i]) : X.tok[i]; }
                : null;
              if (value === null) { return desc ? function (a, b) { return b - a; } : null; }
              return function (a, b) { var d = value(a) - value(b); return d !== 0 ? sign * d : a - b; };
            }
            function apply() {
              var f = {
                outcome: state.outcome, method: id(state.method), variant: id(state.variant), relation: id(state.relation), kase: id(state.case),
                judge: id(state.judge), verdict: ["pass", "fail", "inconclusive", "errored"].indexOf(state.verdict), known: state.known, change: state.change,
                q: state.q.trim().toLowerCase()
              };
              if (f.q && transcripts() === null) { countNode.textContent = "Searching\u2026"; withTranscripts(apply); return; }
              visible = [];
              for (var i = 0; i < N; i++) { if (matches(i, f)) { visible.push(i); } }
              var order = state.sort ? compare(state.sort) : null;
              if (order) { visible.sort(order); }
              countNode.textContent = (visible.length === N ? "All " + count(N) + " rows" : count(visible.length) + " of " + count(N) + " rows") + (f.q ? " matching \u201c" + state.q.trim() + "\u201d" : "");
              view.setAttribute("data-count", visible.length);
              Array.prototype.forEach.call(view.querySelectorAll("[data-sort]"), function (c) {
                var k = c.getAttribute("data-sort");
                c.classList.toggle("sorted", state.sort === k || state.sort === k + "-desc");
                c.classList.toggle("desc", state.sort === k + "-desc");
              });
              list.set(visible);
              writeHash();
            }
            return {
              show: function () { if (!ready) { build(); sync(); apply(); } else { sync(); list.redraw(); } },
              apply: function () { if (ready) { sync(); apply(); } },
              visible: function () { return ready ? visible : []; },
              select: function (i) { if (ready) { var k = visible.indexOf(i); if (k >= 0) { list.scrollTo(k); } else { list.redraw(); } } }
            };
          })();

          // ---- the transcript of one row ----
          var drawer = document.getElementById("transcript");
          var drawerBody = document.getElementById("transcript-body");
          var current = -1;
          function section(title, id) { return h("section", { "class": "t-section", "data-section": id }, h("h3", { text: title })); }
          function pre(text, cls) { return h("pre", { "class": "text" + (cls ? " " + cls : ""), text: text }); }
          function facts(pairs) {
            var dl = h("dl", { "class": "facts" });
            pairs.forEach(function (p) { if (p && p[1] !== null && p[1] !== undefined && p[1] !== "") { dl.appendChild(h("dt", { text: p[0] })); dl.appendChild(h("dd", {}, p[1])); } });
            return dl;
          }
          function pairTable(pairs, other) {
            var lookup = {};
            (other || []).forEach(function (p) { lookup[tstr(p[0])] = tstr(p[1]); });
            return h("table", { "class": "kv" }, h("tbody", {}, pairs.map(function (p) {
              var k = tstr(p[0]), v = tstr(p[1]), changedTo = other && lookup[k] !== undefined && lookup[k] !== v ? lookup[k] : null;
              return h("tr", {}, h("th", { text: k }), h("td", {}, changedTo === null ? v : [h("del", { text: v }), " \u2192 ", h("ins", { text: changedTo })]));
            })));
          }
          function open(i) {
            if (transcripts() === null) { withTranscripts(function () { open(i); }); return; }
            current = i;
            state.row = S[X.id[i]];
            drawer.hidden = false;
            document.body.classList.add("drawer-open");
            render(i);
            Explorer.select(i);
            writeHash();
          }
          function close() {
            drawer.hidden = true;
            document.body.classList.remove("drawer-open");
            current = -1;
            state.row = null;
            Explorer.select(-1);
            writeHash();
          }
          function step(delta) {
            var list = state.view === "rows" ? Explorer.visible() : [];
            var k = list.indexOf(current);
            if (k >= 0 && list[k + delta] !== undefined) { open(list[k + delta]); }
          }
          document.getElementById("transcript-close").addEventListener("click", close);
          document.getElementById("transcript-prev").addEventListener("click", function () { step(-1); });
          document.getElementById("transcript-next").addEventListener("click", function () { step(1); });
          document.addEventListener("keydown", function (e) {
            if (drawer.hidden || e.target.tagName === "INPUT" || e.target.tagName === "SELECT") { return; }
            if (e.key === "Escape") { close(); }
            if (e.key === "ArrowDown" || e.key === "j") { step(1); e.preventDefault(); }
            if (e.key === "ArrowUp" || e.key === "k") { step(-1); e.preventDefault(); }
          });

          function render(i) {
            var t = T.rows[i] || {}, relation = S[X.r[i]], identity = relation === "identity" && X.k[i] < 0;
            clear(drawerBody);
            drawer.setAttribute("data-row-id", S[X.id[i]]);
            document.getElementById("transcript-title").textContent = display(i);
            var head = h("div", { "class": "t-head" },
              badge(X.o[i]), X.kf[i] ? h("span", { "class": "badge known", text: "known failure" }) : null,
              X.ch[i] ? h("span", { "class": "badge change c-" + X.ch[i], text: CHANGE[X.ch[i]] }) : null,
              X.sc[i] !== null ? h("span", { "class": "muted", text: " score " + fixed(X.sc[i], 3) }) : null,
              h("div", { "class": "row-id" }, h("code", { text: S[X.id[i]] }), h("span", { "class": "muted", text: " \u00b7 results.jsonl line " + X.ln[i] })));
            drawerBody.appendChild(head);
            if (t.rs !== undefined) { drawerBody.appendChild(h("p", { "class": "t-reason", "data-field": "reason", text: tstr(t.rs) })); }
            if (t.notes) { drawerBody.appendChild(h("ul", { "class": "notes" }, t.notes.map(function (n) { return h("li", { text: tstr(n) }); }))); }

            // Prompt, and what the relation changed.
            var prompt = section(identity ? "Prompt" : "Prompt and follow-up (relation " + relation + (X.k[i] >= 0 ? ", " + S[X.k[i]] : "") + ")", "prompt");
            if (!identity && t.fp !== undefined) {
              prompt.appendChild(diffView("Source prompt", t.p !== undefined ? tstr(t.p) : "", "Follow-up prompt", tstr(t.fp)));
            } else {
              prompt.appendChild(t.p !== undefined && tstr(t.p) !== "" ? pre(tstr(t.p), "prompt") : h("p", { "class": "muted", text: "No prompt was rendered for this row." }));
            }
            if (t.rn) {
              prompt.appendChild(h("h4", { text: "What the relation changed" }));
              prompt.appendChild(pairTable(t.rn));
            }
            if (t.sim !== undefined) { prompt.appendChild(h("p", { "class": "muted", text: "Input similarity (meaning kept by the follow-up input): " + fixed(t.sim, 3) })); }
            if (t["in"]) {
              prompt.appendChild(h("h4", { text: t.fin ? "Inputs (source \u2192 follow-up)" : "Inputs" }));
              prompt.appendChild(pairTable(t["in"], t.fin));
            }
            if (t.ex !== undefined) { prompt.appendChild(h("h4", { text: "Expected" })); prompt.appendChild(pre(tstr(t.ex), "expected")); }
            drawerBody.appendChild(prompt);

            // Outputs.
            var output = section(identity ? "Output" : "Outputs: source and follow-up", "output");
            if (!identity && (t.so !== undefined || t.out !== undefined)) {
              output.appendChild(diffView("Source output", t.so !== undefined ? tstr(t.so) : null, "Follow-up output", t.out !== undefined ? tstr(t.out) : null));
            } else if (t.out !== undefined) {
              output.appendChild(pre(tstr(t.out), t.oj ? "json output" : "output"));
            } else {
              output.appendChild(h("p", { "class": "muted", text: "The eval method returned no output (see the reason above)." }));
            }
            drawerBody.appendChild(output);

            // Tool calls: the slot is there for every row, so a row without them says so.
            var tools = section("Tool calls", "tools");
            if (t.tc && t.tc.length) {
              tools.appendChild(h("ol", { "class": "tool-calls" }, t.tc.map(function (c) {
                return h("li", { "class": "tool-call" },
                  h("div", {}, h("code", { "class": "tool-name", text: tstr(c.name) }), c.id !== undefined ? h("span", { "class": "muted", text: " (call " + tstr(c.id) + ")" }) : null),
                  c.args !== undefined ? [h("div", { "class": "side-title", text: "Arguments" }), pre(tstr(c.args), "json")] : null,
                  c.result !== undefined ? [h("div", { "class": "side-title", text: "Result" }), pre(tstr(c.result), "json")] : h("div", { "class": "muted", text: "No result recorded." }));
              })));
            } else {
              tools.appendChild(h("p", { "class": "muted", text: "No tool calls recorded for this row." }));
            }
            drawerBody.appendChild(tools);

            // Checks and every judge's verdict.
            var checks = section("Checks and judges", "checks");
            if (!t.ck || !t.ck.length) { checks.appendChild(h("p", { "class": "muted", text: X.o[i] === 3 ? "Not judged: the relation did not change the input." : "No check ran on this row." })); }
            (t.ck || []).forEach(function (c) {
              var box = h("div", { "class": "check", "data-check": tstr(c.name) },
                h("div", { "class": "check-head" }, badge(c.o), " ", h("b", { text: tstr(c.name) }), c.sc !== undefined ? h("span", { "class": "muted", text: " score " + fixed(c.sc, 3) }) : null,
                  c.skipped ? h("span", { "class": "muted", text: " \u00b7 " + c.skipped + " judge(s) skipped (outcome already decided)" }) : null),
                h("p", { "class": "rationale", text: tstr(c.ra) }));
              if (c.v.length) {
                box.appendChild(h("table", { "class": "verdicts" },
                  h("thead", {}, h("tr", {}, ["Judge", "Verdict", "Score", "Reason and raw answer", "Calls, tokens, cost, time"].map(function (x) { return h("th", { text: x }); }))),
                  h("tbody", {}, c.v.map(function (v) {
                    var raw = v.raw !== undefined ? h("details", { "class": "raw" }, h("summary", { text: "Raw answer" }), pre(tstr(v.raw), "raw-answer")) : null;
                    var pairwise = v.pw ? h("div", { "class": "muted", text: "Pairwise: candidate shown first \u2192 " + tstr(v.pw.cf) + "; reference shown first \u2192 " + tstr(v.pw.rf) + (v.pw.ok ? " (consistent)" : " (inconsistent: position bias)") }) : null;
                    var usage = [v.calls ? v.calls + (v.calls === 1 ? " call" : " calls") : null, v["in"] !== undefined ? count(v["in"]) + " in / " + count(v.outTok) + " out" : null,
                      v.cost !== undefined ? dollars(v.cost) : null, v.ms !== undefined ? ms(v.ms) : null].filter(function (x) { return x !== null; });
                    return h("tr", { "class": "verdict", "data-judge": tstr(v.j) },
                      h("td", {}, h("div", { "class": "judge-name", text: tstr(v.j) }), v.model !== undefined ? h("div", { "class": "muted model", text: tstr(v.model) }) : null),
                      h("td", {}, h("span", { "class": "badge v-" + VERDICT[v.o], text: VERDICT[v.o] })),
                      h("td", { "class": "num", text: fixed(v.sc, 3) }),
                      h("td", { "class": "verdict-reason" }, h("div", { "class": "verdict-rationale", text: tstr(v.ra) }), pairwise, raw),
                      h("td", { "class": "usage" }, usage.map(function (u) { return h("div", { text: u }); })));
                  }))));
              }
              checks.appendChild(box);
            });
            drawerBody.appendChild(checks);

            if (t.tr && t.tr.length) {
              var trials = section("Trials", "trials");
              trials.appendChild(h("table", { "class": "trials" }, h("thead", {}, h("tr", {}, ["Trial", "Outcome", "Reason", "Output"].map(function (x) { return h("th", { text: x }); }))),
                h("tbody", {}, t.tr.map(function (tr) {
                  return h("tr", {}, h("td", { "class": "num", text: tr.n }), h("td", {}, badge(tr.o)), h("td", { text: tr.rs !== undefined ? tstr(tr.rs) : "" }),
                    h("td", {}, tr.out !== undefined ? pre(tstr(tr.out)) : null));
                }))));
              drawerBody.appendChild(trials);
            }

            // Time, tokens, cost, snapshot and model calls.
            var run = section("Time, cost, snapshot and model calls", "run");
            var tokensIn = 0, tokensOut = 0, cost = null;
            (t.ck || []).forEach(function (c) { c.v.forEach(function (v) { tokensIn += v["in"] || 0; tokensOut += v.outTok || 0; if (v.cost !== undefined) { cost = (cost || 0) + v.cost; } }); });
            var snapshot = (t.ck || []).filter(function (c) { return tstr(c.name) === "snapshot"; })[0];
            var calls = t.mc ? t.mc.replayed + " replayed, " + t.mc.recorded + " recorded, " + t.mc.live + " live" + (t.mc.failed ? ", " + t.mc.failed + " failed" : "") + (t.mc.missing ? ", " + t.mc.missing + " missing from the recordings" : "") + " (" + tstr(t.mc.mode) + " mode)" : "none through a recording client";
            run.appendChild(facts([
              ["Latency", t.lat !== undefined ? ms(t.lat) + (t.slat !== undefined || t.flat !== undefined ? " (source " + ms(t.slat) + ", follow-up " + ms(t.flat) + ")" : "") : null],
              ["Started", t.at !== undefined ? tstr(t.at) : null],
              ["Judge tokens", tokensIn + tokensOut ? count(tokensIn) + " in / " + count(tokensOut) + " out" : "none"],
              ["Judge cost", cost !== null ? dollars(cost) : D.priced ? "not priced (no price for these models)" : "no price table (evalspec report --prices)"],
              ["Snapshot", snapshot ? [badge(snapshot.o), " ", tstr(snapshot.ra)] : "no snapshot for this row"],
              ["Outcome before the snapshot check", t.ows !== undefined ? OUT[t.ows] : null],
              ["Model calls", h("span", { "data-field": "model-calls", text: calls })]
            ]));
            drawerBody.appendChild(run);

            drawerBody.appendChild(baselineSection(i, t));
            drawerBody.scrollTop = 0;
          }

          // The baseline's side of a row beside this run's: what it records, and an earlier run's output with that outcome.
          function baselineSide(i, t) {
            var b = t.bl;
            if (!b) { return null; }
            var earlier = b.run, text = earlier && earlier.out !== undefined ? tstr(earlier.out) : null;
            return {
              outcome: b.o, kind: b.k !== undefined ? tstr(b.k) : null, evidence: b.e !== undefined ? tstr(b.e) : null, hash: b.h || null,
              score: b.sc, reason: b.rs !== undefined ? tstr(b.rs) : null, run: earlier ? tstr(earlier.id) : null, output: text, same: earlier ? earlier.same : false
            };
          }
          function baselineSection(i, t) {
            var s = section("Baseline", "baseline");
            var b = baselineSide(i, t);
            if (!b) {
              s.appendChild(h("p", { "class": "muted", text: hasBaseline ? "The baseline does not record this row." : "No baseline to compare with." }));
              return s;
            }
            s.appendChild(sideBySide(i, t, b));
            return s;
          }
          function sideBySide(i, t, b) {
            var nowText = t.out !== undefined ? tstr(t.out) : t.fe !== undefined ? tstr(t.fe) : t.rs !== undefined ? tstr(t.rs) : null;
            var thenText = b.output !== null ? b.output : b.evidence;
            var thenTitle = b.output !== null ? "Baseline: output in run " + b.run + (b.same ? " (the recorded failure)" : " (where it had the baseline's outcome)") : b.evidence !== null ? "Baseline: recorded evidence" : "Baseline";
            var box = h("div", { "class": "baseline-diff" },
              h("div", { "class": "sides" },
                h("div", { "class": "side" }, facts([["Baseline", badge(b.outcome)], ["Score", b.score !== undefined ? fixed(b.score, 3) : null], ["Failure kind", b.kind], ["Evidence", b.hash ? b.hash : null], ["Reason", b.reason]])),
                h("div", { "class": "side" }, facts([["This run", [badge(X.o[i]), X.kf[i] ? h("span", { "class": "badge known", text: "known" }) : null]], ["Score", X.sc[i] !== null ? fixed(X.sc[i], 3) : null], ["Failure kind", t.fk !== undefined ? tstr(t.fk) : null], ["Evidence", t.fh || null]]))));
            if (thenText !== null && nowText !== null) {
              box.appendChild(diffView(thenTitle, thenText, "This run: " + (t.out !== undefined ? "output" : "evidence"), nowText));
            } else if (b.outcome === 0) {
              box.appendChild(h("p", { "class": "muted", text: "The baseline keeps no output of a passing row, and no earlier run in this results folder has this row passing." }));
            }
            return box;
          }

          // ---- the matrix: cases x (variant, relation) per method ----
          var Matrix = (function () {
            var view = views.matrix, ready = false, host, methodSelect, sortSelect, failOnly;
            function build() {
              var methods = distinct(X.m);
              methodSelect = h("select", { id: "matrix-method", "aria-label": "Method" }, h("option", { value: "", text: "Method: all" }), methods.map(function (m) { return h("option", { value: S[m], text: shortMethod(S[m]) }); }));
              sortSelect = h("select", { id: "matrix-sort", "aria-label": "Order of cases" }, h("option", { value: "id", text: "Cases by name" }), h("option", { value: "failing", text: "Most failing cases first" }));
              failOnly = h("input", { type: "checkbox", id: "matrix-failing" });
              [methodSelect, sortSelect, failOnly].forEach(function (c) { c.addEventListener("change", function () { state.mmethod = methodSelect.value; state.msort = sortSelect.value === "id" ? "" : sortSelect.value; state.mfail = failOnly.checked ? "1" : ""; draw(); }); });
              view.appendChild(h("div", { "class": "filters" }, methodSelect, sortSelect, h("label", {}, failOnly, " only cases that did not all pass"),
                h("span", { "class": "legend" }, [0, 1, 2, 3].map(function (o) { return h("span", {}, h("span", { "class": "cell o-" + OUT_CLASS[o] }), " " + OUT[o]); }),
                  h("span", {}, h("span", { "class": "cell o-fail known" }), " known failure"), h("span", {}, h("span", { "class": "cell none" }), " no row"))));
              host = h("div", { id: "matrix" });
              view.appendChild(host);
              ready = true;
            }
            function draw() {
              methodSelect.value = state.mmethod; sortSelect.value = state.msort || "id"; failOnly.checked = state.mfail === "1";
              clear(host);
              var byMethod = {};
              for (var i = 0; i < N; i++) { (byMethod[X.m[i]] = byMethod[X.m[i]] || []).push(i); }
              distinct(X.m).forEach(function (m) { if (!state.mmethod || S[m] === state.mmethod) { host.appendChild(method(m, byMethod[m])); } });
              writeHash();
            }
            function method(m, rows) {
              // Columns: each variant, its identity row first, then its relations by name.
              var variants = [], relations = {}, cases = [], caseSeen = {}, cell = {};
              rows.forEach(function (i) {
                var v = X.v[i], r = X.r[i], c = X.c[i];
                if (!relations[v]) { relations[v] = []; variants.push(v); }
                if (relations[v].indexOf(r) < 0) { relations[v].push(r); }
                if (!caseSeen[c]) { caseSeen[c] = { id: c, fails: 0, judged: 0, pass: 0 }; cases.push(caseSeen[c]); }
                if (X.o[i] !== 3) { caseSeen[c].judged++; if (X.o[i] === 0) { caseSeen[c].pass++; } else { caseSeen[c].fails++; } }
                cell[c + "/" + v + "/" + r] = i;
              });
              variants.sort(function (a, b) { return S[a] < S[b] ? -1 : 1; });
              var columns = [];
              variants.forEach(function (v) {
                relations[v].sort(function (a, b) { return S[a] === "identity" ? -1 : S[b] === "identity" ? 1 : S[a] < S[b] ? -1 : 1; });
                relations[v].forEach(function (r) { columns.push([v, r]); });
              });
              if (state.mfail === "1") { cases = cases.filter(function (c) { return c.fails > 0; }); }
              cases.sort(state.msort === "failing" ? function (a, b) { return b.fails - a.fails || (S[a.id] < S[b.id] ? -1 : 1); } : function (a, b) { return S[a.id] < S[b.id] ? -1 : 1; });
              var template = "minmax(120px, 220px) repeat(" + columns.length + ", " + CELL + "px) 64px";
              var groups = h("div", { "class": "m-row m-groups", style: "grid-template-columns:" + template }, h("div", {}));
              variants.forEach(function (v) { groups.appendChild(h("div", { "class": "m-variant", style: "grid-column: span " + relations[v].length, title: "variant " + S[v], text: S[v] })); });
              groups.appendChild(h("div", {}));
              var heads = h("div", { "class": "m-row m-heads", style: "grid-template-columns:" + template }, h("div", { "class": "muted", text: "case \u2193 \u00b7 relation \u2192" }),
                columns.map(function (col) { return h("div", { "class": "m-relation", title: S[col[0]] + " \u00b7 " + S[col[1]] }, h("span", { text: S[col[1]] })); }), h("div", { "class": "muted", text: "passed" }));
              // Column pass rates, so a variant or relation that fails across the board stands out.
              var foot = h("div", { "class": "m-row m-foot", style: "grid-template-columns:" + template }, h("div", { "class": "muted", text: "pass rate" }),
                columns.map(function (col) {
                  var judged = 0, pass = 0;
                  cases.forEach(function (c) { var i = cell[c.id + "/" + col[0] + "/" + col[1]]; if (i !== undefined && X.o[i] !== 3) { judged++; if (X.o[i] === 0) { pass++; } } });
                  var rate = judged ? pass / judged : null;
                  return h("div", { "class": "m-rate", "data-variant": S[col[0]], "data-relation": S[col[1]], "data-rate": rate === null ? "" : rate.toFixed(3), title: S[col[0]] + " \u00b7 " + S[col[1]] + ": " + (rate === null ? "nothing judged" : pass + "/" + judged + " passed"),
                    style: rate === null ? null : "background:" + heat(rate) });
                }), h("div", {}));
              var body = h("div", { "class": "m-body" });
              var box = h("section", { "class": "m-method", "data-method": S[m] },
                h("h3", {}, shortMethod(S[m]), h("span", { "class": "muted", text: " " + count(cases.length) + " cases \u00d7 " + columns.length + " columns (" + variants.length + " variants)" })),
                h("div", { "class": "m-scroll" }, groups, heads, body, foot));
              body.style.maxHeight = Math.min(cases.length * CELL + 2, 560) + "px";
              var list = VirtualList(body, CELL, function (c) {
                var line = h("div", { "class": "m-row", style: "grid-template-columns:" + template, "data-case": S[c.id] }, h("div", { "class": "m-case", title: S[c.id], text: S[c.id] }));
                columns.forEach(function (col) {
                  var i = cell[c.id + "/" + col[0] + "/" + col[1]];
                  line.appendChild(i === undefined ? h("div", { "class": "cell none" })
                    : h("div", { "class": "cell o-" + OUT_CLASS[X.o[i]] + (X.kf[i] ? " known" : "") + (X.ch[i] === 1 || X.ch[i] === 3 ? " regressed" : ""), "data-index": i, "data-row-id": S[X.id[i]],
                      title: display(i) + ": " + OUT[X.o[i]] + (X.kf[i] ? " (known)" : "") + (X.ch[i] ? ", " + CHANGE[X.ch[i]] : ""), role: "button", tabindex: "0",
                      onclick: function () { open(i); }, onkeydown: function (e) { if (e.key === "Enter") { open(i); } } }));
                });
                line.appendChild(h("div", { "class": "num m-pass", text: c.judged ? c.pass + "/" + c.judged : "\u2013" }));
                return line;
              });
              list.set(cases);
              return box;
            }
            function heat(rate) { return "hsl(" + Math.round(rate * 120) + ", 65%, " + (rate >= 0.999 ? 80 : 62) + "%)"; }
            return { show: function () { if (!ready) { build(); } draw(); } };
          })();

          // ---- rows that changed against the baseline ----
          var Changes = (function () {
            var view = views.changes, ready = false;
            function build() {
              if (!hasBaseline) { view.appendChild(h("p", { "class": "muted", text: "No baseline to compare with: give one with --baseline, or record one with `evalspec baseline update`." })); return; }
              var groups = {};
              for (var i = 0; i < N; i++) { if (X.ch[i]) { (groups[X.ch[i]] = groups[X.ch[i]] || []).push(i); } }
              if (!changed) { view.appendChild(h("p", { text: "No row changed outcome against the baseline." })); }
              CHANGE_ORDER.forEach(function (c) {
                var rows = groups[c];
                if (!rows) { return; }
                var group = h("section", { "class": "change-group", "data-change": CHANGE[c] }, h("h2", { text: CHANGE[c].charAt(0).toUpperCase() + CHANGE[c].slice(1) + " (" + count(rows.length) + ")" }));
                var shown = 0, more = h("button", { type: "button", "class": "more" });
                function next() {
                  var end = Math.min(rows.length, shown + 50);
                  for (; shown < end; shown++) { group.insertBefore(item(rows[shown]), more); }
                  more.textContent = "Show " + Math.min(50, rows.length - shown) + " more of " + (rows.length - shown);
                  more.hidden = shown >= rows.length;
                }
                more.addEventListener("click", next);
                group.appendChild(more);
                next();
                view.appendChild(group);
              });
            }
            function item(i) {
              var t = T.rows[i] || {};
              var b = baselineSide(i, t);
              return h("div", { "class": "change-item", "data-row-id": S[X.id[i]] },
                h("div", { "class": "change-title" }, h("a", { href: "#", text: display(i), onclick: function (e) { e.preventDefault(); open(i); } }), " ",
                  b ? badge(b.outcome) : h("span", { "class": "muted", text: "not in the baseline" }), " \u2192 ", badge(X.o[i])),
                b ? sideBySide(i, t, b) : (t.out !== undefined ? pre(tstr(t.out), "output") : null));
            }
            return { show: function () { if (!ready) { ready = true; withTranscripts(function () { clear(view); build(); }); } } };
          })();

          // ---- history: pass rate, cost and latency per method over the last runs ----
          var History = (function () {
            var view = views.history, ready = false, NS = "http://www.w3.org/2000/svg";
            function svg(name, attrs, text) {
              var e = document.createElementNS(NS, name);
              for (var k in attrs) { e.setAttribute(k, attrs[k]); }
              if (text !== undefined) { e.textContent = text; }
              return e;
            }
            function chart(method, metric, label, values, format, fixedMax) {
              var W = 260, H = 64, P = 6, runs = D.history.runs;
              var present = values.filter(function (v) { return v !== null; });
              var max = fixedMax !== undefined ? fixedMax : Math.max.apply(null, present.concat([0])) || 1;
              var x = function (k) { return P + (runs.length === 1 ? (W - 2 * P) / 2 : k * (W - 2 * P) / (runs.length - 1)); };
              var y = function (v) { return H - P - (v / max) * (H - 2 * P); };
              var s = svg("svg", { width: W, height: H + 18, viewBox: "0 0 " + W + " " + (H + 18), role: "img", "class": "spark", "data-method": method, "data-metric": metric });
              s.appendChild(svg("line", { x1: P, x2: W - P, y1: H - P, y2: H - P, "class": "axis-line" }));
              var path = "";
              values.forEach(function (v, k) { if (v !== null) { path += (path ? " L" : "M") + x(k).toFixed(1) + " " + y(v).toFixed(1); } });
              if (path) { s.appendChild(svg("path", { d: path, "class": "spark-line" })); }
              values.forEach(function (v, k) {
                if (v === null) { return; }
                var dot = svg("circle", { cx: x(k).toFixed(1), cy: y(v).toFixed(1), r: runs[k].current ? 4 : 3, "class": "spark-point" + (runs[k].current ? " current" : ""), "data-run": runs[k].runId, "data-value": v });
                dot.appendChild(svg("title", {}, runs[k].runId + ": " + format(v)));
                s.appendChild(dot);
              });
              var last = present.length ? present[present.length - 1] : null;
              s.appendChild(svg("text", { x: 0, y: H + 14, "class": "axis" }, label + ": " + (last === null ? "\u2013" : format(last)) + " (max " + format(max) + ")"));
              return s;
            }
            function build() {
              var H = D.history;
              if (!H) { view.appendChild(h("p", { "class": "muted", text: "No history in this report: write it with `evalspec report --history <n>` to chart the last n runs of this results folder." })); return; }
              view.appendChild(h("p", { "class": "muted", text: H.runs.length + " of the last " + H.requested + " runs requested, oldest first: " + H.runs.map(function (r) { return r.runId; }).join(", ") + "." }));
              H.notes.forEach(function (n) { view.appendChild(h("p", { "class": "muted", text: n })); });
              var costLabel = D.priced ? "judge cost" : "judge tokens";
              H.methods.forEach(function (m) {
                view.appendChild(h("section", { "class": "history-method", "data-method": m.methodId },
                  h("h3", { text: shortMethod(m.methodId) }),
                  h("div", { "class": "sparks" },
                    chart(m.methodId, "pass-rate", "pass rate", m.points.map(function (p) { return p ? p.passRate : null; }), function (v) { return v.toFixed(3); }, 1),
                    chart(m.methodId, D.priced ? "cost" : "tokens", costLabel, m.points.map(function (p) { return p ? (D.priced ? p.cost : p.tokens) : null; }), D.priced ? dollars : count),
                    chart(m.methodId, "latency", "median latency", m.points.map(function (p) { return p ? p.medianMs : null; }), ms))));
              });
              ready = true;
            }
            return { show: function () { if (!ready) { clear(view); build(); } } };
          })();

          // ---- start ----
          readHash();
          window.addEventListener("hashchange", function () { var row = state.row; readHash(); Explorer.apply(); show(state.view); if (state.row !== row) { openFromState(); } });
          function openFromState() {
            if (state.row === null) { if (current >= 0) { close(); } return; }
            for (var i = 0; i < N; i++) { if (S[X.id[i]] === state.row) { open(i); return; } }
          }
          show(state.view);
          window.evalspecTimings = { parsed: parsedAt - started, ready: performance.now() };
          // Also as attributes, so a DOM dump (chromium --headless --dump-dom, as bench/EvalSpec.Bench.Report reads it) carries them.
          document.body.setAttribute("data-ready-ms", String(Math.round(window.evalspecTimings.ready)));
          document.body.setAttribute("data-parsed-ms", String(Math.round(window.evalspecTimings.parsed)));
          document.body.setAttribute("data-explorer", "ready");
          window.addEventListener("load", function () { document.body.setAttribute("data-load-ms", String(Math.round(performance.now()))); });
          // A shared link to a row opens its transcript once the transcripts below this script are read.
          if (state.row !== null) { openFromState(); }
          requestAnimationFrame(function () { setTimeout(function () { window.evalspecTimings.painted = performance.now(); document.body.setAttribute("data-painted", "true"); }, 0); });
        })();
        """;
}
