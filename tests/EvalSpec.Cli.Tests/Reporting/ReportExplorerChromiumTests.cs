using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit.Abstractions;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>
/// report.html's row explorer, transcripts, matrix, baseline diff and history, used in headless Chromium the way a person
/// uses them: real clicks and keystrokes over the DevTools protocol on the file as `evalspec report` writes it.
/// </summary>
/// <remarks>
/// With <c>EVALSPECDEV_REPORT_SCREENSHOTS</c> set to a folder (docs/report), the tests save their screenshots of the
/// views there: that is how the README's pictures are made.
/// </remarks>
public sealed class ReportExplorerChromiumTests : IDisposable
{
    private const string ScreenshotsVariable = "EVALSPECDEV_REPORT_SCREENSHOTS";
    private static readonly DateTime Yesterday = new(2026, 3, 13, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Today = new(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc);
    private readonly TemporaryFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public ReportExplorerChromiumTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    private static string Row(string caseId, string variant, string relation = "identity", string method = "RefundWindow") => ExplorerRuns.RowId(method, caseId, variant, relation);

    private static string Js(string text) => JsonSerializer.Serialize(text);

    /// <summary>The baseline recorded from yesterday's run, today's regressed run reported against it with a price table.</summary>
    private async Task<string> RegressedRunAsync(params string[] extra)
    {
        string baseline = ExplorerRuns.Write(Project, "20260313T080000Z-base", ExplorerRuns.Baseline, Yesterday);
        (await Cli.RunAsync("baseline", "update", "--run", baseline)).ExitCode.Should().Be(0);
        string run = ExplorerRuns.Write(Project, "20260314T090000Z-now", ExplorerRuns.Regressed, Today, recordedBy: ExplorerRuns.Baseline);
        string prices = _folder.Combine("prices.json");
        File.WriteAllText(prices, """{ "llama-3.1-8b": { "input": 5, "output": 15 }, "qwen2.5-7b": { "input": 2, "output": 6 } }""");
        CliResult report = await Cli.RunAsync(new[] { "report", run, "--prices", prices }.Concat(extra).ToArray());
        report.ExitCode.Should().Be(0, report.ToString());
        return Path.Combine(run, "report.html");
    }

    private async Task<HeadlessChromium> OpenAsync(string html, string fragment)
    {
        HeadlessChromium browser = await HeadlessChromium.StartAsync(_folder.Combine("chromium-profile"));
        await browser.NavigateAsync(new Uri(html).AbsoluteUri + fragment);
        await browser.WaitForAsync("document.body.dataset.explorer === 'ready'", "the explorer script to finish");
        return browser;
    }

    private static async Task<int> CountAsync(HeadlessChromium browser) =>
        int.Parse((await browser.TextAsync("document.getElementById('view-rows').getAttribute('data-count')"))!, CultureInfo.InvariantCulture);

    private static Task<string?> TranscriptAsync(HeadlessChromium browser, string section) =>
        browser.TextAsync($"document.querySelector('#transcript-body [data-section={Js(section)}]').innerText");

    private async Task ScreenshotAsync(HeadlessChromium browser, string name)
    {
        string path = _folder.Combine("screenshots", name);
        await browser.ScreenshotAsync(path);
        new FileInfo(path).Length.Should().BeGreaterThan(10_000, "Chromium drew the page");
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
        }
    }

    [ChromiumFact]
    public async Task Filtering_to_failed_rows_and_opening_one_shows_its_whole_transcript()
    {
        string html = await RegressedRunAsync();
        string[] lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(html)!, "results.jsonl"));
        int failed = lines.Count(l => JsonNode.Parse(l)!["outcome"]!.GetValue<string>() == "fail");
        failed.Should().BeGreaterThan(10);
        await using HeadlessChromium browser = await OpenAsync(html, "#rows");

        (await CountAsync(browser)).Should().Be(lines.Length);
        await browser.SelectAsync("#filter-outcome", "fail");
        (await CountAsync(browser)).Should().Be(failed);
        (await browser.EvaluateAsync("Array.prototype.every.call(document.querySelectorAll('#rows-body .grid-row'), function (r) { return r.classList.contains('o-fail'); })")).GetBoolean()
            .Should().BeTrue("only failed rows are listed");
        (await browser.TextAsync("document.getElementById('rows-count').textContent")).Should().Be($"{failed} of {lines.Length} rows");

        // A prompt variant that regressed: the casual wording gets the laptop's 30 days for the phone.
        await browser.ClickAsync($"#rows-body .grid-row[data-row-id={Js(Row("phone", "casual"))}]");
        await browser.WaitForAsync("!document.getElementById('transcript').hidden", "the transcript to open");
        (await browser.TextAsync("document.getElementById('transcript-title').textContent")).Should().Be("SupportEvals.RefundWindow [phone · casual]");
        (await browser.TextAsync("location.hash")).Should().Contain("outcome=fail").And.Contain("row=" + Uri.EscapeDataString(Row("phone", "casual")));
        (await TranscriptAsync(browser, "prompt")).Should().Contain("how long can i send back my phone").And.Contain("Expected\n14 days");
        (await TranscriptAsync(browser, "output")).Should().Contain("Phones can be returned within 30 days of delivery");
        (await TranscriptAsync(browser, "tools")).Should().Contain("No tool calls recorded for this row.");
        string checks = (await TranscriptAsync(browser, "checks"))!;
        checks.Should().Contain("expected-answer").And.Contain("the output does not state \"14 days\"")
            .And.Contain("llama").And.Contain("llama-3.1-8b").And.Contain("Says something other than the 14-day window.")
            .And.Contain("qwen").And.Contain("qwen2.5-7b").And.Contain("Wrong or missing refund window.")
            .And.Contain("822 in / 64 out").And.Contain("832 in / 64 out", "qwen's tokens");
        // llama: 822 x $5 + 64 x $15 per million = $0.00507; qwen: 832 x $2 + 64 x $6 per million = $0.002048.
        checks.Should().Contain("$0.0051").And.Contain("$0.0020");
        (await browser.EvaluateAsync("document.querySelectorAll('#transcript-body tr.verdict[data-judge=llama] details.raw pre')[0].textContent")).GetString()
            .Should().Be("{\"verdict\": \"fail\", \"score\": 0.1, \"reason\": \"Says something other than the 14-day window.\"}", "every judge's raw answer is there");
        string run = (await TranscriptAsync(browser, "run"))!;
        run.Should().Contain("Model calls\n3 replayed, 0 recorded, 0 live (replay mode)").And.Contain("Snapshot\nno snapshot for this row")
            .And.Contain("Judge tokens\n1,654 in / 128 out").And.Contain("Judge cost\n$0.0071").And.MatchRegex(@"Latency\n\d+ ms");
        string baseline = (await TranscriptAsync(browser, "baseline"))!;
        baseline.Should().Contain("Baseline\npass").And.Contain("This run\nfail")
            .And.Contain("Baseline: output in run 20260313T080000Z-base (where it had the baseline's outcome)");
        (await browser.TextAsync("Array.prototype.map.call(document.querySelectorAll('#transcript-body [data-section=baseline] del'), function (e) { return e.textContent; }).join('|')")).Should().Be("14");
        (await browser.TextAsync("Array.prototype.map.call(document.querySelectorAll('#transcript-body [data-section=baseline] ins'), function (e) { return e.textContent; }).join('|')")).Should().Be("30");
        await ScreenshotAsync(browser, "rows.png");

        // A relation row: both prompts and both outputs, with what changed marked.
        await browser.ClickAsync($"#rows-body .grid-row[data-row-id={Js(Row("laptop", "casual", "typos"))}]");
        await browser.WaitForAsync($"document.getElementById('transcript').getAttribute('data-row-id') === {Js(Row("laptop", "casual", "typos"))}", "the typos row's transcript");
        string prompt = (await TranscriptAsync(browser, "prompt"))!;
        prompt.Should().Contain("Prompt and follow-up (relation typos, invariant)").And.Contain("What the relation changed\ntypos\twindow → windwo; back → bakc; return → retrun")
            .And.Contain("Input similarity (meaning kept by the follow-up input): 0.910");
        (await browser.TextAsync("Array.prototype.map.call(document.querySelectorAll('#transcript-body [data-section=prompt] ins'), function (e) { return e.textContent; }).join('|')")).Should().Be("bakc");
        (await TranscriptAsync(browser, "output")).Should().Contain("Source output\nLaptops can be returned within 30 days").And.Contain("Sorry, I did not understand.");
        (await TranscriptAsync(browser, "checks")).Should().Contain("relation typos (invariant)").And.Contain("outputs differ: token F1 0.18 (threshold 0.50)");

        // The keyboard walks the filtered list.
        await browser.PressAsync("ArrowDown", "ArrowDown", 40);
        (await browser.TextAsync("document.getElementById('transcript').getAttribute('data-row-id')")).Should().NotBe(Row("laptop", "casual", "typos"));
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Tool_calls_trials_and_snapshot_status_are_in_the_transcript()
    {
        string html = await RegressedRunAsync();
        await using HeadlessChromium browser = await OpenAsync(html, "#rows?method=" + Uri.EscapeDataString(ExplorerRuns.Suite + ".OrderStatus"));

        (await CountAsync(browser)).Should().Be(2, "the method filter from the address applies");
        await browser.ClickAsync($"#rows-body .grid-row[data-row-id={Js(Row("B-2002", "default", method: "OrderStatus"))}]");
        await browser.WaitForAsync("!document.getElementById('transcript').hidden", "the transcript to open");
        string tools = (await TranscriptAsync(browser, "tools"))!;
        tools.Should().Contain("get_order_status (call call_1)").And.Contain("\"orderId\": \"B-2002\"").And.Contain("\"status\": \"delayed\"").And.Contain("\"carrier\": \"DHL\"");
        string trials = (await TranscriptAsync(browser, "trials"))!;
        trials.Should().Contain("I could not find order B-2002.").And.Contain("failed check(s): expected-answer");
        (await browser.EvaluateAsync("document.querySelectorAll('#transcript-body [data-section=trials] tbody tr').length")).GetInt32().Should().Be(3);

        await browser.SelectAsync("#filter-method", ExplorerRuns.Suite + ".RefundWindow");
        await browser.SelectAsync("#filter-variant", "formal");
        await browser.SelectAsync("#filter-relation", "identity");
        await browser.SelectAsync("#filter-case", "laptop");
        (await CountAsync(browser)).Should().Be(1);
        await browser.ClickAsync($"#rows-body .grid-row[data-row-id={Js(Row("laptop", "formal"))}]");
        await browser.WaitForAsync($"document.getElementById('transcript').getAttribute('data-row-id') === {Js(Row("laptop", "formal"))}", "the laptop row's transcript");
        (await TranscriptAsync(browser, "run")).Should().Contain("Snapshot\npass matches RefundWindow.laptop.formal.verified.txt");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task The_judge_known_failure_and_baseline_filters_and_the_search_narrow_the_rows()
    {
        string html = await RegressedRunAsync();
        string[] lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(html)!, "results.jsonl"));
        await using HeadlessChromium browser = await OpenAsync(html, "#rows");

        await browser.SelectAsync("#filter-judge", "llama");
        await browser.SelectAsync("#filter-verdict", "fail");
        int llamaFailed = lines.Select(l => JsonNode.Parse(l)!).Count(r => r["checks"]!.AsArray().SelectMany(c => c!["verdicts"]!.AsArray()).Any(v => (string?)v!["judge"] == "llama" && (string?)v["outcome"] == "fail"));
        (await CountAsync(browser)).Should().Be(llamaFailed);

        await browser.ClickAsync("#filter-reset");
        await browser.SelectAsync("#filter-known", "yes");
        // Failing in the baseline's run with the same outputs: the TV's three wordings, and the phone's product swap where
        // the phone's answer did not change (formal, terse; the casual one now answers 30 days: it fails differently).
        (await CountAsync(browser)).Should().Be(5);
        (await browser.TextAsync("Array.prototype.map.call(document.querySelectorAll('#rows-body .grid-row'), function (r) { return r.getAttribute('data-row-id'); }).join('|')"))
            .Should().Be(string.Join('|', Row("phone", "formal", "swap-product"), Row("phone", "terse", "swap-product"), Row("tv", "casual"), Row("tv", "formal"), Row("tv", "terse")));

        await browser.ClickAsync("#filter-reset");
        await browser.SelectAsync("#filter-change", "stopped");
        // Casual wording of the three 14-day products, and the laptop's typos row under each wording.
        (await CountAsync(browser)).Should().Be(6);

        await browser.ClickAsync("#filter-reset");
        await browser.TypeAsync("#filter-q", "did not understand");
        await browser.WaitForAsync("document.getElementById('view-rows').getAttribute('data-count') === '3'", "the search to keep the laptop's typos rows");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task The_matrix_shows_a_cell_per_row_so_a_failing_variant_and_case_stand_out_and_a_cell_opens_its_row()
    {
        string html = await RegressedRunAsync();
        await using HeadlessChromium browser = await OpenAsync(html, "#rows");

        await browser.ClickAsync("#tabs a[data-view=matrix]");
        await browser.WaitForAsync("!document.getElementById('view-matrix').hidden && document.querySelector('#matrix .m-method')", "the matrix");
        string method = $"#matrix .m-method[data-method={Js(ExplorerRuns.Suite + ".RefundWindow")}]";
        (await browser.EvaluateAsync($"document.querySelectorAll('{method} .cell[data-row-id]').length")).GetInt32().Should().Be(6 * 3 * 4, "one cell per row: 6 cases x 3 variants x 4 relations");
        (await browser.TextAsync($"Array.prototype.map.call(document.querySelectorAll('{method} .m-variant'), function (e) {{ return e.textContent; }}).join('|')")).Should().Be("casual|formal|terse");
        (await browser.TextAsync($"document.querySelector('{method} .m-rate[data-variant=casual][data-relation=identity]').getAttribute('data-rate')")).Should().Be("0.333", "the casual wording fails the three 14-day products and the TV");
        (await browser.TextAsync($"document.querySelector('{method} .m-rate[data-variant=formal][data-relation=identity]').getAttribute('data-rate')")).Should().Be("0.833", "only the TV fails the formal wording");
        (await browser.TextAsync($"document.querySelector('{method} .m-row[data-case=tv] .m-pass').textContent")).Should().Be("7/10", "the TV fails all three wordings and passes its 7 judged relation rows");
        (await browser.EvaluateAsync($"document.querySelector('{method} .cell[data-row-id={Js(Row("tv", "formal"))}]').classList.contains('known')")).GetBoolean().Should().BeTrue();
        (await browser.EvaluateAsync($"document.querySelector('{method} .cell[data-row-id={Js(Row("phone", "casual"))}]').classList.contains('regressed')")).GetBoolean().Should().BeTrue();
        await ScreenshotAsync(browser, "matrix.png");

        await browser.SelectAsync("#matrix-sort", "failing");
        (await browser.TextAsync($"document.querySelector('{method} .m-body .m-row').getAttribute('data-case')")).Should().Be("phone", "the case failing most comes first: its casual wording and its three product swaps");

        await browser.ClickAsync($"{method} .cell[data-row-id={Js(Row("phone", "casual"))}]");
        await browser.WaitForAsync("!document.getElementById('transcript').hidden", "the cell's transcript");
        (await browser.TextAsync("document.getElementById('transcript-title').textContent")).Should().Be("SupportEvals.RefundWindow [phone · casual]");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Changed_rows_show_the_baselines_side_beside_the_new_one()
    {
        string html = await RegressedRunAsync();
        await using HeadlessChromium browser = await OpenAsync(html, "#changes");

        await browser.WaitForAsync("document.querySelector('#view-changes .change-group')", "the changes");
        (await browser.TextAsync("Array.prototype.map.call(document.querySelectorAll('#view-changes .change-group h2'), function (e) { return e.textContent; }).join('|')"))
            .Should().Be("Stopped passing (6)|Fails differently (1)");
        string item = (await browser.TextAsync($"document.querySelector('#view-changes .change-item[data-row-id={Js(Row("laptop", "formal", "typos"))}]').innerText"))!;
        item.Should().Contain("Baseline: output in run 20260313T080000Z-base").And.Contain("Laptops can be returned within 30 days")
            .And.Contain("This run: output").And.Contain("Sorry, I did not understand.");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task History_charts_pass_rate_cost_and_latency_per_method_over_the_last_runs()
    {
        ExplorerRuns.Write(Project, "20260312T080000Z-old", ExplorerRuns.Baseline with { Tokens = 600, LatencyFactor = 0.5 }, Yesterday.AddDays(-1));
        string html = await RegressedRunAsync("--history", "3");
        await using HeadlessChromium browser = await OpenAsync(html, "#history");

        string chart = $".history-method[data-method={Js(ExplorerRuns.Suite + ".RefundWindow")}] svg[data-metric=";
        (await browser.TextAsync($"Array.prototype.map.call(document.querySelectorAll('{chart}pass-rate] circle'), function (c) {{ return c.getAttribute('data-run') + '=' + c.getAttribute('data-value'); }}).join('|')"))
            .Should().Be("20260312T080000Z-old=0.9|20260313T080000Z-base=0.9|20260314T090000Z-now=0.8", "54 and 48 of the 60 judged rows passed");
        string[] costs = (await browser.TextAsync($"Array.prototype.map.call(document.querySelectorAll('{chart}cost] circle'), function (c) {{ return c.getAttribute('data-value'); }}).join('|')"))!.Split('|');
        costs.Should().HaveCount(3);
        costs.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).Should().BeInAscendingOrder("more tokens per call in each run").And.OnlyHaveUniqueItems();
        string[] latencies = (await browser.TextAsync($"Array.prototype.map.call(document.querySelectorAll('{chart}latency] circle'), function (c) {{ return c.getAttribute('data-value'); }}).join('|')"))!.Split('|');
        latencies.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.HaveCount(3);
        await ScreenshotAsync(browser, "history.png");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task A_model_output_holding_script_or_markup_is_shown_as_text_and_never_runs()
    {
        const string Hostile = "</script><script>window.pwned = 1; document.title = 'pwned'</script><img src=x onerror=\"window.pwned = 2\"><!-- & <b>bold</b> \u2028 \"quoted\" 'single'";
        const string Key = "sk-proj-ExplorerCanary0123456789abcdefghij";
        string hostileRow = Row("laptop", "formal");
        string baseline = ExplorerRuns.Write(Project, "20260313T080000Z-base", ExplorerRuns.Baseline, Yesterday);
        string run = ExplorerRuns.Write(Project, "20260314T090000Z-now", ExplorerRuns.Regressed, Today, recordedBy: ExplorerRuns.Baseline, edit: row =>
        {
            if ((string?)row["rowId"] == hostileRow)
            {
                row["outcome"] = "fail";
                row["output"] = Hostile + " key " + Key;
                row["prompt"] = "<script>window.pwned = 3</script> What is the refund window?";
                row["checks"]![1]!["verdicts"]![0]!["rawOutput"] = "{\"reason\": \"</script><img src=y onerror=window.pwned=4>\"}";
            }

            return row;
        });
        (await Cli.RunAsync("report", run)).ExitCode.Should().Be(0);
        string html = Path.Combine(run, "report.html");
        File.ReadAllText(html).Should().NotContain(Key, "the report is redacted").And.NotContain("</script><script>window.pwned");

        await using HeadlessChromium browser = await OpenAsync(html, "#rows?row=" + Uri.EscapeDataString(hostileRow));
        await browser.WaitForAsync("!document.getElementById('transcript').hidden", "the linked row's transcript to open");
        (await browser.TextAsync("document.querySelector('#transcript-body [data-section=output] pre').textContent")).Should().Be(Hostile + " key [REDACTED]");
        (await browser.TextAsync("document.querySelector('#transcript-body [data-section=prompt] pre').textContent")).Should().Be("<script>window.pwned = 3</script> What is the refund window?");
        (await browser.EvaluateAsync("document.querySelectorAll('#transcript-body tr.verdict[data-judge=llama] details.raw pre')[0].textContent")).GetString()
            .Should().Be("{\"reason\": \"</script><img src=y onerror=window.pwned=4>\"}");
        await browser.TypeAsync("#filter-q", "onerror");
        await browser.WaitForAsync("document.getElementById('view-rows').getAttribute('data-count') === '1'", "the search to find the row by its output");
        await browser.ClickAsync("#tabs a[data-view=changes]");
        await browser.WaitForAsync($"document.querySelector('#view-changes .change-item[data-row-id={Js(hostileRow)}]')", "the row among the changes");

        (await browser.EvaluateAsync("typeof window.pwned")).GetString().Should().Be("undefined", "nothing in the data ran");
        (await browser.TextAsync("document.title")).Should().Be("EvalSpec run 20260314T090000Z-now");
        (await browser.EvaluateAsync("document.querySelectorAll('img').length")).GetInt32().Should().Be(0, "no element came from the data");
        (await browser.EvaluateAsync("document.querySelectorAll('script').length")).GetInt32().Should().Be(5, "the page's three data blocks and two scripts, and no more");
        browser.Errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Twenty_thousand_rows_open_at_once_and_the_load_time_is_measured()
    {
        const int Rows = 20_000;
        string run = ExplorerRuns.WriteLarge(Project, "20260314T090000Z-large", Rows);
        var clock = Stopwatch.StartNew();
        (await Cli.RunAsync("report", run, "--no-baseline")).ExitCode.Should().Be(0);
        TimeSpan written = clock.Elapsed;
        string html = Path.Combine(run, "report.html");
        long size = new FileInfo(html).Length;

        await using HeadlessChromium browser = await HeadlessChromium.StartAsync(_folder.Combine("chromium-profile"));
        await browser.NavigateAsync("about:blank");
        clock.Restart();
        await browser.NavigateAsync(new Uri(html).AbsoluteUri + "#rows");
        await browser.WaitForAsync("document.body.dataset.painted === 'true'", "the first frame after the explorer drew its rows");
        TimeSpan seen = clock.Elapsed;
        JsonElement timings = await browser.EvaluateAsync(
            "({ ready: window.evalspecTimings.ready, painted: window.evalspecTimings.painted, parsed: window.evalspecTimings.parsed, load: performance.getEntriesByType('navigation')[0].loadEventEnd })");

        (await CountAsync(browser)).Should().Be(Rows);
        int drawn = (await browser.EvaluateAsync("document.querySelectorAll('#rows-body .grid-row').length")).GetInt32();
        drawn.Should().BeInRange(1, 120, "only the rows in sight are in the page");

        clock.Restart();
        await browser.SelectAsync("#filter-outcome", "fail");
        int failed = await CountAsync(browser);
        TimeSpan filtered = clock.Elapsed;
        failed.Should().BeInRange(1, Rows - 1);

        clock.Restart();
        await browser.ClickAsync("#rows-body .grid-row");
        await browser.WaitForAsync("!document.getElementById('transcript').hidden", "the first transcript");
        TimeSpan opened = clock.Elapsed;
        (await TranscriptAsync(browser, "checks")).Should().Contain("llama-3.1-8b");

        await browser.PressAsync("Escape", "Escape", 27);
        await browser.ClickAsync("#tabs a[data-view=matrix]");
        await browser.WaitForAsync("document.querySelector('#matrix .m-body .m-row')", "the matrix of 1,000 cases");
        (await browser.EvaluateAsync("document.querySelectorAll('#matrix .cell').length")).GetInt32().Should().BeLessThan(2_000, "the matrix draws the cases in sight");

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rows:#,0} rows: report.html {size / 1e6:0.0} MB written in {written.TotalSeconds:0.0} s. In headless Chromium: rows listed {timings.GetProperty("ready").GetDouble():0} ms after navigation start (index parsed in {timings.GetProperty("parsed").GetDouble():0} ms), first frame at {timings.GetProperty("painted").GetDouble():0} ms, load event at {timings.GetProperty("load").GetDouble():0} ms; {seen.TotalMilliseconds:0} ms as the test saw it over DevTools. Filter to {failed:#,0} failed rows: {filtered.TotalMilliseconds:0} ms; first transcript (reads all transcripts): {opened.TotalMilliseconds:0} ms."));
        browser.Errors.Should().BeEmpty();
    }
}
