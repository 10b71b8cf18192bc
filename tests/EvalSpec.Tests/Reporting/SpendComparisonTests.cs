using System.Collections.Generic;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class SpendComparisonTests
{
    private static Dictionary<string, MethodSpend> Run(int rows, long tokens, double? cost, double p95) => new()
    {
        ["Shop.RefundEvals.Refund"] = new MethodSpend(new SpendSection(rows, tokens, 0, p95, p95, cost, cost is null ? rows : 0), new Dictionary<string, SpendSection>()),
    };

    [Fact]
    public void Changes_are_per_row_and_informational_without_limits()
    {
        IReadOnlyList<SpendChange> changes = SpendComparison.Compare(Run(10, 10_000, 0.10, 800), Run(20, 30_000, 0.30, 1_600), null, null, null);

        changes.Should().ContainSingle();
        changes[0].TokensPerRowBefore.Should().Be(1_000);
        changes[0].TokensPerRowNow.Should().Be(1_500);
        changes[0].CostPerRowNow.Should().BeApproximately(0.015, 1e-12);
        changes[0].Broken.Should().BeEmpty("nothing fails the gate unless a limit is set");
    }

    [Fact]
    public void A_rise_past_a_set_limit_is_named()
    {
        IReadOnlyList<SpendChange> changes = SpendComparison.Compare(Run(10, 10_000, 0.10, 800), Run(10, 11_000, 0.15, 1_600), 0.2, 0.2, 0.5);

        changes[0].Broken.Should().Equal("cost per row rose +50%, more than the allowed +20%", "p95 latency rose +100%, more than the allowed +50%");
    }

    [Fact]
    public void An_unpriced_run_cannot_pass_a_cost_limit_silently()
    {
        SpendComparison.Compare(Run(10, 10_000, 0.10, 800), Run(10, 10_000, null, 800), null, 0.2, null)[0].Broken
            .Should().ContainSingle().Which.Should().Contain("cannot be compared");
    }
}
