using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

public sealed class JudgeCascadeTests
{
    private static readonly JudgeRequest Request = new("Laptops can be returned within 60 days.") { RowId = "Faq.Returns" };

    private static (JudgeCascade Cascade, FixedModelJudge[] Cheap, FixedModelJudge Strong) Build(VerdictOutcome a, VerdictOutcome b, VerdictOutcome c, VerdictOutcome strong, double cheapThreshold = 1, double strongThreshold = 1)
    {
        FixedModelJudge[] cheap = { new("a", a), new("b", b), new("c", c) };
        var gpt4 = new FixedModelJudge("strong", strong, "gpt-4");
        var cascade = new JudgeCascade("cascade", new[]
        {
            new CascadeTier("cheap", cheap) { Threshold = cheapThreshold },
            new CascadeTier("strong", new IJudge[] { gpt4 }) { Threshold = strongThreshold },
        });
        return (cascade, cheap, gpt4);
    }

    [Fact]
    public async Task A_confident_first_tier_decides_and_the_strong_judge_is_never_asked()
    {
        (JudgeCascade cascade, _, FixedModelJudge strong) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail);

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Cascade!.DecidedBy.Should().Be("cheap");
        verdict.Cascade.Escalations.Should().Be(0);
        verdict.Cascade.ModelCalls.Should().Be(3);
        strong.Asked.Should().Be(0);
        verdict.Rationale.Should().Contain("tier 'cheap' decided pass with confidence 1.00").And.Contain("no guarantee: not calibrated");
    }

    [Fact]
    public async Task A_split_first_tier_escalates_and_the_strong_judge_decides()
    {
        (JudgeCascade cascade, _, FixedModelJudge strong) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail);

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Cascade!.DecidedBy.Should().Be("strong");
        verdict.Cascade.Escalations.Should().Be(1);
        verdict.Cascade.Steps[0].Confidence.Should().BeApproximately(2.0 / 3, 1e-12);
        verdict.Cascade.Contested.Should().BeTrue("the cheap tier leaned pass and the strong judge failed it");
        strong.Asked.Should().Be(1);
        verdict.Rationale.Should().Contain("after escalations: tier 'cheap' leaning pass, confidence 0.67 < 1.00");
    }

    [Fact]
    public async Task A_lower_threshold_lets_a_two_to_one_tier_decide()
    {
        (JudgeCascade cascade, _, FixedModelJudge strong) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail, cheapThreshold: 0.6);

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Cascade!.Contested.Should().BeTrue("a judge of the deciding tier voted the other way");
        strong.Asked.Should().Be(0);
    }

    [Fact]
    public async Task When_no_tier_is_confident_the_cascade_abstains_and_the_row_is_inconclusive()
    {
        (JudgeCascade cascade, _, _) = Build(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive);

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Cascade!.Abstained.Should().BeTrue();
        verdict.Cascade.Escalations.Should().Be(2);
        verdict.Rationale.Should().Contain("below the confidence threshold of every tier").And.Contain("review queue");
    }

    [Fact]
    public async Task A_calibrated_cascade_abstains_below_the_calibrated_confidence_and_claims_its_guarantee_when_it_decides()
    {
        (JudgeCascade cascade, _, _) = Build(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail, VerdictOutcome.Inconclusive);
        cascade.UseCalibration(CascadeCalibrationFiles.For(cascade, cheapThreshold: 1, strongThreshold: 1));

        Verdict abstained = await cascade.JudgeAsync(Request);

        abstained.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        abstained.Rationale.Should().StartWith("below the calibrated confidence: ");
        abstained.Rationale.Should().Contain("[calibrated: agreement with people >= 0.85 on decided outputs, risk 0.1, from 400 labelled items]");
        cascade.Guarantee.Should().Be(new CascadeGuarantee(0.85, 0.1, 400));
    }

    [Fact]
    public async Task An_errored_judge_votes_for_no_side_and_says_so()
    {
        var broken = new StubJudge("b", (_, _) => ValueTask.FromResult(Verdict.Error("b", "the model returned '{}'")));
        var cascade = new JudgeCascade("cascade", new[] { new CascadeTier("cheap", new IJudge[] { StubJudge.Passing("a"), broken, StubJudge.Passing("c") }) { Threshold = 0.6 } });

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Cascade!.Steps[0].Confidence.Should().BeApproximately(2.0 / 3, 1e-12, "the errored vote counts in the total but for no side");
        verdict.Rationale.Should().Contain("judges errored or unreadable").And.Contain("b (");
    }

    [Fact]
    public async Task A_pairwise_judge_votes_once_per_presentation_order()
    {
        Verdict pairwise = Verdict.Pass("p", 1, "chose the candidate once") with { Pairwise = new PairwiseComparison(PairwiseChoice.Candidate, PairwiseChoice.Reference, 10, 10) };
        var cascade = new JudgeCascade("cascade", new[] { new CascadeTier("cheap", new IJudge[] { StubJudge.Returning(pairwise), StubJudge.Passing("a") }) { Threshold = 0.6 } });

        Verdict verdict = await cascade.JudgeAsync(new JudgeRequest(Request.Output) { RowId = Request.RowId, ReferenceOutput = "other" });

        verdict.Cascade!.Steps[0].Votes.Should().HaveCount(3);
        verdict.Cascade.Steps[0].Confidence.Should().BeApproximately(2.0 / 3, 1e-12);
        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Samples_ask_the_same_judge_again_under_another_row_id()
    {
        var rowIds = new System.Collections.Concurrent.ConcurrentBag<string?>();
        var judge = new StubJudge("a", (request, _) =>
        {
            rowIds.Add(request.RowId);
            return ValueTask.FromResult(Verdict.Pass("a", 1, "fine"));
        });
        var cascade = new JudgeCascade("cascade", new[] { new CascadeTier("cheap", new IJudge[] { judge }) { Samples = 3 } });

        Verdict verdict = await cascade.JudgeAsync(Request);

        rowIds.Should().BeEquivalentTo(new[] { "Faq.Returns", "Faq.Returns#2", "Faq.Returns#3" });
        verdict.Cascade!.Steps[0].Votes.Select(v => v.Sample).Should().BeEquivalentTo(new[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Ask_all_tiers_collects_every_tiers_votes_but_the_first_confident_tier_still_decides()
    {
        (JudgeCascade cascade, _, FixedModelJudge strong) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail);
        cascade.AskAllTiers = true;

        Verdict verdict = await cascade.JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Cascade!.Steps.Should().HaveCount(2);
        strong.Asked.Should().Be(1);
    }

    [Fact]
    public void A_calibration_for_other_tiers_or_judges_is_refused_with_the_differences()
    {
        (JudgeCascade cascade, _, _) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);
        (JudgeCascade other, _, _) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);
        CascadeCalibration calibration = CascadeCalibrationFiles.For(other, 1, 1);
        CascadeCalibration renamed = new()
        {
            Target = calibration.Target,
            Risk = calibration.Risk,
            CalibrationItems = calibration.CalibrationItems,
            Tiers = new[] { calibration.Tiers[0], new CascadeCalibrationTier { Name = "strong", Threshold = 1, Judges = new[] { new CascadeCalibrationJudge { Name = "gpt-4o", Model = "gpt-4", Weight = 1 } } } },
        };

        FluentActions.Invoking(() => cascade.UseCalibration(renamed, "evalspec.calibration.json")).Should().Throw<ArgumentException>()
            .WithMessage("*evalspec.calibration.json does not fit cascade 'cascade'*tier 'strong' has judges ('strong'), the calibration ('gpt-4o')*");
    }

    [Fact]
    public async Task A_calibration_whose_judges_now_use_other_models_is_stale_its_thresholds_apply_but_no_guarantee_is_claimed()
    {
        (JudgeCascade cascade, _, FixedModelJudge strong) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail);
        CascadeCalibration calibration = CascadeCalibrationFiles.For(cascade, cheapThreshold: 0.6, strongThreshold: 1);
        strong.Model = "gpt-4o-2024-08-06";
        cascade.UseCalibration(calibration, "evalspec.calibration.json");

        Verdict verdict = await cascade.JudgeAsync(Request);

        cascade.Guarantee.Should().BeNull();
        cascade.NoGuaranteeReason.Should().Contain("stale calibration evalspec.calibration.json").And.Contain("judge 'strong' (tier 'strong') was calibrated on model 'gpt-4' and now uses 'gpt-4o-2024-08-06'");
        verdict.Outcome.Should().Be(VerdictOutcome.Pass, "the calibrated threshold 0.6 still applies");
        verdict.Rationale.Should().Contain("[no guarantee: stale calibration");
    }

    [Fact]
    public void Tiers_and_judges_need_unique_names_and_thresholds_in_zero_to_one()
    {
        FluentActions.Invoking(() => new JudgeCascade("c", Array.Empty<CascadeTier>())).Should().Throw<ArgumentException>().WithMessage("*no tiers*");
        FluentActions.Invoking(() => new JudgeCascade("c", new[] { new CascadeTier("t", new IJudge[] { StubJudge.Passing("a") }), new CascadeTier("t", new IJudge[] { StubJudge.Passing("b") }) }))
            .Should().Throw<ArgumentException>().WithMessage("*two tiers named 't'*");
        FluentActions.Invoking(() => new JudgeCascade("c", new[] { new CascadeTier("t", new IJudge[] { StubJudge.Passing("a") }), new CascadeTier("u", new IJudge[] { StubJudge.Passing("a") }) }))
            .Should().Throw<ArgumentException>().WithMessage("*judge 'a' in two tiers*");
        FluentActions.Invoking(() => new CascadeTier("t", new IJudge[] { StubJudge.Passing("a") }) { Threshold = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new CascadeTier("t", new IJudge[] { StubJudge.Passing("a") }) { Threshold = 1.5 }).Should().Throw<ArgumentOutOfRangeException>();
    }

    // The calibration file records tiers, judges and models but not each tier's Samples. Calibrated on three samples of a
    // judge right 75% of the time (a unanimous tier is right ~96%, so threshold 1 is certified at 85%), then run with one
    // sample: every single vote has confidence 1, the tier decides every row at ~75% agreement, and the cascade still
    // claims "agreement with people >= 0.85" in every row's rationale instead of calling the calibration stale.
    [Fact]
    public async Task A_calibration_fitted_with_three_samples_claims_no_guarantee_for_a_tier_run_with_one()
    {
        var shape = new (string Tier, System.Collections.Generic.IReadOnlyList<(string Judge, string? Model)> Judges)[] { ("cheap", new (string, string?)[] { ("a", "model-1") }) };
        var random = new Random(7);
        var items = new System.Collections.Generic.List<CalibrationItem>();
        for (int i = 0; i < 600; i++)
        {
            VerdictOutcome truth = random.Next(2) == 0 ? VerdictOutcome.Pass : VerdictOutcome.Fail;
            VerdictOutcome Say() => random.NextDouble() < 0.75 ? truth : (truth == VerdictOutcome.Pass ? VerdictOutcome.Fail : VerdictOutcome.Pass);
            items.Add(new CalibrationItem(
                "item-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                truth,
                new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<CascadeVote>> { ["cheap"] = new[] { new CascadeVote("a", 1, null, Say()), new CascadeVote("a", 2, null, Say()), new CascadeVote("a", 3, null, Say()) } }));
        }

        CascadeCalibration calibration = CascadeCalibrator.Fit(items, shape, 0.85, 0.1, new CalibrationOptions { WeighJudges = false });
        calibration.Tiers[0].Threshold.Should().Be(1, "only three agreeing samples are certified at 85%");

        var cascade = new JudgeCascade("cascade", new[] { new CascadeTier("cheap", new IJudge[] { new FixedModelJudge("a", VerdictOutcome.Pass) }) { Samples = 1 } });
        cascade.UseCalibration(calibration, "evalspec.calibration.json");
        Verdict verdict = await cascade.JudgeAsync(Request);

        cascade.Guarantee.Should().BeNull("the tier now asks one sample, not the three it was calibrated with: its confidence means something else");
        verdict.Rationale.Should().NotContain("[calibrated: agreement with people >= 0.85");
        cascade.NoGuaranteeReason.Should().Contain("tier 'cheap' was calibrated with 3 sample(s) per judge and now asks 1");
    }

    [Fact]
    public async Task A_calibration_that_does_not_record_a_tiers_samples_claims_no_guarantee()
    {
        (JudgeCascade cascade, _, _) = Build(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);
        CascadeCalibration recorded = CascadeCalibrationFiles.For(cascade, 1, 1);
        var old = new CascadeCalibration
        {
            Format = 1,
            Target = recorded.Target,
            Risk = recorded.Risk,
            CalibrationItems = recorded.CalibrationItems,
            Tiers = recorded.Tiers.Select(t => new CascadeCalibrationTier { Name = t.Name, Threshold = t.Threshold, Judges = t.Judges }).ToArray(),
        };
        cascade.UseCalibration(old, "evalspec.calibration.json");

        Verdict verdict = await cascade.JudgeAsync(Request);

        cascade.Guarantee.Should().BeNull();
        cascade.NoGuaranteeReason.Should().Contain("tier 'cheap' asks 1 sample(s) per judge, and the calibration does not record how many it was calibrated with (format 1)");
        verdict.Outcome.Should().Be(VerdictOutcome.Pass, "the thresholds still apply");
    }
}
