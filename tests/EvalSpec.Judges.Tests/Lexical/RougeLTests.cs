using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Lexical;

/// <summary>
/// ROUGE-L against the published values of Google's rouge-score package (google-research/google-research,
/// rouge/rouge_scorer_test.py at commit 066e6a12a3817e45919458090102abfc0a09d287, whose "ground truth" comes from
/// ROUGE-1.5.5; inputs of the ROUGE-1.5.5 comparison from rouge/testdata/target.txt and prediction.txt at commit
/// 10bf941a5a0625bf27bb8443aa849e9b48fdd5f9). rouge-score calls score(target, prediction); RougeL.Score takes
/// (candidate = prediction, reference = target).
/// </summary>
public sealed class RougeLTests
{
    // rouge/testdata/target.txt and prediction.txt, lines 1 and 2 (random strings, as published).
    private const string Target0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L";
    private const string Prediction0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi";
    private const string Target1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN";
    private const string Prediction1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD";

    [Fact]
    public void Consecutive_common_words_score_as_published() // testRougeLConsecutive
    {
        RougeLScore score = RougeL.Score(candidate: "testing one", reference: "testing one two");

        score.Precision.Should().BeApproximately(1, 1e-12);
        score.Recall.Should().BeApproximately(2.0 / 3, 1e-12);
        score.FMeasure.Should().BeApproximately(4.0 / 5, 1e-12);
    }

    [Fact]
    public void Non_consecutive_common_words_count_as_a_subsequence() // testRougeLNonConsecutive
    {
        RougeLScore score = RougeL.Score(candidate: "testing two", reference: "testing one two");

        score.Precision.Should().BeApproximately(1, 1e-12);
        score.Recall.Should().BeApproximately(2.0 / 3, 1e-12);
        score.FMeasure.Should().BeApproximately(4.0 / 5, 1e-12);
    }

    [Fact]
    public void An_empty_candidate_scores_zero() // testRougeEmpty
    {
        RougeLScore score = RougeL.Score(candidate: string.Empty, reference: "testing one two");

        score.Should().Be(new RougeLScore(0, 0, 0));
    }

    [Fact]
    public void Matches_rouge_155_on_the_first_published_pair() // testRougeLAgainstRouge155
    {
        RougeLScore score = RougeL.Score(Prediction0, Target0);

        score.Recall.Should().BeApproximately(0.40741, 5e-6);
        score.Precision.Should().BeApproximately(0.68750, 5e-6);
        score.FMeasure.Should().BeApproximately(0.51163, 5e-6);
    }

    [Fact]
    public void Matches_rouge_155_on_the_second_published_pair() // testRougeLAgainstRouge155
    {
        RougeLScore score = RougeL.Score(Prediction1, Target1);

        score.Recall.Should().BeApproximately(0.40476, 5e-6);
        score.Precision.Should().BeApproximately(0.65385, 5e-6);
        score.FMeasure.Should().BeApproximately(0.50000, 5e-6);
    }

    [Fact]
    public void The_longest_common_subsequence_skips_out_of_order_tokens() // testLcsTable: LCS([1,2,3,4,5], [2,5,3,4]) = 3
    {
        RougeLScore score = RougeL.Score(candidate: "2 5 3 4", reference: "1 2 3 4 5");

        score.Precision.Should().BeApproximately(3.0 / 4, 1e-12);
        score.Recall.Should().BeApproximately(3.0 / 5, 1e-12);
    }

    [Fact]
    public void Texts_without_a_common_subsequence_score_zero() // testLcsTable: LCS([1,2,3,4,5], [8,9]) = 0
    {
        RougeLScore score = RougeL.Score(candidate: "8 9", reference: "1 2 3 4 5");

        score.Should().Be(new RougeLScore(0, 0, 0));
    }

    [Fact]
    public void Tokenizes_by_lower_casing_and_splitting_on_white_space() // rouge/tokenize_test.py
    {
        RougeL.Tokenize("one Two three").Should().Equal("one", "two", "three");
        RougeL.Tokenize("one\n Two \nthree").Should().Equal("one", "two", "three");
    }

    [Fact]
    public void Tokenizes_everything_but_ascii_letters_and_digits_as_separators()
    {
        RougeL.Tokenize("Don't pay $14.99 for caf\u00e9-au-lait!").Should().Equal("don", "t", "pay", "14", "99", "for", "caf", "au", "lait");
    }

    [Fact]
    public void A_text_of_only_symbols_has_no_tokens_and_scores_zero() // testRougeLsum: prediction "/"
    {
        RougeL.Score(candidate: "/", reference: "w1 w2 w3 w4 w5").FMeasure.Should().Be(0);
    }
}
