namespace EvalSpec.Reporting.Reports;

/// <summary>The style sheet and script inlined into <c>report.html</c>: the page loads nothing from anywhere.</summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        :root { --pass: #2da44e; --fail: #cf222e; --warn: #bf8700; --muted: #57606a; --line: #d0d7de; --bar: #0969da; --bar2: #8250df; }
        * { box-sizing: border-box; }
        body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; }
        header { padding: 16px 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
        main { padding: 8px 24px 32px; max-width: 1280px; }
        h1 { font-size: 20px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .muted { color: var(--muted); }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; background: #fff; min-width: 110px; }
        .card b { display: block; font-size: 20px; }
        .pass { color: var(--pass); } .fail { color: var(--fail); } .warn { color: var(--warn); }
        .gate { margin-top: 12px; padding: 8px 12px; border-radius: 6px; border: 1px solid var(--line); }
        .gate.passed { border-color: var(--pass); } .gate.failed { border-color: var(--fail); background: #ffebe9; } .gate.partial { border-color: var(--warn); }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .chart svg { max-width: 100%; height: auto; }
        .chart .bar { fill: var(--bar); }
        .chart .bar.output { fill: var(--bar2); }
        .chart .bar.negative { fill: var(--fail); }
        .chart .group-label { font-weight: 600; font-size: 13px; }
        .chart .bar-label, .chart .bar-value, .chart .axis { font-size: 12px; }
        .chart .axis-line { stroke: var(--muted); stroke-width: 1; }
        .chart .empty { color: var(--muted); font-style: italic; }
        details { margin: 4px 0 12px; }
        code { font-size: 12px; }
        """;

    /// <summary>
    /// Draws the charts from the JSON in <c>#evalspec-data</c>: horizontal bar charts in inline SVG, one row per bar,
    /// grouped by eval method. Every bar is a <c>rect.bar</c> with <c>data-group</c>, <c>data-label</c> and
    /// <c>data-value</c>, so a test can read what was drawn.
    /// </summary>
    public const string Script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("evalspec-data").textContent);
          var NS = "http://www.w3.org/2000/svg";
          var LABEL = 300, BAR = 360, VALUE = 280, ROW = 22, GROUP = 24;

          function el(name, attributes, text) {
            var node = document.createElementNS(NS, name);
            for (var key in attributes) { node.setAttribute(key, attributes[key]); }
            if (text !== undefined) { node.textContent = text; }
            return node;
          }

          function fixed(value, digits) { return value === null || value === undefined ? "\u2013" : Number(value).toFixed(digits); }

          // items: { group, label, segments: [{ value, cls }], text }; the axis runs from min to max.
          function barChart(id, items, min, max, emptyText) {
            var host = document.getElementById(id);
            if (!host) { return; }
            if (items.length === 0) {
              var p = document.createElement("p");
              p.className = "empty";
              p.textContent = emptyText;
              host.appendChild(p);
              return;
            }
            var groups = [];
            items.forEach(function (item) { if (groups.indexOf(item.group) < 0) { groups.push(item.group); } });
            var height = groups.length * GROUP + items.length * ROW + 24;
            var width = LABEL + BAR + VALUE;
            var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" });
            var scale = function (v) { return LABEL + (Math.max(min, Math.min(max, v)) - min) / (max - min) * BAR; };
            var zero = scale(Math.max(min, Math.min(max, 0)));
            var y = 0;
            groups.forEach(function (group) {
              var g = el("g", { "class": "group", "data-group": group });
              g.appendChild(el("text", { "class": "group-label", x: 0, y: y + 16 }, group));
              y += GROUP;
              items.filter(function (item) { return item.group === group; }).forEach(function (item) {
                g.appendChild(el("text", { "class": "bar-label", x: 12, y: y + 15 }, item.label));
                var start = 0;
                item.segments.forEach(function (segment) {
                  var from = scale(start), to = scale(start + segment.value);
                  var x = Math.min(from, to), w = Math.max(Math.abs(to - from), segment.value === 0 ? 0 : 1);
                  var rect = el("rect", {
                    "class": "bar" + (segment.cls ? " " + segment.cls : "") + (segment.value < 0 ? " negative" : ""),
                    x: x, y: y + 3, width: w, height: ROW - 6,
                    "data-group": group, "data-label": item.label, "data-value": segment.value
                  });
                  rect.appendChild(el("title", {}, group + " \u00b7 " + item.label + ": " + item.text));
                  g.appendChild(rect);
                  start += segment.value;
                });
                g.appendChild(el("text", { "class": "bar-value", x: LABEL + BAR + 8, y: y + 15 }, item.text));
                y += ROW;
              });
              svg.appendChild(g);
            });
            svg.appendChild(el("line", { "class": "axis-line", x1: zero, x2: zero, y1: 0, y2: y }));
            svg.appendChild(el("text", { "class": "axis", x: LABEL, y: y + 16 }, String(min)));
            svg.appendChild(el("text", { "class": "axis", x: LABEL + BAR - 8, y: y + 16 }, String(max)));
            host.appendChild(svg);
          }

          barChart("variant-chart", data.variants.map(function (v) {
            return { group: v.method, label: v.variant, segments: [{ value: v.passRate }], text: fixed(v.passRate, 3) + " (" + v.pass + "/" + v.rows + ")" };
          }), 0, 1, "No identity rows were judged in this run.");

          barChart("relation-chart", data.relations.map(function (r) {
            return { group: r.method, label: r.relation, segments: [{ value: r.attackSuccessRate }],
              text: fixed(r.attackSuccessRate, 3) + " (" + r.violated + "/" + r.decided + ")" + (r.weighted === null ? "" : ", weighted " + fixed(r.weighted, 3)) };
          }), 0, 1, "No relation row was decided in this run.");

          var agreement = [];
          data.agreement.forEach(function (panel) {
            if (panel.fleissKappa !== null) { agreement.push({ group: panel.panel, label: "Fleiss \u03ba", segments: [{ value: panel.fleissKappa }], text: fixed(panel.fleissKappa, 3) }); }
            if (panel.krippendorffAlpha !== null) { agreement.push({ group: panel.panel, label: "Krippendorff \u03b1", segments: [{ value: panel.krippendorffAlpha }], text: fixed(panel.krippendorffAlpha, 3) }); }
            panel.pairs.forEach(function (pair) {
              if (pair.cohensKappa !== null) { agreement.push({ group: panel.panel, label: "Cohen \u03ba " + pair.judges, segments: [{ value: pair.cohensKappa }], text: fixed(pair.cohensKappa, 3) }); }
            });
          });
          barChart("agreement-chart", agreement, -1, 1, "No panel of two or more judges in this run: nothing to agree on.");

          var maxTokens = 0;
          data.judges.forEach(function (j) { maxTokens = Math.max(maxTokens, j.inputTokens + j.outputTokens); });
          barChart("cost-chart", data.judges.filter(function (j) { return j.inputTokens + j.outputTokens > 0; }).map(function (j) {
            return { group: "tokens per judge (input, output)", label: j.judge, segments: [{ value: j.inputTokens, cls: "input" }, { value: j.outputTokens, cls: "output" }],
              text: (j.inputTokens + j.outputTokens).toLocaleString("en-US") + " tokens" + (j.cost === null ? "" : ", $" + j.cost.toFixed(4)) };
          }), 0, Math.max(1, maxTokens), "No judge called a model in this run: no tokens, no cost.");

          document.body.setAttribute("data-rendered", "true");
        })();
        """;
}
