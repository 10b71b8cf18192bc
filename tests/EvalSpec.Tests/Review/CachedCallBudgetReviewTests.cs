using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using EvalSpec.Reporting.Reports;
using EvalSpec.Testing.OpenAI;
using EvalSpec.Tests.ModelCalls;
using EvalSpec.Tests.Recording;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Review;

/// <summary>
/// Review finding: an answer served by the shared Redis cache is counted as a live call, so a latency budget is checked
/// against the cache's timing (a replayed recording is not, for that very reason).
/// </summary>
public sealed class CachedCallBudgetReviewTests : RecordingTestBed
{
    private const string RowId = Suite + ".RefundWindow/laptop/formal";

    [RedisFact]
    public async Task A_row_answered_from_the_shared_cache_is_not_checked_against_a_latency_budget_as_if_live()
    {
        RedisServer redis = new();
        await redis.InitializeAsync();
        try
        {
            FakeOpenAIServer server = await StartServerAsync(_ => ScriptedResponse.Completion("30 days", new ScriptedUsage(120, 30)));
            IChatClient client = RecordedClient(server);
            var options = new EvalOptions();
            options.Cache.Redis = redis.Address;

            RecordingSession first = Start(RecordingMode.Live);
            first.ModelCalls = new ModelCallPipeline(options, RecordingMode.Live, report: _ => { });
            using (Row())
            {
                await client.GetResponseAsync("How long is the refund window?");
            }

            first.Complete();
            first.ModelCalls.Dispose();

            RecordingSession second = Start(RecordingMode.Live);
            second.ModelCalls = new ModelCallPipeline(options, RecordingMode.Live, report: _ => { });
            using (Row())
            {
                await client.GetResponseAsync("How long is the refund window?");
            }

            second.ModelCalls.Cache!.Hits.Should().Be(1, "the second run's call is answered by Redis");
            ModelUsage usage = second.Usage.For(RowId);
            second.Complete();
            second.ModelCalls.Dispose();
            server.Requests.Should().HaveCount(1);

            // The cache answered in a few milliseconds: a 1 s latency budget must not pass on that timing.
            RowSpend spend = RowBudget.Measure(usage, Array.Empty<Verdict>(), TimeSpan.FromMilliseconds(3), PriceTable.From(new Dictionary<string, ModelPrice>()));
            (PanelVerdict? check, _) = RowBudget.Check(new BudgetLimits(null, 1_000, null), spend);

            (check?.Verdicts ?? Array.Empty<Verdict>()).Should().NotContain(
                v => v.Judge == "latency" && v.Outcome == VerdictOutcome.Pass,
                "the model was not asked: the cache's timing says nothing about the model's latency");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
