using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Agreement;

public sealed class PanelAgreementTests
{
    // Three judges, four outputs; c abstains on output 3.
    //   output  a     b     c
    //   1       pass  pass  pass
    //   2       fail  fail  pass
    //   3       pass  fail  -
    //   4       fail  fail  fail
    private static readonly IReadOnlyList<Verdict>[] Judgements =
    {
        Verdicts("a+", "b+", "c+"),
        Verdicts("a-", "b-", "c+"),
        Verdicts("a+", "b-", "c?"),
        Verdicts("a-", "b-", "c-"),
    };

    [Fact]
    public void Judges_are_listed_in_order_of_first_appearance_and_every_pair_is_compared()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Judgements);

        agreement.Items.Should().Be(4);
        agreement.Judges.Should().Equal("a", "b", "c");
        agreement.Pairs.Select(p => p.FirstJudge + p.SecondJudge).Should().Equal("ab", "ac", "bc");
    }

    [Fact]
    public void Cohens_kappa_of_a_pair_uses_the_items_both_decided()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Judgements);

        // a-b on 4 items: table [[1, 1], [0, 2]]: p_o = 3/4, p_e = (2·1 + 2·3)/16 = 1/2, κ = 0.5.
        agreement.Pair("a", "b").Should().BeEquivalentTo(new { CohensKappa = 0.5, ObservedAgreement = 0.75, ItemsUsed = 4 });

        // a-c on outputs 1, 2, 4: table [[1, 0], [1, 1]]: p_o = 2/3, p_e = (1·2 + 2·1)/9 = 4/9, κ = 0.4.
        agreement.Pair("c", "a")!.CohensKappa.Should().BeApproximately(0.4, 1e-12);
        agreement.Pair("c", "a")!.ItemsUsed.Should().Be(3);
    }

    [Fact]
    public void Fleiss_kappa_uses_only_the_items_every_judge_decided()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Judgements);

        // Outputs 1, 2, 4 with (pass, fail) counts (3, 0), (1, 2), (0, 3):
        // P̄ = 14/18, P̄_e = (4/9)² + (5/9)² = 41/81, κ = (63/81 − 41/81) / (40/81) = 0.55.
        agreement.FleissKappa.Value.Should().BeApproximately(0.55, 1e-12);
        agreement.FleissKappa.ItemsUsed.Should().Be(3);
    }

    [Fact]
    public void Krippendorffs_alpha_uses_every_item_with_two_decisions()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Judgements);

        // Disagreeing pairs per unit / (m − 1): 0, 4/2, 2/1, 0 = 4; n_pass = 5, n_fail = 6, n = 11;
        // α = 1 − (n − 1) · 4 / (11² − 5² − 6²) = 1 − 40/60 = 1/3.
        agreement.KrippendorffAlpha.Value.Should().BeApproximately(1.0 / 3.0, 1e-12);
        agreement.KrippendorffAlpha.ItemsUsed.Should().Be(4);
    }

    [Fact]
    public void A_judge_that_was_not_asked_counts_as_missing_like_an_abstention()
    {
        IReadOnlyList<Verdict>[] withoutC = Judgements.Select(j => (IReadOnlyList<Verdict>)j.Where(v => v.Outcome != VerdictOutcome.Inconclusive).ToArray()).ToArray();

        PanelAgreement.Compute(withoutC).Should().BeEquivalentTo(PanelAgreement.Compute(Judgements));
    }

    [Fact]
    public void When_every_judge_passes_everything_the_coefficients_are_undefined_not_NaN()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Enumerable.Repeat(Verdicts("a+", "b+", "c+"), 5));

        agreement.Pairs.Should().OnlyContain(p => p.CohensKappa == null && p.ObservedAgreement == 1.0 && p.ItemsUsed == 5);
        agreement.FleissKappa.Should().Be(new AgreementStatistic(null, 5));
        agreement.KrippendorffAlpha.Should().Be(new AgreementStatistic(null, 5));
    }

    [Fact]
    public void With_a_single_item_the_coefficients_are_undefined()
    {
        PanelAgreement agreement = PanelAgreement.Compute(new[] { Verdicts("a+", "b-") });

        agreement.Pair("a", "b")!.CohensKappa.Should().BeNull();
        agreement.FleissKappa.Value.Should().BeNull();
        agreement.KrippendorffAlpha.Value.Should().BeNull();
    }

    [Fact]
    public void A_pair_that_never_decided_the_same_item_has_no_agreement()
    {
        PanelAgreement agreement = PanelAgreement.Compute(new[] { Verdicts("a+", "b?"), Verdicts("a?", "b-") });

        agreement.Pair("a", "b").Should().BeEquivalentTo(new { CohensKappa = (double?)null, ObservedAgreement = (double?)null, ItemsUsed = 0 });
    }

    [Fact]
    public void No_judgements_give_no_judges_and_undefined_coefficients()
    {
        PanelAgreement agreement = PanelAgreement.Compute(Array.Empty<IReadOnlyList<Verdict>>());

        agreement.Judges.Should().BeEmpty();
        agreement.Pairs.Should().BeEmpty();
        agreement.FleissKappa.Should().Be(new AgreementStatistic(null, 0));
        agreement.KrippendorffAlpha.Should().Be(new AgreementStatistic(null, 0));
    }

    [Fact]
    public void Panel_verdicts_give_the_same_agreement_as_their_verdict_lists()
    {
        PanelVerdict[] panelVerdicts = Judgements.Select(v => new PanelVerdict("jury", VerdictOutcome.Pass, null, "", v)).ToArray();

        PanelAgreement.Compute(panelVerdicts).Should().BeEquivalentTo(PanelAgreement.Compute(Judgements));
    }

    [Fact]
    public void Two_verdicts_from_one_judge_on_one_output_are_rejected()
    {
        FluentActions.Invoking(() => PanelAgreement.Compute(new[] { Verdicts("a+", "a-") })).Should().Throw<ArgumentException>().WithMessage("*'a'*");
    }

    [Fact]
    public void An_unknown_pair_is_null()
    {
        PanelAgreement.Compute(Judgements).Pair("a", "zed").Should().BeNull();
    }

    /// <summary>"a+" passes, "a-" fails, "a?" abstains.</summary>
    private static IReadOnlyList<Verdict> Verdicts(params string[] codes) => codes.Select(code => code[^1] switch
    {
        '+' => Verdict.Pass(code[..^1], 1.0, "pass"),
        '-' => Verdict.Fail(code[..^1], 0.0, "fail"),
        _ => Verdict.Inconclusive(code[..^1], "abstains"),
    }).ToArray();
}
