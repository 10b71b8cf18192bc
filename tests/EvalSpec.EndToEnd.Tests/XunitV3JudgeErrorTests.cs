using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// On xUnit v3 a row that passed although one of its judges could not be read still says so in the default output of
/// `dotnet test`: as a warning under VSTest, as a listed attachment under Microsoft.Testing.Platform (which shows neither
/// warnings nor the test program's output for a passing run).
/// </summary>
public sealed class XunitV3JudgeErrorTests : IAsyncLifetime
{
    private const string Pass = """{"reasoning":"States the window.","score":5,"verdict":"pass"}""";

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();

        // The short laptop prompt: judge-a and judge-b pass, judge-c cannot be read; every other row: all pass.
        _server.Responder = request => ScriptedResponse.Completion(
            request.Model == "judge-c" && request.RawBody.Contains("laptop refund?", StringComparison.Ordinal) ? "Looks fine to me, I suppose." : Pass,
            new ScriptedUsage(100, 10));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("VSTest", "v3/BehaviourSuite.V3", "BehaviourEvals.Refund [laptop · short]: EvalSpec: BehaviourEvals.Refund [laptop · short] passed with errored or unreadable judges")]
    [InlineData("Mtp", "mtp/BehaviourSuite.Mtp", "For test 'BehaviourEvals.Refund [laptop · short]'")]
    public async Task A_passing_row_with_an_unreadable_judge_shows_in_the_default_output(string platform, string fixture, string expected)
    {
        SuiteRun run = await SuiteRun.RunOnAsync(
            Enum.Parse<TestPlatform>(platform),
            fixture,
            new Dictionary<string, string> { ["FIXTURE_JUDGES"] = "openai3", ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(), ["EVALSPEC_BASELINE"] = "ignore" },
            "--filter", "EvalMethod=Refund&Relation=identity&Variant=short");

        run["BehaviourEvals.Refund [laptop · short]"].Outcome.Should().Be("Passed", run.Process.ToString());
        run.Process.Output.Should().Contain(expected);
        run.Summary.GetProperty("rowsWithJudgeErrors").GetInt32().Should().Be(1);
    }
}
