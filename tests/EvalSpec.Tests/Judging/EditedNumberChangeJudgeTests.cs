using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

/// <summary>The change check of a counterfactual row reads the number the relation edited, not the outputs' last numbers.</summary>
public sealed class EditedNumberChangeJudgeTests
{
    private static readonly (string, string, decimal, decimal) ThirtyToFortyFive = ("30 days", "45 days", 30m, 45m);

    private static Task<Verdict> Judge(Change expect, string source, string followUp) =>
        new EditedNumberChangeJudge(expect, ThirtyToFortyFive).JudgeAsync(new JudgeRequest(followUp) { ReferenceOutput = source }).AsTask();

    [Fact]
    public async Task An_answer_that_follows_the_edit_passes_although_its_last_number_did_not_move()
    {
        Verdict verdict = await Judge(Change.Increases, "Within 30 days. Refunds take 5 days.", "Within 45 days. Refunds take 5 days.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("30 -> 45");
    }

    [Fact]
    public async Task An_answer_whose_last_number_rose_but_that_still_states_the_original_value_fails()
    {
        Verdict verdict = await Judge(Change.Increases, "Within 30 days, 2 exchanges.", "Within 30 days, 3 exchanges.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("still states 30");
    }

    [Fact]
    public async Task An_answer_stating_neither_value_fails()
    {
        (await Judge(Change.Increases, "Within 30 days.", "Within 60 days.")).Rationale.Should().Contain("states neither 30 nor 45");
    }

    [Fact]
    public async Task A_source_output_that_does_not_state_the_original_value_makes_the_change_unreadable()
    {
        Verdict verdict = await Judge(Change.Increases, "Please ask our support team.", "Within 45 days.");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("does not state 30");
    }

    [Fact]
    public async Task Expecting_a_decrease_of_a_raised_number_fails_and_says_why()
    {
        Verdict verdict = await Judge(Change.Decreases, "Within 30 days.", "Within 45 days.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("Expect = Change.Decreases").And.Contain("the other way");
    }
}
