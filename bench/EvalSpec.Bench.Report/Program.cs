using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalSpec.Reporting.Reports;

// Report benchmark: writes results.jsonl of a generated run (20,000 rows by default: 1,000 cases x 4 prompt variants x
// 5 relations, two model judges per row with reasons and raw answers), times `evalspec report`'s work on it (read the
// rows, write report.md and report.html), then opens report.html in headless Chromium several times and prints how long
// after navigation start the row explorer had listed the rows (its script records that in the page, and
// `chromium --dump-dom` prints the page after the load event). Timings are printed, never asserted.
// Usage: dotnet run --project bench/EvalSpec.Bench.Report -c Release [-- --rows N] [--runs R] [--chromium path]
int rows = Option("--rows", 20_000);
int runs = Option("--runs", 3);
string? chromium = Value("--chromium") ?? new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

string root = Path.Combine(Path.GetTempPath(), "evalspec-bench-report-" + Guid.NewGuid().ToString("n")[..8]);
string folder = Path.Combine(root, "TestResults", "evalspec", "20260314T090000Z-bench");
Directory.CreateDirectory(folder);
try
{
    WriteRun(Path.Combine(folder, RunResultsReader.FileName), rows);
    long resultsBytes = new FileInfo(Path.Combine(folder, RunResultsReader.FileName)).Length;

    var clock = Stopwatch.StartNew();
    RunData run = RunData.Load(folder);
    double readMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    RunReportFiles files = RunReports.Write(run, new ReportOptions(), stepSummaryPath: null);
    double writeMs = clock.Elapsed.TotalMilliseconds;
    long htmlBytes = new FileInfo(files.HtmlPath).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{rows:#,0} rows: results.jsonl {resultsBytes / 1e6:0.0} MB read in {readMs:0} ms; report.md and report.html ({htmlBytes / 1e6:0.0} MB) written in {writeMs:0} ms"));

    if (chromium is null)
    {
        Console.WriteLine("Chromium not found (install Debian's chromium, or pass --chromium <path>): the browser timings are skipped.");
        return 0;
    }

    Console.WriteLine($"headless {chromium}, {runs} opens (each with a fresh profile):");
    for (int i = 0; i < runs; i++)
    {
        (double wall, int? ready, int? parsed, int? load, int listed) = Open(chromium, files.HtmlPath, Path.Combine(root, "profile-" + i.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  open {i + 1}: rows listed {Show(ready)} ms after navigation start (index parsed in {Show(parsed)} ms, {listed} row elements in the page); load event (transcripts read) at {Show(load)} ms; chromium start to end of its DOM dump {wall:0} ms"));
    }

    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static string Show(int? ms) => ms?.ToString(CultureInfo.InvariantCulture) ?? "?";

static (double Wall, int? Ready, int? Parsed, int? Load, int Listed) Open(string chromium, string html, string profile)
{
    var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (string argument in new[]
    {
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--window-size=1400,900", "--user-data-dir=" + profile, "--dump-dom", new Uri(html).AbsoluteUri + "#rows",
    })
    {
        start.ArgumentList.Add(argument);
    }

    var clock = Stopwatch.StartNew();
    using Process process = Process.Start(start)!;
    process.ErrorDataReceived += (_, _) => { };
    process.BeginErrorReadLine();
    string dom = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    double wall = clock.Elapsed.TotalMilliseconds;
    Match body = Regex.Match(dom, "<body[^>]*>");
    int? Attribute(string name) => Regex.Match(body.Value, name + "=\"(\\d+)\"") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    if (!body.Value.Contains("data-explorer=\"ready\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"The row explorer did not finish before Chromium dumped the page (exit code {process.ExitCode}).");
    }

    return (wall, Attribute("data-ready-ms"), Attribute("data-parsed-ms"), Attribute("data-load-ms"), Regex.Matches(dom, "class=\"grid-row").Count);
}

static void WriteRun(string path, int rows)
{
    string[] variants = { "formal", "casual", "terse", "polite" };
    string[] relations = { "identity", "typos", "lowercase", "distractor", "swap-product" };
    using var writer = new StreamWriter(path);
    int written = 0;
    for (int c = 0; written < rows; c++)
    {
        foreach (string variant in variants)
        {
            foreach (string relation in relations)
            {
                if (written++ >= rows)
                {
                    return;
                }

                bool identity = relation == "identity";
                bool pass = ((c * 7) + variant.Length + relation.Length) % 11 != 0;
                string caseId = "item-" + c.ToString("00000", CultureInfo.InvariantCulture);
                string prompt = string.Create(CultureInfo.InvariantCulture, $"Customer {c} asks, in the {variant} wording: what is the refund window for item {c} bought on day {(c % 28) + 1}, and can it be returned without its receipt?");
                string output = string.Create(CultureInfo.InvariantCulture, $"Item {c} can be returned within {(pass ? 30 : 14)} days of delivery (case {caseId}, {variant}/{relation}). A receipt or the order number is needed; refunds go to the original payment method within 5 business days.");
                var row = new JsonObject
                {
                    ["runId"] = "20260314T090000Z-bench",
                    ["rowId"] = $"Bench.SupportEvals.RefundWindow/{caseId}/{variant}/{relation}",
                    ["suite"] = "Bench.SupportEvals",
                    ["method"] = "RefundWindow",
                    ["case"] = caseId,
                    ["variant"] = variant,
                    ["relation"] = relation,
                    ["inputs"] = new JsonObject { ["item"] = c },
                    ["prompt"] = prompt,
                    ["expected"] = "30 days",
                    ["output"] = output,
                    ["outcome"] = pass ? "pass" : "fail",
                    ["checks"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["name"] = "rubric",
                            ["outcome"] = pass ? "pass" : "fail",
                            ["score"] = pass ? 0.9 : 0.1,
                            ["rationale"] = pass ? "2 of 2 judges passed" : "2 of 2 judges failed",
                            ["verdicts"] = new JsonArray(Verdict("llama", "llama-3.1-8b", pass, $"Row {c}/{variant}/{relation}: the answer {(pass ? "states" : "does not state")} the 30-day window."), Verdict("qwen", "qwen2.5-7b", pass, $"Judged {caseId} {variant} {relation}: {(pass ? "correct" : "wrong")} refund window.")),
                        },
                    },
                    ["latencyMs"] = 200 + (c % 97),
                    ["startedAt"] = "2026-03-14T09:00:00+00:00",
                };
                if (!identity)
                {
                    row["relationKind"] = "invariant";
                    row["followUpPrompt"] = prompt.Replace("refund", "refnud", StringComparison.Ordinal);
                    row["sourceOutput"] = output.Replace(" (case", " (source case", StringComparison.Ordinal);
                }

                if (!pass)
                {
                    row["reason"] = "failed check(s): rubric";
                }

                writer.WriteLine(row.ToJsonString());
            }
        }
    }
}

static JsonObject Verdict(string judge, string model, bool pass, string rationale) => new()
{
    ["judge"] = judge,
    ["outcome"] = pass ? "pass" : "fail",
    ["score"] = pass ? 0.9 : 0.1,
    ["rationale"] = rationale,
    ["rawOutput"] = $"{{\"verdict\": \"{(pass ? "pass" : "fail")}\", \"reason\": \"{rationale}\"}}",
    ["latencyMs"] = 310.5,
    ["modelCalls"] = 1,
    ["model"] = model,
    ["inputTokens"] = 812,
    ["outputTokens"] = 64,
};

int Option(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
