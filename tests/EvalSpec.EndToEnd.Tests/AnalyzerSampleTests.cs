using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The analyzers as a user meets them in a build: a deliberately broken project (tests/fixtures/AnalyzerSample) reports
/// exactly the diagnostics its `expect:` comments name, and the example suite reports none. Read from the compiler's
/// SARIF log, which also holds info-level diagnostics that the console output leaves out.
/// </summary>
public sealed class AnalyzerSampleTests
{
    private static readonly Regex Expectation = new(@"\bexpect(?<next>-next)?:\s*(?<ids>ES\d{4}(?:\s*,\s*ES\d{4})*)", RegexOptions.CultureInvariant);

    [Fact]
    public async Task The_broken_sample_reports_exactly_the_expected_diagnostics()
    {
        string project = Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "AnalyzerSample");

        IReadOnlyList<SarifResult> reported = await BuildAsync(project, expectSuccess: false);

        string[] expected = Expected(project).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToArray();
        reported.Select(r => r.ToString()).Order(StringComparer.Ordinal).Should().Equal(expected);
    }

    [Fact]
    public async Task The_example_suite_reports_no_diagnostics()
    {
        string[] copies = ScratchCopy.OfFolders(Path.Combine("examples", "FaqBot"), Path.Combine("examples", "FaqBot.Evals"));
        try
        {
            IReadOnlyList<SarifResult> reported = await BuildAsync(copies[1], expectSuccess: true);

            reported.Should().BeEmpty("opening the examples must show no EvalSpec diagnostic, warning or error");
        }
        finally
        {
            ScratchCopy.Delete(copies[1]);
        }
    }

    /// <summary>Builds <paramref name="project"/> with a SARIF log; returns the diagnostics in the project's own sources: every EvalSpec one, and other warnings and errors.</summary>
    private static async Task<IReadOnlyList<SarifResult>> BuildAsync(string project, bool expectSuccess)
    {
        string log = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n") + ".sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        // The compiler writes the log, so the project must compile: the broken sample never builds, the example is a
        // fresh copy. (No --no-incremental: it would rebuild the shared src projects under other running tests.)
        ProcessResult build = await DotNet.RunAsync(project, null, "build", project, $"-p:ErrorLog={log}%2Cversion=2.1");
        if (expectSuccess)
        {
            build.ExitCode.Should().Be(0, build.ToString());
        }

        File.Exists(log).Should().BeTrue("the compiler wrote its log:\n" + build);
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(log));
        var results = new List<SarifResult>();
        foreach (JsonElement result in sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            string level = result.TryGetProperty("level", out JsonElement l) ? l.GetString()! : "warning";
            JsonElement location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            string file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
            int line = location.GetProperty("region").GetProperty("startLine").GetInt32();
            string id = result.GetProperty("ruleId").GetString()!;
            // Every EvalSpec diagnostic, info included; of others (CA suggestions...), only warnings and errors.
            bool counts = id.StartsWith("ES", StringComparison.Ordinal) ? level != "none" : level is "warning" or "error";
            if (counts && file.StartsWith(project, StringComparison.Ordinal))
            {
                results.Add(new SarifResult(id, Path.GetRelativePath(project, file).Replace('\\', '/'), line));
            }
        }

        return results;
    }

    /// <summary>Every `expect: ESxxxx` (this line) and `expect-next: ESxxxx` (the next line) in the project's sources.</summary>
    private static IEnumerable<SarifResult> Expected(string project)
    {
        foreach (string file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".prompts", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Expectation.Matches(lines[i]))
                {
                    int line = i + 1 + (match.Groups["next"].Success ? 1 : 0);
                    foreach (string id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        yield return new SarifResult(id, Path.GetRelativePath(project, file).Replace('\\', '/'), line);
                    }
                }
            }
        }
    }

    private sealed record SarifResult(string Id, string File, int Line)
    {
        public override string ToString() => $"{File}({Line}): {Id}";
    }
}
