using System;
using System.Collections.Generic;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Recording;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Review;

/// <summary>Review findings: a token budget passes when part of the usage was not reported.</summary>
public sealed class BudgetUsageReviewTests
{
    private static readonly PriceTable NoPrices = PriceTable.From(new Dictionary<string, ModelPrice>());

    [Fact]
    public void Usage_with_input_and_total_but_no_output_count_is_not_read_as_zero_output_tokens()
    {
        // A provider that reports prompt and total tokens but no completion tokens: 100 in, 5,000 in all.
        Verdict judged = Verdict.Pass("judge", 1, "ok") with
        {
            ModelCalls = 1,
            Model = "judge-model",
            Usage = new UsageDetails { InputTokenCount = 100, TotalTokenCount = 5_000 },
        };
        var sut = new ModelUsage(new Dictionary<string, ModelTokens> { ["sut-model"] = new(10, 10) }, 1, 0, 0);

        RowSpend spend = RowBudget.Measure(sut, new[] { judged }, TimeSpan.Zero, NoPrices);
        PanelVerdict check = RowBudget.Check(new BudgetLimits(1_000, null, null), spend).Check!;

        check.Outcome.Should().NotBe(VerdictOutcome.Pass, "the judge's call used 5,000 tokens by its own total; counted as 100 + 0 + 20 the row passes a 1,000-token budget");
    }
}
