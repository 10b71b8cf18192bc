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
/// A suite whose rubric panel is two LLM judges reached through the real OpenAI client, against an
/// OpenAI-compatible server on 127.0.0.1: passing judges decide the rows, and judges that are down make the run
/// red with every error counted.
/// </summary>
public sealed class LlmJudgeRunTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rows_are_graded_by_the_llm_panel_over_http()
    {
        _server.Responder = request => request.LastUserMessage!.Contains("for a phone", StringComparison.Ordinal)
            ? ScriptedResponse.Completion("""{"reasoning":"The answer is about laptops, not phones.","score":1,"verdict":"fail"}""", new ScriptedUsage(100, 10))
            : ScriptedResponse.Completion("""{"reasoning":"States the window.","score":5,"verdict":"pass"}""", new ScriptedUsage(100, 10));

        SuiteRun run = await Run();

        run["BehaviourEvals.Refund [laptop · formal]"].Outcome.Should().Be("Passed");
        run["BehaviourEvals.Refund [phone · formal]"].Message.Should().Contain("rubric: Fail").And.Contain("The answer is about laptops, not phones.");
        run["BehaviourEvals.Structured [3, 4.5]"].Message.Should().Contain("INCONCLUSIVE").And.Contain("no rubric to grade against", "an eval without a rubric is not silently passed by rubric judges");
        _server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer fixture-key");
        _server.Requests.Should().Contain(r => r.LastUserMessage!.Contains("<rubric>\nStates the refund window.\n</rubric>", StringComparison.Ordinal));
        JsonElement judges = run.Summary.GetProperty("judges");
        int calls = judges.GetProperty("judge-a").GetProperty("modelCalls").GetInt32();
        calls.Should().Be(4, "one call per Refund identity row");
        judges.GetProperty("judge-a").GetProperty("inputTokens").GetInt64().Should().Be(100L * calls);
        run.Summary.GetProperty("panels").GetProperty("rubric").GetProperty("agreement").GetProperty("pairs")[0].GetProperty("observedAgreement").GetDouble().Should().Be(1.0);
    }

    [Fact]
    public async Task A_run_whose_llm_judges_are_all_down_is_red_and_counts_the_errors()
    {
        _server.Responder = _ => ScriptedResponse.ServiceUnavailable();

        SuiteRun run = await Run();

        run.Process.ExitCode.Should().NotBe(0);
        run.Report.Results.Values.Should().NotContain(r => r.Outcome == "Passed", "no row passes without its rubric panel");
        run["BehaviourEvals.Refund [laptop · formal]"].Message.Should().Contain("INCONCLUSIVE").And.Contain("HTTP 503").And.Contain("after 2 attempt(s)");
        JsonElement judges = run.Summary.GetProperty("judges");
        int rubricRows = run.Rows.Count(r => r.GetProperty("method").GetString() == "Refund");
        judges.GetProperty("judge-a").GetProperty("errored").GetInt32().Should().Be(rubricRows);
        judges.GetProperty("judge-b").GetProperty("errored").GetInt32().Should().Be(rubricRows);
        _server.Requests.Should().HaveCount(rubricRows * 2 * 2, "two judges, each retried once");
    }

    private Task<SuiteRun> Run() => SuiteRun.RunAsync(
        "BehaviourSuite",
        new Dictionary<string, string> { ["FIXTURE_JUDGES"] = "openai", ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString() },
        "--filter", "Relation=identity&EvalMethod!=NeverAnswers");
}
