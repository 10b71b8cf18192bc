using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;
using EvalSpec.Secrets;
using EvalSpec.Snapshots;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Secrets;

/// <summary>The files a run writes hold the marker where the data held a key (the process's own variables are not needed: the key has a known shape).</summary>
public sealed class RedactedOutputTests : IDisposable
{
    private const string Key = "sk-proj-OutputCanary0123456789abcdef";
    private const string Echo = "Incorrect API key provided: Bearer " + Key + ".";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Results_lines_hold_the_marker_instead_of_a_key_and_stay_valid_JSON()
    {
        string path = _folder.Combine("results.jsonl");
        using (var writer = new ResultsWriter(path))
        {
            writer.Append(new RowResult
            {
                RunId = "run-1",
                RowId = "Shop.Evals.Answer/expired/plain/identity",
                Suite = "Shop.Evals",
                Method = "Answer",
                Case = "expired",
                Variant = "plain",
                Relation = "identity",
                Inputs = new Dictionary<string, JsonElement> { ["topic"] = JsonSerializer.SerializeToElement("key " + Key) },
                Prompt = "Line one\n" + Key,
                Output = JsonSerializer.SerializeToElement(new { reply = "api_key=" + Key }),
                Outcome = "fail",
                Checks = [new CheckResult("rubric", "inconclusive", null, Echo, [new VerdictResult("judge", "inconclusive", null, Echo, "{\"key\": \"" + Key + "\"}", 1, true, 1, null, null, null, null)], null)],
                Reason = "the eval method threw ClientResultException: " + Echo,
                LatencyMs = 1,
                StartedAt = DateTimeOffset.UnixEpoch,
            });
        }

        string line = File.ReadAllText(path);

        line.Should().NotContain(Key);
        using JsonDocument row = JsonDocument.Parse(line);
        row.RootElement.GetProperty("reason").GetString().Should().Be("the eval method threw ClientResultException: Incorrect API key provided: Bearer [REDACTED].");
        row.RootElement.GetProperty("prompt").GetString().Should().Be("Line one\n[REDACTED]");
        row.RootElement.GetProperty("output").GetProperty("reply").GetString().Should().Be("api_key=[REDACTED]");
        row.RootElement.GetProperty("checks")[0].GetProperty("verdicts")[0].GetProperty("rawOutput").GetString().Should().Be("{\"key\": \"[REDACTED]\"}");
    }

    [Fact]
    public void Reports_and_the_step_summary_are_redacted_whatever_the_run_folder_holds()
    {
        // Rows as an older run folder may hold them: written before redaction existed.
        RunRow failed = Row("Answer", "expired", "plain", VerdictOutcome.Fail) with { Reason = "the eval method threw: " + Echo };
        RunRow inconclusive = Row("Answer", "settings", "plain", VerdictOutcome.Inconclusive) with
        {
            Checks = [new RunCheck("rubric", VerdictOutcome.Inconclusive, null, "judge 'gateway' threw: " + Echo, [])],
        };
        string stepSummary = _folder.Combine("step-summary.md");

        RunReportFiles files = RunReports.Write(RunData.From(_folder.Path, [failed, inconclusive], null), new ReportOptions(), stepSummary);

        foreach (string file in new[] { files.MarkdownPath, files.HtmlPath, stepSummary })
        {
            File.ReadAllText(file).Should().NotContain(Key, file).And.Contain(SecretRedactor.Marker, file);
        }

        files.Markdown.Should().NotContain(Key, "the CLI prints it");
    }

    [Fact]
    public void A_snapshot_holds_the_marker_and_is_the_same_for_the_live_answer_and_its_redacted_replay()
    {
        SnapshotDocument live = SnapshotDocument.ForRow("Show settings for " + Key, null, "Settings: Authorization: Bearer " + Key);
        SnapshotDocument replayed = SnapshotDocument.ForRow("Show settings for " + Key, null, "Settings: Authorization: Bearer [REDACTED]");
        SnapshotDocument structured = SnapshotDocument.ForRow("Show settings", "show settings", new { ApiKey = Key, Note = "line\n" + Key });

        live.Content.Should().Be("## Prompt\nShow settings for [REDACTED]\n\n## Output\nSettings: Authorization: Bearer [REDACTED]\n");
        live.Output.Should().Be("Settings: Authorization: Bearer [REDACTED]");
        replayed.Content.Should().Be(live.Content);
        live.TryGetVerifiedOutput(replayed.Content, out string verifiedOutput).Should().BeTrue("the redacted prompt part matches");
        verifiedOutput.Should().Be(live.Output);
        structured.Content.Should().NotContain(Key);
        JsonDocument.Parse(structured.Content).RootElement.GetProperty("output").GetProperty("note").GetString().Should().Be("line\n[REDACTED]");
        structured.Output.Should().NotContain(Key);
    }

    [Fact]
    public void A_request_key_does_not_depend_on_a_secret_it_holds()
    {
        var withKey = new System.Text.Json.Nodes.JsonObject { ["messages"] = "Authorization: Bearer " + Key };
        var redacted = new System.Text.Json.Nodes.JsonObject { ["messages"] = "Authorization: Bearer [REDACTED]" };
        var other = new System.Text.Json.Nodes.JsonObject { ["messages"] = "Authorization: none" };

        EvalSpec.Recording.CanonicalJson.Hash(withKey).Should().Be(EvalSpec.Recording.CanonicalJson.Hash(redacted));
        EvalSpec.Recording.CanonicalJson.Hash(other).Should().NotBe(EvalSpec.Recording.CanonicalJson.Hash(redacted));
    }
}
