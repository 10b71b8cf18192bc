using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// Runs are hosts, not process-wide state: two runs in one process keep their rows, options and files apart, and a row
/// finds the run it belongs to in its flow.
/// </summary>
public sealed class EvalRunHostTests
{
    private static EvalMethodDescriptor Method(string answer, string methodName) => new(
        typeof(EvalRunHostTests),
        methodName,
        null,
        0.5,
        0,
        ["product"],
        [new PromptVariant("formal", "How long for {product}?")],
        [new EvalCaseDescriptor("laptop", ["a laptop"], "30 days"), new EvalCaseDescriptor("tablet", ["a tablet"], "30 days")],
        [],
        async (_, _, _) =>
        {
            // Long enough for the two runs' rows to overlap.
            await Task.Delay(50);
            return answer;
        });

    [Fact]
    public async Task Two_runs_in_one_process_run_rows_at_once_and_keep_their_results_and_counts_apart()
    {
        using var first = new EvalRunFixture();
        using var second = new EvalRunFixture();
        EvalMethodDescriptor passing = Method("Within 30 days.", "Passing");
        EvalMethodDescriptor failing = Method("No idea.", "Failing");

        Task[] rows =
        [
            .. new[] { "laptop", "tablet" }.Select(c => EvalRowRunner.RunAsync(first.Host, this, passing, c, "formal", "identity")),
            .. new[] { "laptop", "tablet" }.Select(c => Swallow(EvalRowRunner.RunAsync(second.Host, this, failing, c, "formal", "identity"))),
        ];
        await Task.WhenAll(rows);

        first.Host.RunDirectory.Should().NotBe(second.Host.RunDirectory);
        first.Host.JudgedRows.Should().OnlyContain(r => r.Method.MethodName == "Passing").And.HaveCount(2);
        second.Host.JudgedRows.Should().OnlyContain(r => r.Method.MethodName == "Failing").And.HaveCount(2);
        first.Host.Statistics.ByMethod.Keys.Should().Equal(passing.Id);
        second.Host.Statistics.ByMethod[failing.Id].Should().Equal(0, 2, 0, 0);
        File.ReadAllLines(Path.Combine(first.Host.RunDirectory, "results.jsonl")).Should().HaveCount(2).And.OnlyContain(l => l.Contains("\"Passing\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_runs_in_the_host_of_its_flow_and_a_host_that_failed_to_start_fails_it_with_the_reason()
    {
        using var run = new EvalRunFixture();
        EvalMethodDescriptor method = Method("Within 30 days.", "FromFlow");
        using (EvalFlow.Enter(run.Host.Flow))
        {
            await EvalRowRunner.RunAsync(this, method, "laptop", "formal", "identity");
        }

        run.Host.JudgedRows.Should().ContainSingle(r => r.RowId == method.Id + "/laptop/formal/identity");

        using (EvalFlow.Enter(EvalFlow.None with { HostError = new EvalConfigurationException("Quorum is 4 but the rubric panel has 3 judge(s)") }))
        {
            Func<Task> row = () => EvalRowRunner.RunAsync(this, method, "tablet", "formal", "identity");
            await row.Should().ThrowAsync<EvalConfigurationException>().WithMessage("EvalSpec could not start this run: Quorum is 4*");
        }
    }

    private static async Task Swallow(Task row)
    {
        try
        {
            await row;
        }
        catch (EvalRowFailedException)
        {
            // These rows fail on purpose.
        }
    }
}
