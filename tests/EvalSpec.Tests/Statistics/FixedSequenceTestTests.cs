using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class FixedSequenceTestTests
{
    [Fact]
    public void The_last_candidate_certified_before_the_first_failure_is_selected_even_if_a_later_one_would_pass()
    {
        // 100 items with 2 errors passes at alpha 0.15; 150 with 40 errors fails; 200 with 20 errors would pass but is never tested.
        FixedSequenceResult result = FixedSequenceTest.Run(new[] { (100, 2), (150, 40), (200, 20) }, maxErrorRate: 0.15, risk: 0.1);

        result.Selected.Should().Be(0);
        result.Steps.Should().HaveCount(2, "testing stops at the first candidate that is not certified");
        result.Steps[0].Certified.Should().BeTrue();
        result.Steps[1].Certified.Should().BeFalse();
    }

    [Fact]
    public void A_candidate_is_certified_exactly_when_its_clopper_pearson_bound_is_at_most_the_allowed_rate()
    {
        foreach ((int trials, int errors) in new[] { (30, 0), (30, 1), (60, 4), (60, 9), (100, 10) })
        {
            FixedSequenceResult result = FixedSequenceTest.Run(new[] { (trials, errors) }, 0.15, 0.1);
            result.Steps[0].Certified.Should().Be(ClopperPearson.UpperBound(errors, trials, 0.1) <= 0.15, $"{errors} errors in {trials}");
        }
    }

    [Fact]
    public void A_candidate_that_decides_nothing_is_never_certified() =>
        FixedSequenceTest.Run(new[] { (0, 0) }, 0.15, 0.1).Selected.Should().Be(-1);
}
