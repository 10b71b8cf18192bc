using System.Collections.Generic;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

/// <summary>
/// Found by a hostile review, and fixed: before, DawidSkeneAggregator ignores judges its model does not know (a renamed or
/// added judge) while the quorum still counts them, so one known judge's pass outvotes two failing judges. The weighted
/// majority refuses such a panel at construction for exactly this reason.
/// </summary>
public sealed class DawidSkeneUnknownJudgeTests
{
    [Fact]
    public async Task A_dawid_skene_panel_never_passes_on_one_known_judge_when_the_judges_it_does_not_know_fail()
    {
        // A model fitted before two judges were renamed (or added): it knows only "a".
        var model = new DawidSkeneModel(0.5, new Dictionary<string, JudgeConfusion> { ["a"] = new JudgeConfusion(0.8, 0.8), ["old-b"] = new JudgeConfusion(0.8, 0.8), ["old-c"] = new JudgeConfusion(0.8, 0.8) });
        JudgePanel panel;
        try
        {
            panel = new JudgePanel("rubric", new IJudge[] { StubJudge.Passing("a"), StubJudge.Failing("b"), StubJudge.Failing("c") }, new DawidSkeneAggregator(model));
        }
        catch (System.ArgumentException)
        {
            // Refusing the panel at construction, as WeightedMajorityAggregator does for a judge without a weight, is a fix too.
            return;
        }

        PanelVerdict verdict = await panel.JudgeAsync(new JudgeRequest("Laptops can be returned within 60 days."));

        verdict.Outcome.Should().NotBe(VerdictOutcome.Pass, "two of three judges failed the output and the one known judge is not a majority: " + verdict.Rationale);
    }
}
