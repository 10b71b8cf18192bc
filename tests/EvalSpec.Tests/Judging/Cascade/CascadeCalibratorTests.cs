using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

public sealed class CascadeCalibratorTests
{
    private static readonly IReadOnlyList<(string Tier, IReadOnlyList<(string Judge, string? Model)> Judges)> Shape = new (string, IReadOnlyList<(string, string?)>)[]
    {
        ("cheap", new (string, string?)[] { ("a", "small-1"), ("b", "small-2"), ("c", "small-3") }),
        ("strong", new (string, string?)[] { ("g", "gpt-4") }),
    };

    /// <summary>
    /// Items where the cheap judges are each right 75% of the time (so a unanimous cheap tier is right about 96%, a split one
    /// about 75%) and the strong judge is right <paramref name="strong"/> of the time, seeded.
    /// </summary>
    internal static List<CalibrationItem> Items(int count, int seed, double strong = 0.9, double cheap = 0.75)
    {
        var random = new Random(seed);
        var items = new List<CalibrationItem>(count);
        for (int i = 0; i < count; i++)
        {
            VerdictOutcome truth = random.Next(2) == 0 ? VerdictOutcome.Pass : VerdictOutcome.Fail;
            VerdictOutcome Say(double accuracy) => random.NextDouble() < accuracy ? truth : (truth == VerdictOutcome.Pass ? VerdictOutcome.Fail : VerdictOutcome.Pass);
            items.Add(new CalibrationItem(
                "item-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                truth,
                new Dictionary<string, IReadOnlyList<CascadeVote>>
                {
                    ["cheap"] = new[] { new CascadeVote("a", 1, null, Say(cheap)), new CascadeVote("b", 1, null, Say(cheap)), new CascadeVote("c", 1, null, Say(cheap)) },
                    ["strong"] = new[] { new CascadeVote("g", 1, null, Say(strong)) },
                }));
        }

        return items;
    }

    [Fact]
    public void The_fitted_thresholds_give_the_target_agreement_on_fresh_items_in_at_least_one_minus_risk_of_calibrations()
    {
        const double target = 0.85, risk = 0.1;
        int met = 0;
        const int splits = 60;
        for (int s = 0; s < splits; s++)
        {
            CascadeCalibration calibration = CascadeCalibrator.Fit(Items(300, seed: s), Shape, target, risk);
            (double agreement, _) = Apply(calibration, Items(3000, seed: 10_000 + s));
            met += agreement >= target ? 1 : 0;
        }

        ((double)met / splits).Should().BeGreaterThanOrEqualTo(1 - risk);
    }

    [Fact]
    public void A_confident_cheap_tier_decides_and_the_rest_escalates_to_the_strong_judge()
    {
        // Unweighted votes, so that a split tier's confidence is exactly 2/3.
        CascadeCalibration calibration = CascadeCalibrator.Fit(Items(600, seed: 1), Shape, 0.85, 0.1, new CalibrationOptions { WeighJudges = false });

        calibration.Tiers[0].Threshold.Should().Be(1, "only a unanimous cheap tier (about 96% right) can be certified at 85%; a split one is 75% right");
        calibration.Tiers[1].Threshold.Should().Be(1);
        calibration.ExpectedEscalationRate.Should().BeInRange(0.5, 0.65, "three judges right 75% each are unanimous on 0.75^3 + 0.25^3 = 44% of items");
        calibration.ExpectedCoverage.Should().Be(1);
        calibration.Tiers[0].Judges.Select(j => j.Model).Should().Equal("small-1", "small-2", "small-3");
        calibration.Tiers[0].ErrorUpperBound.Should().BeLessThanOrEqualTo(0.15);
        calibration.Describe().Should().Contain("Tier cheap: threshold 1.000 (1 sample(s) per judge)");
        calibration.Tiers.Select(t => t.Samples).Should().Equal(1, 1);
    }

    [Fact]
    public void A_strong_judge_too_weak_for_the_target_never_decides_and_the_cascade_abstains_on_what_it_would_have_decided()
    {
        CascadeCalibration calibration = CascadeCalibrator.Fit(Items(600, seed: 2, strong: 0.7), Shape, 0.85, 0.1);

        calibration.Tiers[1].Threshold.Should().BeNull();
        calibration.Warnings.Should().Contain(w => w.StartsWith("Tier 'strong' never decides", StringComparison.Ordinal));
        calibration.ExpectedCoverage.Should().BeLessThan(0.8, "the items the cheap tier escalates are abstained on");
    }

    [Fact]
    public void A_judge_below_chance_gets_weight_zero_and_a_warning_in_the_calibration()
    {
        List<CalibrationItem> items = Items(300, seed: 3);
        List<CalibrationItem> flipped = items.Select(i => new CalibrationItem(i.Id, i.Label, new Dictionary<string, IReadOnlyList<CascadeVote>>
        {
            ["cheap"] = i.Votes["cheap"].Select(v => v.Judge == "c" ? v with { Outcome = v.Outcome == VerdictOutcome.Pass ? VerdictOutcome.Fail : VerdictOutcome.Pass } : v).ToArray(),
            ["strong"] = i.Votes["strong"],
        })).ToList();

        CascadeCalibration calibration = CascadeCalibrator.Fit(flipped, Shape, 0.85, 0.1);

        calibration.Tiers[0].Judges.Single(j => j.Name == "c").Weight.Should().Be(0);
        calibration.Warnings.Should().Contain(w => w.Contains("Judge 'c' is at or below chance", StringComparison.Ordinal) && w.Contains("weight is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_items_with_the_same_id_are_refused()
    {
        List<CalibrationItem> items = Items(100, seed: 4);
        items.Add(items[7]);

        FluentActions.Invoking(() => CascadeCalibrator.Fit(items, Shape, 0.85, 0.1)).Should().Throw<CalibrationException>().WithMessage("*items 7 and 100 are the same item ('item-7')*");
    }

    [Fact]
    public void An_item_missing_a_tier_or_voting_with_an_unknown_judge_is_refused()
    {
        List<CalibrationItem> items = Items(100, seed: 5);
        items[3] = new CalibrationItem("item-3", VerdictOutcome.Pass, new Dictionary<string, IReadOnlyList<CascadeVote>> { ["cheap"] = items[3].Votes["cheap"] });
        FluentActions.Invoking(() => CascadeCalibrator.Fit(items, Shape, 0.85, 0.1)).Should().Throw<CalibrationException>().WithMessage("*'item-3' has no votes of tier 'strong'*ASKALLTIERS*");

        items[3] = new CalibrationItem("item-3", VerdictOutcome.Pass, new Dictionary<string, IReadOnlyList<CascadeVote>> { ["cheap"] = items[4].Votes["cheap"], ["strong"] = new[] { new CascadeVote("gpt-5", 1, null, VerdictOutcome.Pass) } });
        FluentActions.Invoking(() => CascadeCalibrator.Fit(items, Shape, 0.85, 0.1)).Should().Throw<CalibrationException>().WithMessage("*judge 'gpt-5' in tier 'strong'*");
    }

    [Fact]
    public void Too_few_items_per_judge_no_items_and_an_inconclusive_label_are_errors()
    {
        FluentActions.Invoking(() => CascadeCalibrator.Fit(Items(20, seed: 6), Shape, 0.85, 0.1)).Should().Throw<CalibrationException>().WithMessage("*too few labelled items*at least 30*");
        FluentActions.Invoking(() => CascadeCalibrator.Fit(Array.Empty<CalibrationItem>(), Shape, 0.85, 0.1)).Should().Throw<CalibrationException>().WithMessage("*no labelled items*");
        FluentActions.Invoking(() => new CalibrationItem("x", VerdictOutcome.Inconclusive, new Dictionary<string, IReadOnlyList<CascadeVote>>())).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => CascadeCalibrator.Fit(Items(100, 7), Shape, 1, 0.1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => CascadeCalibrator.Fit(Items(100, 7), Shape, 0.85, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>What the cascade, with this calibration's thresholds and weights, does on <paramref name="items"/>: agreement on decided items and coverage.</summary>
    internal static (double Agreement, double Coverage) Apply(CascadeCalibration calibration, IReadOnlyList<CalibrationItem> items)
    {
        int decided = 0, right = 0;
        foreach (CalibrationItem item in items)
        {
            foreach (CascadeCalibrationTier tier in calibration.Tiers)
            {
                TierTally tally = TierTally.Of(item.Votes[tier.Name], tier.Judges.ToDictionary(j => j.Name, j => j.Weight));
                if (tally.Decides(tier.Threshold))
                {
                    decided++;
                    right += tally.Leaning == item.Label ? 1 : 0;
                    break;
                }
            }
        }

        return (decided == 0 ? 1 : (double)right / decided, (double)decided / items.Count);
    }
}
