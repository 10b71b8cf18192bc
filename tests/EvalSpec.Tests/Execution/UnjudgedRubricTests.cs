using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A rubric is checked only by a judge that reads it (<see cref="IJudge.ReadsRubric"/>): judges that decide the output
/// without it (expected-answer, lexical, embedding judges) leave it unchecked, and the row says which judges decided instead.
/// </summary>
public sealed class UnjudgedRubricTests
{
    [Fact]
    public void Without_a_rubric_panel_the_rubric_is_not_checked_because_no_judge_is_registered()
    {
        UnjudgedRubric.Checks(null).Should().BeFalse();
        UnjudgedRubric.Reason(null).Should().Be("rubric not checked: no rubric judge registered");
    }

    [Fact]
    public void A_panel_of_judges_that_compare_with_the_expected_answer_does_not_check_the_rubric_and_is_named()
    {
        var panel = new JudgePanel("rubric", new IJudge[] { new ExpectedAnswerJudge { Name = "answer-recall" }, new RougeLJudge(0.5) { Name = "rouge-l" } });

        UnjudgedRubric.Checks(panel).Should().BeFalse();
        UnjudgedRubric.Reason(panel).Should().Be("rubric not checked: no judge of the rubric panel reads rubrics (answer-recall, rouge-l judge the output without it)");
    }

    [Fact]
    public void One_judge_that_reads_rubrics_is_enough_for_the_panel_to_check_them()
    {
        var rubricJudge = new RubricJudge("llm", new NeverCalledClient());
        var panel = new JudgePanel("rubric", new IJudge[] { new ExpectedAnswerJudge { Name = "answer-recall" }, rubricJudge }, quorum: 1);

        ((IJudge)rubricJudge).ReadsRubric.Should().BeTrue();
        UnjudgedRubric.Checks(panel).Should().BeTrue();
    }

    [Fact]
    public void A_judge_of_your_own_reads_no_rubric_unless_it_says_so()
    {
        ((IJudge)new OwnJudge(readsRubric: false)).ReadsRubric.Should().BeFalse();
        UnjudgedRubric.Checks(new JudgePanel("rubric", new IJudge[] { new OwnJudge(readsRubric: true) })).Should().BeTrue();
    }

    [Fact]
    public void The_inconclusive_check_and_the_note_carry_the_reason()
    {
        string reason = UnjudgedRubric.Reason(new JudgePanel("rubric", new IJudge[] { new ExpectedAnswerJudge { Name = "answer-recall" } }));

        UnjudgedRubric.Check(UnjudgedRubricMode.Auto, "CI", reason)!.Rationale.Should().StartWith(reason + "; on a build server (CI is set)");
        UnjudgedRubric.Check(UnjudgedRubricMode.Auto, null, reason).Should().BeNull("off build servers the row is noted, not made inconclusive");
        UnjudgedRubric.Note(UnjudgedRubricMode.Ignore, reason).Should().StartWith(reason + " (UnjudgedRubric is ignore");
    }

    private sealed class OwnJudge(bool readsRubric) : IJudge
    {
        public string Name => "own";

        public bool ReadsRubric => readsRubric;

        public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Verdict.Pass(Name, 1, "ok"));
    }

    private sealed class NeverCalledClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new System.InvalidOperationException("not called");

        public System.Collections.Generic.IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new System.InvalidOperationException("not called");

        public object? GetService(System.Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
