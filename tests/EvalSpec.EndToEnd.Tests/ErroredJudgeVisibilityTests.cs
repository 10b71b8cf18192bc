using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// A rubric panel of three LLM judges, reached over real HTTP through the real OpenAI client, some of which answer
/// unreadably: one judge's word is not the panel's verdict (a strict majority must decide), and every row whose judges
/// errored says so in the default console output of `dotnet test` (no console logger verbosity asked for), as does the
/// run summary line.
/// </summary>
public sealed class ErroredJudgeVisibilityTests : IAsyncLifetime
{
    private const string Unreadable = "Looks fine to me, I suppose.";

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task One_pass_and_two_unreadable_judges_make_rows_inconclusive_and_every_errored_judge_shows_in_the_default_console_output()
    {
        const string Pass = """{"reasoning":"States the window.","score":5,"verdict":"pass"}""";
        _server.Responder = request =>
        {
            // The formal laptop prompt: judge-a passes, judge-b and judge-c cannot be read (also when asked again).
            // The short laptop prompt: judge-a and judge-b pass, judge-c cannot be read. Phone rows: every judge passes.
            bool formalLaptop = request.RawBody.Contains("refund window for a laptop", StringComparison.Ordinal);
            bool shortLaptop = request.RawBody.Contains("laptop refund?", StringComparison.Ordinal);
            bool unreadable = request.Model switch
            {
                "judge-b" => formalLaptop,
                "judge-c" => formalLaptop || shortLaptop,
                _ => false,
            };
            return ScriptedResponse.Completion(unreadable ? Unreadable : Pass, new ScriptedUsage(100, 10));
        };

        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["FIXTURE_JUDGES"] = "openai3", ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString() },
            "--filter", "EvalMethod=Refund&Relation=identity");

        // 1 pass, 2 unreadable: inconclusive (the test fails), with the raw answers in the message.
        TrxResult formal = run["BehaviourEvals.Refund [laptop · formal]"];
        formal.Outcome.Should().Be("Failed", run.Process.ToString());
        formal.Message.Should().Contain("Eval row INCONCLUSIVE")
            .And.Contain("quorum not met: 1 judge(s) decided, 2 needed")
            .And.Contain("Judges errored or unreadable: rubric: judge-b (unreadable), judge-c (unreadable)")
            .And.Contain($"raw answer: \"{Unreadable}");
        run.Rows.Single(r => r.GetProperty("rowId").GetString() == "BehaviourSuite.BehaviourEvals.Refund/laptop/formal/identity")
            .GetProperty("outcome").GetString().Should().Be("inconclusive");

        // 2 pass, 1 unreadable: the majority decides, and the row still passes.
        run["BehaviourEvals.Refund [laptop · short]"].Outcome.Should().Be("Passed");

        // The default console output (no verbosity asked for) names each row with errored judges, passing or not ...
        string console = run.Process.Output;
        console.Should().MatchRegex(@"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec: BehaviourEvals\.Refund \[laptop · formal\] INCONCLUSIVE with errored or unreadable judges: rubric panel inconclusive, judge-b unreadable \(.+\), judge-c unreadable \(.+\)");
        console.Should().MatchRegex(@"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec: BehaviourEvals\.Refund \[laptop · short\] passed with errored or unreadable judges: rubric panel pass, judge-c unreadable \(.+\)");
        console.Should().NotContain("Refund [phone · formal] FAILED with errored", "no judge of the phone rows errored");

        // ... and the run summary line counts them.
        console.Should().MatchRegex(@"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec run e2e: 4 rows, 1 passed, 2 failed, 1 inconclusive\. Judges errored or unreadable on 2 row\(s\) \(judge-b 1, judge-c 2\)\.");
        run.Summary.GetProperty("rowsWithJudgeErrors").GetInt32().Should().Be(2);
        run.Summary.GetProperty("panels").GetProperty("rubric").GetProperty("quorum").GetInt32().Should().Be(2);
    }
}
