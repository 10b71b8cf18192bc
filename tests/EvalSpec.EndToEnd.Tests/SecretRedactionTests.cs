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
/// Canaries for the redaction of secrets, on a scratch copy of tests/fixtures/SecretsSuite run with `dotnet test`
/// against the local OpenAI-compatible server through the real OpenAI client: the provider's 401 body echoes the bot's
/// key (thrown by the eval method), the bot's answer leaks its key (output, snapshot, recording, the judge's request),
/// the LLM judge's answer quotes its own key (raw judge output) and the gateway judge's 401 echoes it (a judge's error).
/// No key may reach a file of the run, the recordings, the snapshots, the step summary, the TRX file or the console;
/// the marker stands where a key stood; and a replay of the redacted recordings decides and snapshots the same.
/// </summary>
public sealed class SecretRedactionTests : IAsyncLifetime
{
    /// <summary>Written into the fixture's code: found by its shape (sk-...).</summary>
    private const string BotKey = "sk-proj-SecretsCanaryBot0123456789abcdef";

    /// <summary>Given in FIXTURE_JUDGE_API_KEY: found because the variable's name ends in _KEY (it has no known shape).</summary>
    private const string JudgeKey = "judge-canary-7f3a9c2e1b5d";

    private const string Marker = "[REDACTED]";

    private FakeOpenAIServer _server = null!;
    private string _project = null!;
    private string _scratch = null!;

    public async Task InitializeAsync()
    {
        _server = await StartServerAsync();
        _project = ScratchCopy.Of("SecretsSuite");
        _scratch = Path.Combine(Path.GetTempPath(), "evalspec-e2e-secrets", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_scratch);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task Keys_echoed_by_providers_models_and_judges_reach_no_file_and_no_console_and_replay_the_same()
    {
        string stepSummary = Path.Combine(_scratch, "step-summary.md");
        SuiteRun recorded = await Run("record", ("EVALSPEC_SNAPSHOTS", "accept"), ("GITHUB_STEP_SUMMARY", stepSummary));

        // The keys did travel: the client sent them and the server echoed them in its errors and answers.
        _server.Requests.Should().Contain(r => r.Authorization == "Bearer " + BotKey, recorded.Process.ToString());
        _server.Requests.Should().Contain(r => r.Authorization == "Bearer " + JudgeKey);
        recorded.Rows.Should().HaveCount(3, recorded.Process.ToString());

        AssertNoKeyIn(recorded, stepSummary);

        // The marker stands where each key stood.
        JsonElement expired = Row(recorded, "an expired key");
        expired.GetProperty("outcome").GetString().Should().Be("fail");
        expired.GetProperty("reason").GetString().Should().Contain("the eval method threw").And.Contain("Incorrect API key provided: Bearer " + Marker);
        JsonElement settings = Row(recorded, "your settings");
        settings.GetProperty("output").GetString().Should().Be($"My settings: OPENAI_API_KEY={Marker}, Authorization: Bearer {Marker}");
        JsonElement[] verdicts = settings.GetProperty("checks").EnumerateArray().SelectMany(c => c.GetProperty("verdicts").EnumerateArray()).ToArray();
        JsonElement rubricJudge = verdicts.Single(v => v.GetProperty("judge").GetString() == "rubric-judge");
        rubricJudge.GetProperty("rawOutput").GetString().Should().Contain("Checked with key " + Marker);
        JsonElement gatewayJudge = verdicts.Single(v => v.GetProperty("judge").GetString() == "gateway-judge");
        gatewayJudge.GetProperty("rationale").GetString().Should().Contain("Incorrect API key provided: " + Marker);
        recorded.Process.Output.Should().Contain("Incorrect API key provided: Bearer " + Marker, "the failed row's message in the console");
        File.ReadAllText(Path.Combine(recorded.RunDirectory, "report.md")).Should().Contain(Marker);
        File.ReadAllText(stepSummary).Should().Contain(Marker);
        string[] verified = Snapshots("*.verified.*");
        verified.Should().HaveCount(2, "the rows with an output are snapshotted; the row whose eval method threw is not");
        File.ReadAllText(verified.Single(f => f.Contains("your", StringComparison.OrdinalIgnoreCase))).Should().Contain($"OPENAI_API_KEY={Marker}");
        string recordings = Path.Combine(_project, "recordings", "SecretsSuite.SupportEvals.recordings.json");
        File.ReadAllText(recordings).Should().Contain($"OPENAI_API_KEY={Marker}").And.Contain("Checked with key " + Marker);

        // The redacted recordings replay into the same verdicts and the same snapshots, without the server, and are left
        // as they were: the judge's request, made from the redacted answer, finds the recording of the live one.
        byte[] recordingsBytes = File.ReadAllBytes(recordings);
        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");

        Outcomes(replayed).Should().Equal(Outcomes(recorded), replayed.Process.ToString());
        JsonElement snapshots = replayed.Summary.GetProperty("snapshots");
        snapshots.GetProperty("matched").GetInt32().Should().Be(verified.Length, replayed.Process.ToString());
        snapshots.GetProperty("mismatched").GetInt32().Should().Be(0);
        Snapshots("*.received.*").Should().BeEmpty();
        Row(replayed, "your settings").GetProperty("output").GetString().Should().Be(settings.GetProperty("output").GetString());
        Rubric(replayed, "your settings").Should().Be(Rubric(recorded, "your settings"));
        File.ReadAllBytes(recordings).Should().Equal(recordingsBytes);
        AssertNoKeyIn(replayed, stepSummary);
    }

    private void AssertNoKeyIn(SuiteRun run, string stepSummary)
    {
        string root = Path.GetFullPath(Path.Combine(run.RunDirectory, "..", ".."));
        var written = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) // the run folder and the TRX file
            .Concat(Directory.EnumerateFiles(Path.Combine(_project, "recordings"), "*", SearchOption.AllDirectories))
            .Concat(Snapshots("*.verified.*"))
            .Concat(Snapshots("*.received.*"))
            .Append(stepSummary)
            .ToList();
        written.Should().Contain(f => f.EndsWith("results.jsonl", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("summary.json", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("report.md", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith("report.html", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith(".trx", StringComparison.Ordinal));
        foreach (string file in written)
        {
            string text = File.ReadAllText(file);
            text.Should().NotContain(BotKey, file).And.NotContain(JudgeKey, file);
        }

        run.Process.Output.Should().NotContain(BotKey, "the console").And.NotContain(JudgeKey, "the console");
    }

    private string[] Snapshots(string pattern) => Directory.GetFiles(_project, pattern, SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .ToArray();

    private static JsonElement Row(SuiteRun run, string caseId) => run.Rows.Single(r => r.GetProperty("case").GetString() == caseId);

    private static string Rubric(SuiteRun run, string caseId) => Row(run, caseId).GetProperty("checks").EnumerateArray()
        .Single(c => c.GetProperty("name").GetString() == "rubric").GetProperty("verdicts").EnumerateArray()
        .Single(v => v.GetProperty("judge").GetString() == "rubric-judge").GetProperty("rawOutput").GetString()!;

    private static IReadOnlyList<(string RowId, string Outcome)> Outcomes(SuiteRun run) =>
        run.Rows.Select(r => (r.GetProperty("rowId").GetString()!, r.GetProperty("outcome").GetString()!)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToArray();

    private Task<SuiteRun> Run(string recording, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = recording,
            ["FIXTURE_JUDGE_API_KEY"] = JudgeKey,
        };
        if (recording != "replay")
        {
            environment["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString();
        }

        foreach ((string name, string value) in extra)
        {
            environment[name] = value;
        }

        return SuiteRun.RunProjectAsync(_project, environment);
    }

    /// <summary>
    /// The bot answers, or fails with OpenAI's 401 body echoing the Authorization header it got (as providers have done),
    /// or leaks its configuration; the LLM judge passes, quoting its own key; the gateway judge's model fails with a 401
    /// echoing the bare key.
    /// </summary>
    private static Task<FakeOpenAIServer> StartServerAsync() => FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
    {
        Responder = request =>
        {
            string asked = request.LastUserMessage ?? string.Empty;
            string key = request.Authorization?["Bearer ".Length..] ?? string.Empty;
            return request.Model switch
            {
                "judge-model" => ScriptedResponse.Completion($$"""{"reasoning":"Checked with key {{key}}: the answer is fine.","score":5,"verdict":"pass"}"""),
                "gateway-model" => ScriptedResponse.Error(401, $"Incorrect API key provided: {key}. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
                _ when asked.Contains("expired", StringComparison.Ordinal) => ScriptedResponse.Error(
                    401, $"Incorrect API key provided: {request.Authorization}. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
                _ when asked.Contains("settings", StringComparison.Ordinal) => ScriptedResponse.Completion($"My settings: OPENAI_API_KEY={key}, Authorization: {request.Authorization}"),
                _ => ScriptedResponse.Completion("Refunds are accepted within 30 days of delivery."),
            };
        },
    });
}
