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
/// Agent rows over real HTTP: the fixture AgentSuite runs a FunctionInvokingChatClient loop over the real OpenAI client
/// against the scripted tool-calling server (which makes up random call ids), judged by ToolCallJudge; recorded, replayed
/// with the server stopped, and re-recorded against a new server to the same bytes.
/// </summary>
public sealed class AgentRowRunTests : IAsyncLifetime
{
    private const string RecordingsName = "AgentSuite.RefundAgentEvals.recordings.json";
    private const string Passing = "RefundAgentEvals.Refund [A-17, it arrived broken · ask]";
    private const string Failing = "RefundAgentEvals.Refund [B-2, I changed my mind · ask]";
    private string _project = null!;

    public Task InitializeAsync()
    {
        _project = ScratchCopy.Of("AgentSuite");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        ScratchCopy.Delete(_project);
        return Task.CompletedTask;
    }

    /// <summary>A-17: look up, then refund 19.99. B-2: refund 5 at once (no look-up: the judge's expectation fails).</summary>
    private static ToolLoopScript Script() => new ToolLoopScript()
        .WhenUser("order A-17", new ScriptedToolCall("get_order", "{\"id\":\"A-17\"}"))
        .WhenUser("order B-2", new ScriptedToolCall("refund", "{\"id\":\"B-2\",\"amount\":5}"))
        .WhenToolResult("\"status\":\\s*\"delivered\"", new ScriptedToolCall("refund", "{\"amount\":19.99,\"id\":\"A-17\"}"))
        .WhenToolResultReply("refunded", "Done: {result}.");

    [Fact]
    public async Task Agent_rows_are_judged_on_their_tool_calls_recorded_replayed_offline_and_re_recorded_to_the_same_bytes()
    {
        string recordings = Path.Combine(_project, "recordings", RecordingsName);

        // 1. Record against the scripted server.
        SuiteRun recorded;
        await using (FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Script().Respond }))
        {
            recorded = await Run("record", server);
            server.Requests.Should().HaveCount(5, "A-17 makes three model calls, B-2 two:\n" + recorded.Process);
        }

        AssertVerdicts(recorded);
        JsonElement metrics = recorded.Summary.GetProperty("trajectories").GetProperty("AgentSuite.RefundAgentEvals.Refund");
        metrics.GetProperty("rows").GetInt32().Should().Be(2);
        metrics.GetProperty("toolCalls").GetInt32().Should().Be(3);
        metrics.GetProperty("steps").GetInt32().Should().Be(5, "A-17: call, call, answer; B-2: call, answer");
        metrics.GetProperty("failedCalls").GetInt32().Should().Be(0);
        byte[] firstBytes = File.ReadAllBytes(recordings);
        string snapshot = Directory.EnumerateFiles(_project, "*A-17*.verified.*", SearchOption.AllDirectories).Single();
        string snapshotText = File.ReadAllText(snapshot);
        snapshotText.Should().Contain("\"name\": \"get_order\"").And.Contain("\"call\": 2").And.NotContain("call_", "call ids are left out of snapshots");

        // 2. Replay with no server at all (the client points at a closed port).
        SuiteRun replayed = await Run("replay", server: null);
        AssertVerdicts(replayed);
        replayed.Summary.GetProperty("recording").GetProperty("replayed").GetInt32().Should().Be(5, replayed.Summary.ToString());
        File.ReadAllBytes(recordings).Should().Equal(firstBytes, "a replay writes nothing");

        // 3. Re-record against a new server: new random call ids, the same bytes.
        await using (FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Script().Respond }))
        {
            SuiteRun again = await Run("record", server);
            AssertVerdicts(again);
            server.Requests.Should().HaveCount(5);
        }

        File.ReadAllBytes(recordings).Should().Equal(firstBytes, "re-recording an unchanged loop gives the same bytes");
    }

    private static void AssertVerdicts(SuiteRun run)
    {
        run[Passing].Outcome.Should().Be("Passed", run.Process.ToString());
        run[Failing].Outcome.Should().Be("Failed");
        run[Failing].Message.Should().Contain("expected get_order(id matches /^[A-Z]-[0-9]+$/) (1st expected call): no call of 'get_order' was made");

        JsonElement passing = run.Rows.Single(r => r.GetProperty("case").GetString()!.StartsWith("A-17", StringComparison.Ordinal));
        passing.GetProperty("output").GetString().Should().Be("Done: \"refunded 19.99 on A-17\".");
        JsonElement trajectory = passing.GetProperty("trajectory");
        trajectory.GetProperty("steps").GetInt32().Should().Be(3);
        trajectory.GetProperty("toolCalls").EnumerateArray().Select(c => c.GetProperty("name").GetString() + c.GetProperty("arguments").GetRawText())
            .Should().Equal("get_order{\"id\":\"A-17\"}", "refund{\"amount\":19.99,\"id\":\"A-17\"}");
        passing.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rubric").GetProperty("verdicts")[0].GetProperty("judge").GetString().Should().Be("tool-calls");
    }

    private Task<SuiteRun> Run(string mode, FakeOpenAIServer? server)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = mode,
            ["EVALSPEC_SNAPSHOTS"] = mode == "record" ? "accept" : "verify",
        };
        if (server is not null)
        {
            environment["FIXTURE_OPENAI_URL"] = server.BaseAddress.ToString();
        }

        return SuiteRun.RunProjectAsync(_project, environment);
    }
}
