using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A resumed run counts <c>rowsWithJudgeErrors</c> as the uninterrupted run does: rows whose checks had an errored or
/// unreadable judge, not rows whose eval method used a panel of its own whose judge errored.
/// </summary>
public sealed class ResumedJudgeErrorCountTests : IDisposable
{
    /// <summary>The eval method asks a panel of its own, whose judge errors; the row's own check (the expected answer) does not.</summary>
    internal static readonly EvalMethodDescriptor AnswerWithOwnPanel = ResumableRuns.OneRowEval(
        typeof(ResumedJudgeErrorCountTests),
        nameof(AnswerWithOwnPanel),
        rubric: null,
        expected: "30 days",
        async input =>
        {
            var panel = new JudgePanel("own-tone", [StubJudge.Returning(Verdict.Inconclusive("tone", "unreadable", "{garbled") with { Errored = true })]);
            await panel.JudgeAsync(new JudgeRequest("You can return it within 30 days."), input.CancellationToken).ConfigureAwait(false);
            return "You can return it within 30 days.";
        });

    private readonly string _root = Directory.CreateTempSubdirectory("evalspec-resume-errors-").FullName;

    public void Dispose() => ResumableRuns.Delete(_root);

    private EvalRunHost Host(string runId, string? resume = null) => ResumableRuns.Host(_root, runId, resume);

    private static int RowsWithJudgeErrors(EvalRunHost host) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(host.RunDirectory, "summary.json"))).RootElement.TryGetProperty("rowsWithJudgeErrors", out JsonElement count) ? count.GetInt32() : 0;

    // Review: EvalRunHost.TakeOver counted a taken-over row in rowsWithJudgeErrors when any of its line's judgements
    // errored, and those include panels the eval method used itself, which the live run's count leaves out.
    [Fact]
    [Trait("Review", "Finding")]
    public async Task A_row_taken_over_is_counted_in_rowsWithJudgeErrors_as_the_uninterrupted_run_counts_it()
    {
        EvalRunHost whole = Host("whole");
        await EvalRowRunner.RunAsync(whole, null, AnswerWithOwnPanel, "laptop", "formal", "identity");
        whole.Complete();
        int uninterrupted = RowsWithJudgeErrors(whole);
        whole.Dispose();

        EvalRunHost interrupted = Host("nightly");
        await EvalRowRunner.RunAsync(interrupted, null, AnswerWithOwnPanel, "laptop", "formal", "identity");
        interrupted.Dispose();
        EvalRunHost resumed = Host("nightly", resume: "nightly");
        await EvalRowRunner.RunAsync(resumed, null, AnswerWithOwnPanel, "laptop", "formal", "identity");
        resumed.Complete();

        RowsWithJudgeErrors(resumed).Should().Be(uninterrupted, "a resumed run reads as one run (uninterrupted: {0})", uninterrupted);
        resumed.Dispose();
    }
}
