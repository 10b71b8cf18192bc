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
/// The pull-request workflow on a scratch copy of tests/fixtures/RecordedSuite, whose bot and LLM judge are reached
/// through the real OpenAI client: record against the local OpenAI-compatible server, replay with the server stopped,
/// change a prompt and see the snapshot fail with a diff, accept it, degrade the bot and see the gate fail, and see
/// the gate pass on an unchanged run.
/// </summary>
public sealed class PullRequestWorkflowTests : IAsyncLifetime
{
    private const string Canary = "sk-fixture-canary-4242";
    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await StartServerAsync(degraded: false);
        _project = ScratchCopy.Of("RecordedSuite");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task Record_replay_snapshots_and_the_gate_make_a_deterministic_pull_request_check()
    {
        // 1. A developer records the model calls and accepts the first snapshots.
        SuiteRun recorded = await Run("record", ("EVALSPEC_SNAPSHOTS", "accept"));
        recorded.Process.ExitCode.Should().Be(0, recorded.Process.ToString());
        int modelCalls = _server.Requests.Count;
        modelCalls.Should().Be(21, "the bot answers 6 sources and 9 applicable follow-ups once each; the judge rates the 6 identity rows");
        string recordings = Path.Combine(_project, "recordings", "RecordedSuite.SupportEvals.recordings.json");
        File.Exists(recordings).Should().BeTrue();
        File.ReadAllText(recordings).Should().NotContain(Canary, "credentials are never recorded");
        string[] verified = Directory.GetFiles(_project, "*.verified.*");
        verified.Should().HaveCount(recorded.Rows.Count(r => r.GetProperty("outcome").GetString() != "not-applicable"), "one snapshot per judged row");
        recorded.Summary.GetProperty("snapshots").GetProperty("accepted").GetInt32().Should().Be(verified.Length);

        // 2. The pull-request check replays them with the server stopped: same verdicts, no network.
        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");
        replayed.Process.ExitCode.Should().Be(0, replayed.Process.ToString());
        Outcomes(replayed).Should().Equal(Outcomes(recorded));
        JsonElement replay = replayed.Summary.GetProperty("recording");
        replay.GetProperty("replayed").GetInt32().Should().Be(modelCalls);
        replay.GetProperty("recorded").GetInt32().Should().Be(0);
        replay.GetProperty("live").GetInt32().Should().Be(0);
        replayed.Summary.GetProperty("snapshots").GetProperty("matched").GetInt32().Should().Be(verified.Length);

        // 3. Changing a prompt is a reviewed change: its snapshots fail with a diff until accepted.
        _server = await StartServerAsync(degraded: false);
        string source = Path.Combine(_project, "SupportEvals.cs");
        File.WriteAllText(source, File.ReadAllText(source).Replace("What is the refund window for a {product}?", "What is the return window for a {product}?", StringComparison.Ordinal));
        SuiteRun changed = await Run("auto");
        changed.Process.ExitCode.Should().NotBe(0);
        TrxResult formal = changed["SupportEvals.RefundWindow [laptop · formal]"];
        formal.Outcome.Should().Be("Failed");
        formal.Message.Should().Contain("snapshot: Fail").And.Contain("refund window").And.Contain("return window");
        changed["SupportEvals.RefundWindow [laptop · casual]"].Outcome.Should().Be("Passed", "the casual prompt did not change");
        Directory.GetFiles(_project, "*.received.*").Should().NotBeEmpty();

        CliRun refused = await Evalspec(("CI", "true"), "accept", "--project", _project);
        refused.ExitCode.Should().NotBe(0, "snapshots are never accepted on a build server");
        refused.Error.Should().Contain("CI is set");
        Directory.GetFiles(_project, "*.received.*").Should().NotBeEmpty();

        CliRun accept = await Evalspec("accept", "--project", _project);
        accept.ExitCode.Should().Be(0, accept.ToString());
        accept.Output.Should().Contain("RefundWindow.laptop.formal.identity.received.txt replaces");
        Directory.GetFiles(_project, "*.received.*").Should().BeEmpty("accepting replaces the verified files");
        SuiteRun afterAccept = await Run("replay");
        afterAccept.Process.ExitCode.Should().Be(0, afterAccept.Process.ToString());
        afterAccept.Summary.GetProperty("snapshots").GetProperty("mismatched").GetInt32().Should().Be(0);

        // 4. The reviewed run becomes the committed baseline.
        string baseline = Path.Combine(_project, "evalspec.baseline.json");
        CliRun update = await Evalspec("baseline", "update", "--run", afterAccept.RunDirectory, "--baseline", baseline);
        update.ExitCode.Should().Be(0, update.ToString());
        File.Exists(baseline).Should().BeTrue();
        File.ReadAllText(baseline).Should().Contain("\"format\": 3").And.Contain("RecordedSuite.SupportEvals.RefundWindow");

        // 5. A degraded bot (every answer wrong, called live) is a regression the gate names.
        await _server.DisposeAsync();
        _server = await StartServerAsync(degraded: true);
        SuiteRun degraded = await Run("live");
        degraded.Process.ExitCode.Should().NotBe(0, "rows that passed in the baseline now fail");
        File.Exists(Path.Combine(degraded.RunDirectory, "report.html")).Should().BeTrue("every run writes its reports");
        File.ReadAllText(Path.Combine(degraded.RunDirectory, "report.md")).Should().Contain("RefundWindow");
        CliRun failedGate = await Evalspec("gate", "--run", degraded.RunDirectory, "--baseline", baseline);
        failedGate.ExitCode.Should().Be(1, failedGate.ToString());
        failedGate.Output.Should().Contain("RecordedSuite.SupportEvals.RefundWindow").And.Contain("McNemar");
        failedGate.Error.Should().Contain("regression");

        // 6. An unchanged change (replayed, the recordings untouched by the live run) passes the gate.
        await _server.DisposeAsync();
        SuiteRun unchanged = await Run("replay");
        unchanged.Process.ExitCode.Should().Be(0, unchanged.Process.ToString());
        Outcomes(unchanged).Should().Equal(Outcomes(afterAccept));
        CliRun passedGate = await Evalspec("gate", "--run", unchanged.RunDirectory, "--baseline", baseline);
        passedGate.ExitCode.Should().Be(0, passedGate.ToString());
    }

    private static Task<CliRun> Evalspec(params string[] args) => Evalspec(null, args);

    private static Task<CliRun> Evalspec((string Name, string Value)? variable, params string[] args) => CliRun.RunAsync(
        name => variable is { } v && v.Name == name ? v.Value : null,
        args);

    private Task<SuiteRun> Run(string recording, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = recording,
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

    private static IReadOnlyList<(string RowId, string Outcome)> Outcomes(SuiteRun run) =>
        run.Rows.Select(r => (r.GetProperty("rowId").GetString()!, r.GetProperty("outcome").GetString()!)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToArray();

    /// <summary>The bot answers by product (or wrongly for all, degraded); the judge passes answers with the right window.</summary>
    private static Task<FakeOpenAIServer> StartServerAsync(bool degraded) => FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
    {
        Responder = request =>
        {
            string asked = request.LastUserMessage ?? string.Empty;
            if (request.Model == "judge-model")
            {
                bool right = asked.Contains("phone", StringComparison.OrdinalIgnoreCase) ? asked.Contains("14 days", StringComparison.Ordinal) : asked.Contains("30 days", StringComparison.Ordinal);
                return ScriptedResponse.Completion(right
                    ? """{"reasoning":"States the right window.","score":5,"verdict":"pass"}"""
                    : """{"reasoning":"The window is wrong.","score":1,"verdict":"fail"}""");
            }

            if (degraded)
            {
                return ScriptedResponse.Completion("Returns are accepted within 7 days.");
            }

            return ScriptedResponse.Completion(asked.Contains("phone", StringComparison.OrdinalIgnoreCase)
                ? "Phones can be returned within 14 days of delivery."
                : "Laptops and tablets can be returned within 30 days of delivery.");
        },
    });
}
