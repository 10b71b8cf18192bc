using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging.Aggregation;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Calibration;

public sealed class JudgeCalibrationTests
{
    /// <summary>
    /// Labelled items on which judge "a" is right with probability <paramref name="a"/>, "b" with <paramref name="b"/> and
    /// "c" with <paramref name="c"/>, seeded.
    /// </summary>
    internal static IReadOnlyList<LabelledJudgement> Items(int count, double a, double b, double c, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            VerdictOutcome truth = random.Next(2) == 0 ? VerdictOutcome.Pass : VerdictOutcome.Fail;
            VerdictOutcome Say(double accuracy) => random.NextDouble() < accuracy ? truth : Opposite(truth);
            return new LabelledJudgement(new[] { Verdicts.Of("a", Say(a)), Verdicts.Of("b", Say(b)), Verdicts.Of("c", Say(c)) }, truth);
        }).ToArray();
    }

    internal static VerdictOutcome Opposite(VerdictOutcome outcome) => outcome == VerdictOutcome.Pass ? VerdictOutcome.Fail : VerdictOutcome.Pass;

    [Fact]
    public void A_judge_below_chance_gets_weight_zero_and_a_warning_naming_it_with_its_accuracy_and_interval()
    {
        JudgeCalibrationReport report = JudgeCalibration.Fit(Items(200, 0.2, 0.85, 0.8, seed: 1));

        report.Weights["a"].Should().Be(0);
        report.Weights["b"].Should().BeGreaterThan(0);
        report.Warnings.Should().ContainSingle().Which.Should().Contain("'a'").And.Contain("accuracy 0.").And.Contain("(95%)").And.Contain("weight is 0");
        report.Judges.Single(j => j.Judge == "a").Interval.Upper.Should().BeLessThan(0.5);
    }

    [Fact]
    public void A_judge_below_chance_gets_a_negative_weight_only_when_inversion_is_allowed()
    {
        JudgeCalibrationReport report = JudgeCalibration.Fit(Items(200, 0.2, 0.85, 0.8, seed: 1), new CalibrationOptions { AllowInvertedJudges = true });

        report.Weights["a"].Should().BeLessThan(0);
        report.Warnings.Should().ContainSingle().Which.Should().Contain("inversion is allowed");
    }

    [Fact]
    public void Fewer_labelled_items_than_the_minimum_per_judge_is_an_error_naming_the_judge_and_the_minimum()
    {
        IReadOnlyList<LabelledJudgement> items = Items(29, 0.8, 0.8, 0.8, seed: 2);

        FluentActions.Invoking(() => JudgeCalibration.Fit(items)).Should().Throw<CalibrationException>()
            .WithMessage("*judge 'a' voted pass or fail on 29*at least 30 labelled items*");
        JudgeCalibration.Fit(items, new CalibrationOptions { MinimumItemsPerJudge = 29 }).Items.Should().Be(29);
    }

    [Fact]
    public void A_judge_that_abstained_on_most_items_is_short_of_the_minimum_even_when_there_are_enough_items()
    {
        LabelledJudgement[] items = Items(60, 0.8, 0.8, 0.8, seed: 3)
            .Select((item, i) => i < 40 ? new LabelledJudgement(item.Verdicts.Select(v => v.Judge == "c" ? Verdicts.Abstain("c") : v).ToArray(), item.TrueOutcome) : item)
            .ToArray();

        FluentActions.Invoking(() => JudgeCalibration.Fit(items)).Should().Throw<CalibrationException>().WithMessage("*'c' voted pass or fail on 20*");
    }

    [Fact]
    public void No_items_and_two_verdicts_of_one_judge_on_an_item_are_errors()
    {
        FluentActions.Invoking(() => JudgeCalibration.Fit(Array.Empty<LabelledJudgement>())).Should().Throw<CalibrationException>().WithMessage("*no labelled items*");
        var twice = new LabelledJudgement(new[] { Verdicts.Pass("a"), Verdicts.Fail("a") }, VerdictOutcome.Pass);
        FluentActions.Invoking(() => JudgeCalibration.Fit(new[] { twice })).Should().Throw<CalibrationException>().WithMessage("*2 verdicts from judge 'a'*");
    }

    [Fact]
    public void The_report_gives_position_consistency_for_pairwise_judges()
    {
        LabelledJudgement[] items = Enumerable.Range(0, 40).Select(i => new LabelledJudgement(
            new[]
            {
                Verdict.Pass("p", 1, "chose the candidate") with
                {
                    Pairwise = new PairwiseComparison(PairwiseChoice.Candidate, i % 4 == 0 ? PairwiseChoice.Reference : PairwiseChoice.Candidate, 10, 10),
                },
            },
            VerdictOutcome.Pass)).ToArray();

        JudgeReliability p = JudgeCalibration.Fit(items).Judges.Single();

        p.PositionConsistency.Should().BeApproximately(0.75, 1e-12);
        p.Votes.Should().Be(80, "a pairwise judge votes once per presentation order");
        p.CorrectVotes.Should().Be(70);
        JudgeCalibration.Fit(items).Describe().Should().Contain("position consistency 0.750");
    }

    [Fact]
    public void A_panel_with_every_judge_at_or_below_chance_cannot_become_a_weighted_majority()
    {
        JudgeCalibrationReport report = JudgeCalibration.Fit(Items(100, 0.3, 0.3, 0.4, seed: 4));

        FluentActions.Invoking(() => report.ToWeightedMajority()).Should().Throw<ArgumentException>().WithMessage("*at or below chance*'a'*");
    }

    /// <summary>
    /// The failure of issue 12: calibrated where two judges are fooled (below chance) and applied where every judge is good,
    /// log-odds weights ruled against the panel's unanimous judges. Whatever the calibration data, a calibration that cannot
    /// invert never decides against a unanimous panel.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Whatever_the_calibration_data_the_calibrated_panel_never_rules_against_its_unanimous_judges(int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<LabelledJudgement> calibration = Items(100, random.NextDouble(), random.NextDouble(), 0.55 + (0.4 * random.NextDouble()), seed);
        WeightedMajorityAggregator panel = JudgeCalibration.Fit(calibration).ToWeightedMajority();

        panel.Decide(Verdicts.Pattern("PPP")).Outcome.Should().Be(VerdictOutcome.Pass);
        panel.Decide(Verdicts.Pattern("FFF")).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    /// <summary>
    /// LLMBar's shape in small: on the "adversarial" data judges a and b prefer the superficially better output (right 25% of
    /// the time) and c is right 65%; on the "natural" data all three are right 85%. Calibrated on the adversarial data and
    /// applied to the natural data, inverted weights score far below a plain majority; weights that cannot invert follow c,
    /// the one judge that was better than chance where they were measured. The LLMBar benchmark prints the real figures.
    /// </summary>
    [Fact]
    public void Calibrated_on_adversarial_data_and_applied_to_natural_data_the_panel_does_not_collapse_as_an_inverted_one_does()
    {
        IReadOnlyList<LabelledJudgement> adversarial = Items(300, 0.25, 0.25, 0.65, seed: 10);
        IReadOnlyList<LabelledJudgement> natural = Items(1000, 0.85, 0.85, 0.85, seed: 11);
        WeightedMajorityAggregator safe = JudgeCalibration.Fit(adversarial).ToWeightedMajority();
        WeightedMajorityAggregator inverted = JudgeCalibration.Fit(adversarial, new CalibrationOptions { AllowInvertedJudges = true }).ToWeightedMajority();

        double Accuracy(IVerdictAggregator aggregator) => natural.Average(item => aggregator.Decide(item.Verdicts).Outcome == item.TrueOutcome ? 1.0 : 0.0);
        double majority = Accuracy(MajorityAggregator.Instance);

        Accuracy(inverted).Should().BeLessThan(0.5, "the inverted panel counts two good judges against the truth");
        Accuracy(safe).Should().BeGreaterThan(0.8).And.BeGreaterThan(Accuracy(inverted) + 0.3);
        majority.Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void Dawid_skene_ignores_a_judge_fitted_below_chance_and_names_it_unless_inversion_is_allowed()
    {
        IReadOnlyList<LabelledJudgement> items = Items(200, 0.2, 0.85, 0.8, seed: 5);

        DawidSkeneModel safe = DawidSkeneModel.Fit(items);
        DawidSkeneModel inverted = DawidSkeneModel.Fit(items, allowInvertedJudges: true);

        safe.Judges["a"].Ignored.Should().BeTrue();
        safe.Judges["b"].Ignored.Should().BeFalse();
        safe.Warnings.Should().ContainSingle().Which.Should().Contain("'a'").And.Contain("accuracy 0.").And.Contain("(95%)");
        inverted.Judges["a"].Ignored.Should().BeFalse();
        inverted.Warnings.Should().BeEmpty();
        new DawidSkeneAggregator(safe).Decide(Verdicts.Pattern("PPP")).Outcome.Should().Be(VerdictOutcome.Pass);
    }
}
