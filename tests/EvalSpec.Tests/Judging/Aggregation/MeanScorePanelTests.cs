using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

/// <summary>
/// Found by a hostile review, and fixed: before, MeanScoreAggregator pools scores and ignores verdicts, and a
/// RubricJudge without a PassingScore reads {"verdict": "fail", "score": 4} as Fail with score 0.75, so a panel with
/// Aggregation = Mean passes an output every judge failed.
/// </summary>
public sealed class MeanScorePanelTests
{
    [Fact]
    public async Task A_mean_score_panel_never_passes_when_every_judge_says_fail()
    {
        // What three RubricJudges without a PassingScore make of {"verdict": "fail", "score": 4}: Fail with score (4-1)/4.
        var panel = new JudgePanel("rubric", new IJudge[] { StubJudge.Failing("a", 0.75), StubJudge.Failing("b", 0.75), StubJudge.Failing("c", 0.75) }, new MeanScoreAggregator());

        PanelVerdict verdict = await panel.JudgeAsync(new JudgeRequest("Laptops can be returned within 60 days."));

        verdict.Outcome.Should().NotBe(VerdictOutcome.Pass, "all three judges said fail: " + verdict.Rationale);
    }
}
