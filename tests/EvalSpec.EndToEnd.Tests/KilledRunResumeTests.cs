using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// EVALSPEC_RESUME after a real kill: `dotnet test` of tests/fixtures/DurabilitySuite is started, its process tree is
/// killed (SIGKILL) while one method's rows are written and the other's are still running, and the resumed run then
/// holds what an uninterrupted run holds: every row once, no torn line, the same verdicts, row counts and judge figures.
/// </summary>
[Collection(DurabilitySuiteBuild.Collection)]
public sealed class KilledRunResumeTests
{
    private const string Alpha = "DurabilitySuite.LedgerEvals.Alpha";

    private readonly DurabilitySuiteBuild _suite;

    public KilledRunResumeTests(DurabilitySuiteBuild suite) => _suite = suite;

    /// <summary>The settings of every run here: no baseline (other tests of the collection write one), rows never time out while held.</summary>
    private static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore", ["EVALSPEC_ROWTIMEOUT"] = "00:30:00" };
        foreach ((string key, string value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task A_run_killed_mid_run_and_resumed_equals_an_uninterrupted_run()
    {
        SuiteRun whole = await SuiteRun.RunProjectAsync(_suite.Assembly, Settings());
        whole.Process.ExitCode.Should().Be(0, whole.Process.ToString());
        whole.Rows.Should().HaveCount(6, whole.Process.ToString());

        // The run to kill: Beta's rows wait until the process dies; Alpha's three rows are written meanwhile.
        string root = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
        string folder = Path.Combine(root, "evalspec", "e2e");
        string results = Path.Combine(folder, "results.jsonl");
        var output = new StringBuilder();
        using (Process dotnetTest = DotNet.Start(
            DotNet.RepoRoot,
            Settings(("EVALSPEC_RESULTSDIRECTORY", Path.Combine(root, "evalspec")), ("EVALSPEC_RUNID", "e2e"), ("FIXTURE_HOLD", "Beta")),
            output,
            "test",
            _suite.Assembly))
        {
            int? host = null;
            var waited = Stopwatch.StartNew();
            while (CompleteLines(results) < 3)
            {
                host ??= ProcessTree.FindDescendant(dotnetTest.Id, "testhost");
                if (dotnetTest.HasExited || waited.Elapsed > TimeSpan.FromMinutes(8))
                {
                    dotnetTest.Kill(entireProcessTree: true);
                    lock (output)
                    {
                        throw new TimeoutException($"Alpha's rows were not written before the run {(dotnetTest.HasExited ? "ended" : "was given up after 8 minutes")}:\n{output}");
                    }
                }

                await Task.Delay(20);
            }

            host ??= ProcessTree.FindDescendant(dotnetTest.Id, "testhost");
            host.Should().NotBeNull("the test host runs under dotnet test");
            dotnetTest.Kill(entireProcessTree: true);
            await dotnetTest.WaitForExitAsync();
            for (int i = 0; i < 1000 && ProcessTree.IsAlive(host!.Value); i++)
            {
                await Task.Delay(10);
            }

            ProcessTree.IsAlive(host!.Value).Should().BeFalse("the test host was killed with the tree");
        }

        File.Exists(Path.Combine(folder, "summary.json")).Should().BeFalse("a killed run writes no summary");
        string[] before = File.ReadAllLines(results);
        before.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("rowId").GetString()).Should().OnlyContain(id => id!.StartsWith(Alpha + "/", StringComparison.Ordinal), "only Alpha's rows finished");

        SuiteRun resumed = await SuiteRun.RunInAsync(root, _suite.Assembly, Settings(("EVALSPEC_RESUME", "e2e")));

        resumed.Process.ExitCode.Should().Be(0, resumed.Process.ToString());
        string[] lines = File.ReadAllLines(results);
        lines.Should().HaveCount(6, "one line per row, none repeated: " + resumed.Process);
        JsonElement[] rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Select(RowId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(whole.Rows.Select(RowId));
        rows.Where(r => RowId(r).StartsWith(Alpha + "/", StringComparison.Ordinal)).Select(r => r.GetRawText())
            .Should().BeEquivalentTo(before.Select(l => JsonDocument.Parse(l).RootElement.GetRawText()), "Alpha's rows are taken over as they were written, not run again");
        Verdicts(rows).Should().BeEquivalentTo(Verdicts(whole.Rows));

        JsonElement summary = resumed.Summary;
        summary.GetProperty("resumed").GetProperty("takenOver").GetInt32().Should().Be(before.Length);
        summary.GetProperty("resumed").GetProperty("tornLines").GetInt32().Should().Be(0);
        foreach (string section in new[] { "rows", "methods", "judges", "panels", "systemUnderTestCalls" })
        {
            Optional(summary, section).Should().Be(Optional(whole.Summary, section), $"the resumed run's {section} must equal the uninterrupted run's");
        }
    }

    /// <summary>How many whole lines (ended by a line break) the file has; 0 while it does not exist.</summary>
    private static int CompleteLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private static string RowId(JsonElement row) => row.GetProperty("rowId").GetString()!;

    private static Dictionary<string, string> Verdicts(IEnumerable<JsonElement> rows) => rows.ToDictionary(RowId, r => r.GetProperty("outcome").GetString()!);

    private static string Optional(JsonElement summary, string section) => summary.TryGetProperty(section, out JsonElement value) ? Canonical(value) : "absent";

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
