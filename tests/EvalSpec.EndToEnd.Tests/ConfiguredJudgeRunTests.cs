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
/// tests/fixtures/ConfiguredJudgeSuite has no startup: its rubric panel is the two judges its evalspec.json declares,
/// which EvalSpec builds into OpenAI clients with recording. A real `dotnet test` run against the OpenAI-compatible
/// server on 127.0.0.1 decides its rows, sends the key of the variable the file names, and writes the key nowhere; the
/// recordings replay the verdicts without the server. A key variable that is not set fails every row, naming it.
/// </summary>
public sealed class ConfiguredJudgeRunTests : IAsyncLifetime
{
    /// <summary>The key. Its variable's name (FIXTURE_GRADER_ACCESS) is not one the redactor treats as a secret, so nothing hides it if it is written.</summary>
    private const string Key = "grader-credential-canary-7f3e9a1b";

    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _project = ScratchCopy.Of("ConfiguredJudgeSuite");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task A_configured_panel_decides_rows_over_http_writes_no_key_and_replays_from_its_recordings()
    {
        _server.Responder = request => request.LastUserMessage!.Contains("within 30 days", StringComparison.Ordinal)
            ? ScriptedResponse.Completion("""{"reasoning":"States the 30-day window.","score":5,"verdict":"pass"}""")
            : ScriptedResponse.Completion($$"""{"reasoning":"{{request.Model}}: no refund window.","score":1,"verdict":"fail"}""");

        SuiteRun recorded = await Run("record", live: true);

        Outcome(recorded, "a laptop").Should().Be("pass", recorded.Process.ToString());
        Outcome(recorded, "a phone").Should().Be("fail", recorded.Process.ToString());
        JsonElement phone = recorded.Rows.Single(r => r.GetProperty("case").GetString() == "a phone");
        string[] judges = phone.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rubric")
            .GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("judge").GetString()!).ToArray();
        judges.Should().BeEquivalentTo("grader-a", "grader-b");
        recorded["AnswerEvals.Answer [a phone · plain]"].Message.Should().Contain("grader-b-model: no refund window.");

        _server.Requests.Should().HaveCount(4, "two rows, two judges, one call each");
        _server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + Key, "the key of the variable the file names");
        _server.Requests.Select(r => r.Model).Distinct().Should().BeEquivalentTo("grader-a-model", "grader-b-model");
        _server.Requests.Where(r => r.Model == "grader-b-model").Should().OnlyContain(r => r.RawBody.Contains("4", StringComparison.Ordinal), "grader-b holds its model to PassingScore 4");
        string recordings = Path.Combine(_project, "recordings");
        Directory.EnumerateFiles(recordings, "*", SearchOption.AllDirectories).Should().NotBeEmpty("the configured judges' clients record");
        File.ReadAllText(Directory.EnumerateFiles(recordings, "*.json", SearchOption.AllDirectories).First()).Should().Contain("grader-a").And.Contain("grader-b");
        AssertNoKeyIn(recorded);

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay", live: false);

        Outcome(replayed, "a laptop").Should().Be("pass", replayed.Process.ToString());
        Outcome(replayed, "a phone").Should().Be("fail", replayed.Process.ToString());
        AssertNoKeyIn(replayed);
    }

    [Fact]
    public async Task A_key_variable_that_is_not_set_fails_every_row_naming_the_variable_and_the_judge()
    {
        SuiteRun run = await SuiteRun.RunProjectAsync(_project, new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = "live",
            ["EVALSPEC_JUDGES__GRADER-A__ENDPOINT"] = _server.BaseAddress.ToString(),
            ["EVALSPEC_JUDGES__GRADER-B__ENDPOINT"] = _server.BaseAddress.ToString(),
        });

        run.Process.ExitCode.Should().NotBe(0);
        run.Report.Results.Should().HaveCount(2, run.Process.ToString());
        run.Report.Results.Values.Should().OnlyContain(r => r.Outcome == "Failed"
            && r.Message.Contains("Judge 'grader-a' reads its key from the environment variable FIXTURE_GRADER_ACCESS", StringComparison.Ordinal)
            && r.Message.Contains("Judge 'grader-b' reads its key from the environment variable FIXTURE_GRADER_ACCESS", StringComparison.Ordinal));
        _server.Requests.Should().BeEmpty();
    }

    private static string Outcome(SuiteRun run, string caseId) =>
        run.Rows.Single(r => r.GetProperty("case").GetString() == caseId).GetProperty("outcome").GetString()!;

    private void AssertNoKeyIn(SuiteRun run)
    {
        string root = Path.GetFullPath(Path.Combine(run.RunDirectory, "..", ".."));
        var written = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) // the run folder (results, summary, reports) and the TRX file
            .Concat(Directory.EnumerateFiles(Path.Combine(_project, "recordings"), "*", SearchOption.AllDirectories))
            .ToList();
        written.Should().Contain(f => f.EndsWith("results.jsonl", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("summary.json", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("report.md", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("report.html", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith(".trx", StringComparison.Ordinal));
        foreach (string file in written)
        {
            File.ReadAllText(file).Should().NotContain(Key, file);
        }

        run.Process.Output.Should().NotContain(Key, "the console");
    }

    private Task<SuiteRun> Run(string recording, bool live)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = recording,
            ["FIXTURE_GRADER_ACCESS"] = Key,
        };
        if (live)
        {
            // The file's endpoint is a port nothing listens on; the variables point the judges at the test's server.
            environment["EVALSPEC_JUDGES__GRADER-A__ENDPOINT"] = _server.BaseAddress.ToString();
            environment["EVALSPEC_JUDGES__GRADER-B__ENDPOINT"] = _server.BaseAddress.ToString();
        }

        return SuiteRun.RunProjectAsync(_project, environment);
    }
}
