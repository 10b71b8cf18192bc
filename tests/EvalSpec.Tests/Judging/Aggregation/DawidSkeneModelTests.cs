using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class DawidSkeneModelTests
{
    // One reliable judge and two noisy ones with opposite biases: "lenient" passes 40% of the failing outputs,
    // "harsh" fails 40% of the passing ones.
    private static readonly (string Judge, double Sensitivity, double Specificity)[] TruePanel =
    {
        ("reliable", 0.95, 0.90),
        ("lenient", 0.85, 0.60),
        ("harsh", 0.60, 0.85),
    };

    // With three judges, the reliable judge's error rates are identified only through how often the two noisy
    // judges agree, so EM's estimates are noisier than a labelled fit's. Over 40 seeds at 10,000 items the
    // standard error of the worst-estimated parameter (the reliable judge's specificity) was 0.02, the others'
    // about 0.01; at 2,000 items it was 0.03-0.04, too loose for a tolerance that says "recovered".
    private const int SyntheticItems = 10_000;

    private static readonly Lazy<SyntheticPanel> Synthetic = new(() => SyntheticPanel.Generate(seed: 20240611, items: SyntheticItems, priorPass: 0.6, abstention: 0.05, TruePanel));

    private static readonly Lazy<DawidSkeneModel> FittedByEm = new(() => DawidSkeneModel.Fit(Synthetic.Value.Judgements));

    // Five labelled items; b abstains on item 3.
    //   item  a     b     truth
    //   1     pass  pass  pass
    //   2     pass  fail  pass
    //   3     fail  -     pass
    //   4     fail  fail  fail
    //   5     pass  fail  fail
    private static readonly LabelledJudgement[] Calibration =
    {
        new(Verdicts.List(Verdicts.Pass("a"), Verdicts.Pass("b")), VerdictOutcome.Pass),
        new(Verdicts.List(Verdicts.Pass("a"), Verdicts.Fail("b")), VerdictOutcome.Pass),
        new(Verdicts.List(Verdicts.Fail("a"), Verdicts.Abstain("b")), VerdictOutcome.Pass),
        new(Verdicts.List(Verdicts.Fail("a"), Verdicts.Fail("b")), VerdictOutcome.Fail),
        new(Verdicts.List(Verdicts.Pass("a"), Verdicts.Fail("b")), VerdictOutcome.Fail),
    };

    [Fact]
    public void A_labelled_fit_gives_the_add_one_smoothed_frequencies()
    {
        DawidSkeneModel model = DawidSkeneModel.Fit(Calibration);

        model.PriorPass.Should().BeApproximately(4.0 / 7.0, 1e-12, "3 of 5 items pass: (3 + 1) / (5 + 2)");
        model.Judges["a"].Sensitivity.Should().BeApproximately(3.0 / 5.0, 1e-12, "a passed 2 of the 3 passing items: (2 + 1) / (3 + 2)");
        model.Judges["a"].Specificity.Should().BeApproximately(2.0 / 4.0, 1e-12, "a failed 1 of the 2 failing items: (1 + 1) / (2 + 2)");
        model.Judges["b"].Sensitivity.Should().BeApproximately(2.0 / 4.0, 1e-12, "b passed 1 of the 2 passing items it decided: (1 + 1) / (2 + 2)");
        model.Judges["b"].Specificity.Should().BeApproximately(3.0 / 4.0, 1e-12, "b failed both failing items: (2 + 1) / (2 + 2)");
    }

    [Fact]
    public void A_labelled_fit_counts_the_items_each_judge_decided_and_reports_a_closed_form_fit()
    {
        DawidSkeneModel model = DawidSkeneModel.Fit(Calibration);

        model.Judges["a"].Items.Should().Be(5);
        model.Judges["b"].Items.Should().Be(4);
        model.FitReport.Should().BeEquivalentTo(new { Items = 5, Iterations = 0, Converged = true });
    }

    [Fact]
    public void The_posterior_of_a_labelled_fit_follows_Bayes_rule()
    {
        DawidSkeneModel model = DawidSkeneModel.Fit(Calibration);

        // odds = 4/3 (prior) × 0.6/0.5 (a passes) × 0.5/0.75 (b fails) = 16/15
        model.PosteriorPass(Verdicts.List(Verdicts.Pass("a"), Verdicts.Fail("b"))).Should().BeApproximately(16.0 / 31.0, 1e-12);
    }

    [Fact]
    public void The_posterior_of_one_judge_is_its_likelihood_ratio_times_the_prior_odds()
    {
        var model = new DawidSkeneModel(0.5, new Dictionary<string, JudgeConfusion> { ["a"] = new(0.9, 0.8) });

        // pass: odds 0.9 / 0.2 = 4.5; fail: odds 0.1 / 0.8 = 0.125
        model.PosteriorPass(Verdicts.List(Verdicts.Pass("a"))).Should().BeApproximately(9.0 / 11.0, 1e-12);
        model.PosteriorPass(Verdicts.List(Verdicts.Fail("a"))).Should().BeApproximately(1.0 / 9.0, 1e-12);
    }

    [Fact]
    public void Abstentions_and_unknown_judges_leave_the_prior_unchanged()
    {
        var model = new DawidSkeneModel(0.3, new Dictionary<string, JudgeConfusion> { ["a"] = new(0.9, 0.8) });

        model.PosteriorPass(Verdicts.List(Verdicts.Abstain("a"), Verdicts.Pass("stranger"))).Should().BeApproximately(0.3, 1e-12);
    }

    [Fact]
    public void Expectation_maximisation_recovers_the_confusion_matrices_and_the_prior()
    {
        DawidSkeneModel model = FittedByEm.Value;

        model.PriorPass.Should().BeApproximately(0.6, 0.05);
        foreach ((string judge, double sensitivity, double specificity) in TruePanel)
        {
            model.Judges[judge].Sensitivity.Should().BeApproximately(sensitivity, 0.05, "the sensitivity of {0}", judge);
            model.Judges[judge].Specificity.Should().BeApproximately(specificity, 0.05, "the specificity of {0}", judge);
        }
    }

    [Fact]
    public void Expectation_maximisation_converges_and_reports_it()
    {
        DawidSkeneFitReport report = FittedByEm.Value.FitReport!;

        report.Converged.Should().BeTrue();
        report.Iterations.Should().BeInRange(2, 999);
        report.Items.Should().Be(Synthetic.Value.Judgements.Count(item => item.Any(v => v.Outcome != VerdictOutcome.Inconclusive)));
    }

    [Fact]
    public void The_fitted_model_decides_better_than_majority_vote()
    {
        double dawidSkene = Synthetic.Value.AccuracyOf(new DawidSkeneAggregator(FittedByEm.Value));
        double majority = Synthetic.Value.AccuracyOf(MajorityAggregator.Instance);

        // Over 40 seeds the fitted model beat majority vote by 0.04 to 0.07 (a tie of majority vote, when a judge
        // abstains and the other two disagree, counts as wrong).
        dawidSkene.Should().BeGreaterThan(majority + 0.02);
        dawidSkene.Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void Each_EM_iteration_does_not_lower_the_likelihood()
    {
        double[] logLikelihoods = Enumerable.Range(1, 8)
            .Select(iterations => DawidSkeneModel.Fit(Synthetic.Value.Judgements.Take(300), maxIterations: iterations, tolerance: 1e-15).FitReport!.LogLikelihood)
            .ToArray();

        // With add-one smoothing EM maximises the smoothed (penalised) likelihood, so the plain likelihood may
        // dip by a hair; it must not fall.
        for (int i = 1; i < logLikelihoods.Length; i++)
        {
            logLikelihoods[i].Should().BeGreaterThan(logLikelihoods[i - 1] - 1e-3);
        }
    }

    [Fact]
    public void EM_stopped_by_its_iteration_limit_reports_that_it_did_not_converge()
    {
        DawidSkeneFitReport report = DawidSkeneModel.Fit(Synthetic.Value.Judgements, maxIterations: 1).FitReport!;

        report.Iterations.Should().Be(1);
        report.Converged.Should().BeFalse();
    }

    [Fact]
    public void In_EM_an_abstention_is_the_same_as_no_verdict_at_all()
    {
        List<IReadOnlyList<Verdict>> withAbstentions = Synthetic.Value.Judgements.Take(500).ToList();
        List<IReadOnlyList<Verdict>> withoutThem = withAbstentions
            .Select(item => (IReadOnlyList<Verdict>)item.Where(v => v.Outcome != VerdictOutcome.Inconclusive).ToArray())
            .ToList();

        DawidSkeneModel a = DawidSkeneModel.Fit(withAbstentions);
        DawidSkeneModel b = DawidSkeneModel.Fit(withoutThem);

        b.PriorPass.Should().Be(a.PriorPass);
        foreach (string judge in b.Judges.Keys)
        {
            b.Judges[judge].Should().Be(a.Judges[judge]);
        }
    }

    [Fact]
    public void EM_skips_items_no_judge_decided()
    {
        List<IReadOnlyList<Verdict>> judgements = Synthetic.Value.Judgements.Take(200).Where(item => item.Any(v => v.Outcome != VerdictOutcome.Inconclusive)).ToList();
        int decided = judgements.Count;
        judgements.Add(Verdicts.Pattern("???"));

        DawidSkeneModel.Fit(judgements).FitReport!.Items.Should().Be(decided);
    }

    [Fact]
    public void EM_without_any_decision_is_an_error()
    {
        Action fit = () => DawidSkeneModel.Fit(new[] { Verdicts.Pattern("??") });

        fit.Should().Throw<ArgumentException>().WithMessage("*nothing to fit*");
    }

    [Fact]
    public void Two_verdicts_from_one_judge_on_one_item_are_an_error()
    {
        Action fit = () => DawidSkeneModel.Fit(new[] { Verdicts.List(Verdicts.Pass("a"), Verdicts.Fail("a")) });

        fit.Should().Throw<ArgumentException>().WithMessage("*'a'*");
    }

    [Fact]
    public void A_calibration_label_must_be_pass_or_fail() =>
        FluentActions.Invoking(() => new LabelledJudgement(Verdicts.Pattern("P"), VerdictOutcome.Inconclusive)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.5)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.5, double.NaN)]
    public void Confusion_probabilities_must_be_strictly_between_zero_and_one(double sensitivity, double specificity) =>
        FluentActions.Invoking(() => new JudgeConfusion(sensitivity, specificity)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void The_confusion_matrix_cells_are_the_verdict_probabilities_given_the_truth()
    {
        var confusion = new JudgeConfusion(0.9, 0.7);

        confusion.Probability(VerdictOutcome.Pass, VerdictOutcome.Pass).Should().Be(0.9);
        confusion.Probability(VerdictOutcome.Fail, VerdictOutcome.Pass).Should().BeApproximately(0.1, 1e-12);
        confusion.Probability(VerdictOutcome.Pass, VerdictOutcome.Fail).Should().BeApproximately(0.3, 1e-12);
        confusion.Probability(VerdictOutcome.Fail, VerdictOutcome.Fail).Should().Be(0.7);
    }
}
