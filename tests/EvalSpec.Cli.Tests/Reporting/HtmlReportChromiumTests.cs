using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>
/// Loads report.html in headless Chromium and checks what its inline script drew: the page must render from the file
/// alone (no network: its content security policy allows nothing else).
/// </summary>
public sealed class HtmlReportChromiumTests : IDisposable
{
    private static readonly Regex Bar = new("<rect class=\"bar(?<class>[^\"]*)\"[^>]*data-group=\"(?<group>[^\"]*)\" data-label=\"(?<label>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    [ChromiumFact]
    public async Task The_report_page_draws_a_bar_per_prompt_variant_relation_agreement_statistic_and_judge()
    {
        string baselineRun = RunFiles.Write(Project, "20260314T080000Z-base", RunFiles.Suite16());
        (await Cli.RunAsync("baseline", "update", "--run", baselineRun)).ExitCode.Should().Be(0);
        string run = RunFiles.Write(Project, "20260314T090000Z-worse", RunFiles.Failing(RunFiles.Suite16(), "fail", "c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08"));
        (await Cli.RunAsync("report", run)).ExitCode.Should().Be(0);

        string dom = await RenderAsync(Path.Combine(run, "report.html"));

        dom.Should().Contain("data-rendered=\"true\"", "the inline script ran to its end");
        Match[] variants = Bars(dom, "variant-chart");
        variants.Select(b => (b.Groups["group"].Value, b.Groups["label"].Value)).Should().Equal(
            ("RefundEvals.RefundWindow", "formal"), ("RefundEvals.RefundWindow", "casual"), ("RefundEvals.Warranty", "plain"));
        variants.Select(b => b.Groups["value"].Value).Should().Equal("0.3333", "0.75", "1");
        Chart(dom, "variant-chart").Should().Contain(">casual</text>").And.Contain(">0.750 (3/4)</text>");

        Bars(dom, "relation-chart").Should().ContainSingle().Which.Groups["label"].Value.Should().Be("typos");
        Bars(dom, "agreement-chart").Select(b => b.Groups["label"].Value).Should().Equal("Fleiss κ", "Krippendorff α", "Cohen κ llama / qwen");
        Match[] cost = Bars(dom, "cost-chart");
        cost.Select(b => (b.Groups["label"].Value, b.Groups["class"].Value.Trim(), b.Groups["value"].Value)).Should().Equal(
            ("llama", "input", "16240"), ("llama", "output", "1280"), ("qwen", "input", "15800"), ("qwen", "output", "1160"));

        dom.Should().MatchRegex("<div class=\"gate failed\" id=\"gate\">Gate FAILED");
    }

    [ChromiumFact]
    public async Task A_run_without_panels_or_model_calls_says_so_instead_of_drawing_empty_charts()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-plain", RunFiles.Suite16(), withSummary: false);
        (await Cli.RunAsync("report", run, "--no-baseline")).ExitCode.Should().Be(0);

        string dom = await RenderAsync(Path.Combine(run, "report.html"));

        Chart(dom, "agreement-chart").Should().Contain("No panel of two or more judges in this run");
        Bars(dom, "variant-chart").Should().HaveCount(3);
        Bars(dom, "cost-chart").Should().HaveCount(4, "without a summary, tokens come from the verdicts in results.jsonl");
    }

    private async Task<string> RenderAsync(string html)
    {
        string chromium = Chromium.Path
            ?? throw new InvalidOperationException($"{ChromiumFactAttribute.RequireVariable}=1 but Chromium is not installed ({string.Join(" or ", Chromium.Candidates)}); install Debian's chromium package.");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--virtual-time-budget=5000",
            "--user-data-dir=" + _folder.Combine("chromium-profile"), "--dump-dom", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        string dom = await output;
        process.ExitCode.Should().Be(0, await error);
        dom.Should().Contain("</html>", "Chromium printed the rendered page; its errors: " + await error);
        return dom;
    }

    private static string Chart(string dom, string id)
    {
        int start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page has #{id}");
        int end = dom.IndexOf("</div>", start, StringComparison.Ordinal);
        return dom[start..end];
    }

    private static Match[] Bars(string dom, string id) => Bar.Matches(Chart(dom, id)).ToArray();
}
