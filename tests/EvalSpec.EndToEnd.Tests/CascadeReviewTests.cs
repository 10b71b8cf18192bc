using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// A judge cascade in a real `dotnet test` run of a fixture suite, its judges reached over HTTP through the real OpenAI
/// client: escalations and abstentions counted in the summary, the review queue written, labelled with `evalspec review`,
/// calibrated with `evalspec calibrate`, and the calibration file loaded by the next run.
/// </summary>
public sealed class CascadeReviewTests : IAsyncLifetime
{
    private const string Pass = """{"reasoning":"States the window.","score":5,"verdict":"pass"}""";
    private const string Fail = """{"reasoning":"Wrong window.","score":1,"verdict":"fail"}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-cascade-e2e-").FullName;
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();

        // Phone rows: judge-a and judge-b agree (pass). Laptop rows: judge-b fails, so the cheap tier escalates to judge-c,
        // which passes the short prompt and cannot be read on the formal one (the cascade abstains there).
        _server.Responder = request =>
        {
            bool laptop = request.RawBody.Contains("laptop", StringComparison.Ordinal);
            bool formal = request.RawBody.Contains("refund window for a laptop", StringComparison.Ordinal);
            string answer = request.Model switch
            {
                "judge-b" => laptop ? Fail : Pass,
                "judge-c" => formal ? "Looks fine to me, I suppose." : Pass,
                _ => Pass,
            };
            return ScriptedResponse.Completion(answer, new ScriptedUsage(100, 10));
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_cascade_escalates_abstains_queues_rows_for_review_and_a_calibration_written_from_the_labels_is_loaded_by_the_next_run()
    {
        var environment = new Dictionary<string, string>
        {
            ["FIXTURE_JUDGES"] = "cascade",
            ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(),
            ["EVALSPEC_CASCADE__ASKALLTIERS"] = "true",
        };
        SuiteRun collecting = await SuiteRun.RunAsync("BehaviourSuite", environment, "--filter", "EvalMethod=Refund&Relation=identity");

        collecting["BehaviourEvals.Refund [laptop · formal]"].Message.Should().Contain("below the confidence threshold of every tier", collecting.Process.ToString());
        collecting["BehaviourEvals.Refund [laptop · short]"].Outcome.Should().Be("Passed");
        RubricVerdict(collecting, "phone/short").GetProperty("outcome").GetString().Should().Be("pass", "the cheap tier agreed (the row fails its expected answer, 14 days)");
        RubricVerdict(collecting, "phone/short").GetProperty("cascade").GetProperty("decidedBy").GetString().Should().Be("cheap");
        RubricVerdict(collecting, "laptop/short").GetProperty("cascade").GetProperty("decidedBy").GetString().Should().Be("strong");
        RubricVerdict(collecting, "laptop/formal").GetProperty("cascade").GetProperty("abstained").GetBoolean().Should().BeTrue();
        JsonElement cascade = collecting.Summary.GetProperty("cascades").GetProperty("cascade");
        cascade.GetProperty("judged").GetInt32().Should().Be(4);
        cascade.GetProperty("abstained").GetInt32().Should().Be(1);
        JsonElement cheap = cascade.GetProperty("tiers")[0];
        (cheap.GetProperty("asked").GetInt32(), cheap.GetProperty("decided").GetInt32(), cheap.GetProperty("escalated").GetInt32(), cheap.GetProperty("modelCalls").GetInt32()).Should().Be((4, 2, 2, 8));
        cascade.GetProperty("guarantee").GetString().Should().StartWith("none: not calibrated");
        collecting.Process.Output.Should().Contain("EvalSpec run e2e: 4 rows, 1 passed, 2 failed, 1 inconclusive. Cascade cascade abstained on 1 of 4 row(s) (inconclusive; label them from review.jsonl with `evalspec review`).");
        string queue = Path.Combine(collecting.RunDirectory, "review.jsonl");
        File.ReadAllLines(queue).Should().HaveCount(4, "every row is queued while collecting calibration data");

        // A person labels every row pass; the labels become the calibration.
        string csv = Path.Combine(_folder, "labels.csv");
        string labels = Path.Combine(_folder, "labels.jsonl");
        string calibration = Path.Combine(_folder, "evalspec.calibration.json");
        CliRun exported = await CliRun.RunAsync(_ => null, "review", collecting.RunDirectory, "--export", csv, "--labels", labels);
        exported.ExitCode.Should().Be(0, exported.ToString());
        string[] lines = File.ReadAllLines(csv);
        File.WriteAllLines(csv, new[] { "id,label" }.Concat(ReadIds(queue).Select(id => id + ",pass")));
        (await CliRun.RunAsync(_ => null, "review", collecting.RunDirectory, "--import", csv, "--labels", labels)).ExitCode.Should().Be(0);
        CliRun calibrated = await CliRun.RunAsync(_ => null, "calibrate", "--labels", labels, "--target", "0.5", "--risk", "0.5", "--min-items", "1", "--min-decided", "1", "--output", calibration);
        calibrated.ExitCode.Should().Be(0, calibrated.ToString());
        lines.Should().HaveCount(5);

        environment.Remove("EVALSPEC_CASCADE__ASKALLTIERS");
        environment["EVALSPEC_CASCADE__CALIBRATIONFILE"] = calibration;
        SuiteRun calibratedRun = await SuiteRun.RunAsync("BehaviourSuite", environment, "--filter", "EvalMethod=Refund&Relation=identity");

        // The files a team commits (labels, calibration) and the queue satisfy their schemas in docs/schemas.
        string reviewSchema = File.ReadAllText(Path.Combine(DotNet.RepoRoot, "docs", "schemas", "review-item.schema.json"));
        File.ReadAllLines(queue).Concat(File.ReadAllLines(labels)).Where(line => line.Length > 0).SelectMany(line => SchemaErrors.Of(reviewSchema, line)).Should().BeEmpty();
        SchemaErrors.Of(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "docs", "schemas", "calibration.schema.json")), File.ReadAllText(calibration)).Should().BeEmpty();

        calibratedRun.Summary.GetProperty("cascades").GetProperty("cascade").GetProperty("guarantee").GetString()
            .Should().Be("agreement >= 0.5 at risk 0.5 (4 labelled items)", calibratedRun.Process.ToString());
        new[] { "phone/short", "phone/formal", "laptop/short", "laptop/formal" }.Select(row => RubricVerdict(calibratedRun, row).GetProperty("rationale").GetString()).Should().OnlyContain(r => r!.Contains("[calibrated: agreement with people >= 0.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_persons_label_pinned_in_the_baseline_decides_the_abstained_row_on_the_next_run_without_asking_the_judges()
    {
        string baseline = Path.Combine(_folder, "evalspec.baseline.json");
        var environment = new Dictionary<string, string>
        {
            ["FIXTURE_JUDGES"] = "cascade",
            ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(),
            ["EVALSPEC_BASELINEFILE"] = baseline,
        };
        SuiteRun first = await SuiteRun.RunAsync("BehaviourSuite", environment, "--filter", "EvalMethod=Refund&Relation=identity");
        first["BehaviourEvals.Refund [laptop · formal]"].Message.Should().Contain("below the confidence threshold of every tier", first.Process.ToString());
        string queue = Path.Combine(first.RunDirectory, "review.jsonl");
        string abstained = File.ReadAllLines(queue).Select(line => JsonDocument.Parse(line).RootElement)
            .Single(item => item.GetProperty("reason").GetString() == "abstained").GetProperty("id").GetString()!;

        // A person labels the abstained row fail; the label is pinned in the baseline.
        string csv = Path.Combine(_folder, "labels.csv");
        string labels = Path.Combine(_folder, "labels.jsonl");
        File.WriteAllLines(csv, new[] { "id,label,labelledBy", abstained + ",fail,alice" });
        (await CliRun.RunAsync(_ => null, "review", first.RunDirectory, "--import", csv, "--labels", labels)).ExitCode.Should().Be(0);
        CliRun pinned = await CliRun.RunAsync(_ => null, "baseline", "pin", "--labels", labels, "--baseline", baseline);
        pinned.ExitCode.Should().Be(0, pinned.ToString());
        pinned.ToString().Should().Contain("1 row(s) pinned").And.Contain("BehaviourEvals.Refund [laptop · formal]: fail (alice, ");
        JsonDocument.Parse(File.ReadAllText(baseline)).RootElement.GetProperty("format").GetInt32().Should().Be(4);

        int judgeCallsBefore = _server.Requests.Count;
        SuiteRun second = await SuiteRun.RunAsync("BehaviourSuite", environment, "--filter", "EvalMethod=Refund&Relation=identity");

        second["BehaviourEvals.Refund [laptop · formal]"].Outcome.Should().Be("Failed", second.Process.ToString());
        second["BehaviourEvals.Refund [laptop · formal]"].Message.Should().Contain("decided by a person (alice, ").And.Contain("Not a known failure yet").And.NotContain("before baseline version");
        JsonElement person = RubricVerdict(second, "laptop/formal");
        (person.GetProperty("judge").GetString(), person.GetProperty("outcome").GetString()).Should().Be(("person", "fail"));
        second.Summary.GetProperty("baseline").GetProperty("decidedByPerson").GetInt32().Should().Be(1);
        second.Process.Output.Should().Contain("1 row(s) decided by a person");
        _server.Requests.Skip(judgeCallsBefore).Should().NotContain(r => r.RawBody.Contains("refund window for a laptop", StringComparison.Ordinal), "the pinned row's judges are not asked");
        RubricVerdict(second, "laptop/short").GetProperty("judge").GetString().Should().Be("cascade", "the other rows are judged as before");
        string secondQueue = Path.Combine(second.RunDirectory, "review.jsonl");
        (File.Exists(secondQueue) ? File.ReadAllLines(secondQueue) : []).Should().NotContain(line => line.Contains(abstained, StringComparison.Ordinal), "a decided row is not queued again");
    }

    /// <summary>The cascade's verdict in the rubric check of row BehaviourEvals.Refund/<paramref name="caseAndVariant"/>/identity.</summary>
    private static JsonElement RubricVerdict(SuiteRun run, string caseAndVariant) =>
        run.Rows.Single(r => r.GetProperty("rowId").GetString() == "BehaviourSuite.BehaviourEvals.Refund/" + caseAndVariant + "/identity")
            .GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rubric")
            .GetProperty("verdicts").EnumerateArray().Single();

    private static IEnumerable<string> ReadIds(string queue) =>
        File.ReadAllLines(queue).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
}
