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
/// One `dotnet test` run of tests/fixtures/GroundedBudgetSuite against the OpenAI-compatible server: a bot and a grounding
/// judge over real HTTP, the server reporting each answer's tokens. A row within its token budget passes, a row over the
/// budget evalspec.json gives it fails with the figures, and the grounding judge fails an answer with an unsupported claim.
/// </summary>
public sealed class GroundingAndBudgetRunTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Budgets_and_grounding_decide_rows_over_http()
    {
        _server.Responder = request => request.Model == "bot-model"
            ? request.LastUserMessage!.StartsWith("expensive", StringComparison.Ordinal)
                ? ScriptedResponse.Completion("Laptops can be returned within 30 days.", new ScriptedUsage(400, 100))
                : request.LastUserMessage!.StartsWith("ungrounded", StringComparison.Ordinal)
                    ? ScriptedResponse.Completion("Laptops can be returned within 30 days. Shipping is free worldwide.", new ScriptedUsage(30, 10))
                    : ScriptedResponse.Completion("Laptops can be returned within 30 days.", new ScriptedUsage(30, 10))
            : request.LastUserMessage!.Contains("2. Shipping is free worldwide.", StringComparison.Ordinal)
                ? ScriptedResponse.Completion("""{"verdicts": [{"claim": 1, "reasoning": "stated", "verdict": "supported"}, {"claim": 2, "reasoning": "shipping is not mentioned", "verdict": "unsupported"}]}""", new ScriptedUsage(50, 10))
                : ScriptedResponse.Completion("""{"verdicts": [{"claim": 1, "reasoning": "stated", "verdict": "supported"}]}""", new ScriptedUsage(50, 10));

        SuiteRun run = await SuiteRun.RunAsync("GroundedBudgetSuite", new Dictionary<string, string> { ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString() });

        run["GroundedEvals.Cheap [laptop · ask]"].Outcome.Should().Be("Passed");
        run["GroundedEvals.Expensive [laptop · ask]"].Outcome.Should().Be("Failed");
        run["GroundedEvals.Expensive [laptop · ask]"].Message.Should().Contain("tokens 560 > budget 100 (SUT 500, judges 60)");
        run["GroundedEvals.Ungrounded [laptop · ask]"].Outcome.Should().Be("Failed");
        run["GroundedEvals.Ungrounded [laptop · ask]"].Message.Should().Contain("1 of 2 claims supported").And.Contain("claim 2 unsupported: \"Shipping is free worldwide.\"");
        _server.Requests.Where(r => r.Model == "judge-model").Should().OnlyContain(r => r.LastUserMessage!.Contains("<context>\n[1] Laptops can be returned within 30 days of delivery.\n</context>", StringComparison.Ordinal));

        JsonElement cheap = run.Rows.Single(r => r.GetProperty("method").GetString() == "Cheap").GetProperty("spend");
        cheap.GetProperty("sutInputTokens").GetInt64().Should().Be(30);
        cheap.GetProperty("judgeInputTokens").GetInt64().Should().Be(50);
        cheap.GetProperty("tokens").GetInt64().Should().Be(100);
        cheap.GetProperty("maxTokens").GetInt32().Should().Be(1000, "the attribute wins over evalspec.json");
        cheap.GetProperty("maxCostUsd").GetDouble().Should().Be(1.0, "a value the attribute does not set comes from evalspec.json");

        // 30 x 2.5 + 10 x 10 + 50 x 0.15 + 10 x 0.6 = 188.5 micro-dollars.
        cheap.GetProperty("costUsd").GetDouble().Should().BeApproximately(0.0001885, 1e-12);
        JsonElement spend = run.Summary.GetProperty("spend").GetProperty("GroundedBudgetSuite.GroundedEvals.Expensive").GetProperty("total");
        spend.GetProperty("sutTokens").GetInt64().Should().Be(500);
        spend.GetProperty("judgeTokens").GetInt64().Should().Be(60);
    }
}
