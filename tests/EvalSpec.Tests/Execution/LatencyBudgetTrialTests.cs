using System;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A row's latency for <c>MaxLatencyMs</c> is what a user waits for: the slowest single run of the system under test,
/// never the sum of trials that ran at the same time.
/// </summary>
public sealed class LatencyBudgetTrialTests : IClassFixture<EvalRunFixture>
{
    private const int Trials = 8;
    private const int TrialMilliseconds = 1000;

    private readonly EvalRunFixture _run;

    public LatencyBudgetTrialTests(EvalRunFixture run)
    {
        _run = run;
    }

    [Fact]
    public async Task Concurrent_trials_are_not_summed_against_the_latency_budget()
    {
        // Every trial waits until all have started, so they provably overlap; each takes at least a second, so their sum is
        // at least 8 s, over the 6 s budget, while one trial (what a user waits for) is far below it even on a loaded machine.
        int started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = new EvalMethodDescriptor(
            typeof(LatencyBudgetTrialTests),
            nameof(Concurrent_trials_are_not_summed_against_the_latency_budget),
            null,
            threshold: 0.5,
            timeoutMilliseconds: 120_000,
            new[] { "product" },
            new[] { new PromptVariant("formal", "Return {product}?") },
            new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, expected: null) },
            Array.Empty<RelationDescriptor>(),
            async (_, input, _) =>
            {
                if (Interlocked.Increment(ref started) == Trials)
                {
                    allStarted.SetResult();
                }

                await allStarted.Task.WaitAsync(input.CancellationToken);
                await Task.Delay(TrialMilliseconds, input.CancellationToken);
                return "30 days";
            })
        {
            Trials = Trials,
            MaxLatencyMs = 6_000,
        };

        await EvalRowRunner.RunAsync(_run.Host, this, method, "laptop", "formal", "identity").Awaiting(t => t).Should().NotThrowAsync();

        string rowId = $"{typeof(LatencyBudgetTrialTests).FullName}.{method.MethodName}/laptop/formal/identity";
        double latency = _run.ResultOf(rowId).GetProperty("spend").GetProperty("sutLatencyMs").GetDouble();
        latency.Should().BeGreaterThanOrEqualTo(TrialMilliseconds - 50, "the row's latency is its slowest trial").And.BeLessThan(Trials * TrialMilliseconds);
    }
}
