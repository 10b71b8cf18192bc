using System;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Lexical;

/// <summary>
/// Sentence BLEU against the published values of NLTK and sacrebleu:
/// <list type="bullet">
/// <item>NLTK: the doctests of nltk/translate/bleu_score.py (nltk/nltk at commit 902dbeb523b0816ee38c9a100e4e6a54f06e7d14)
/// and nltk/test/unit/translate/test_bleu.py (commit e7749d34d90efa3bed4ae9ce036c70a01589687d). NLTK takes
/// pre-split tokens (<c>str.split()</c>) and has no effective order, so those cases use
/// <see cref="BleuTokenization.Whitespace"/> and <c>EffectiveOrder = false</c>.</item>
/// <item>sacrebleu: test/test_sentence_bleu.py (mjpost/sacrebleu at commit 27bec349d41c900990d5aa669056766d0543d710)
/// and test/test_bleu.py (commit 785d26bb42ff5cc738c8aa06efb288cf407fc4fd). sacrebleu reports 100 x BLEU; its
/// <c>floor</c> smoothing is <see cref="BleuSmoothing.Epsilon"/>; <c>raw_corpus_bleu</c> is floor smoothing with
/// tokenize='none' and effective order.</item>
/// </list>
/// </summary>
public sealed class BleuTests
{
    private static readonly BleuOptions Nltk = new() { Tokenization = BleuTokenization.Whitespace, EffectiveOrder = false, Smoothing = BleuSmoothing.None };

    private static readonly BleuOptions SacrebleuRaw = new() { Tokenization = BleuTokenization.Whitespace, Smoothing = BleuSmoothing.Epsilon, Epsilon = 0.01 };

    // NLTK: the references and hypotheses of the BLEU paper's examples.
    private const string Reference1 = "It is a guide to action that ensures that the military will forever heed Party commands";
    private const string Reference2 = "It is the guiding principle which guarantees the military forces always being under the command of the Party";
    private const string Reference3 = "It is the practical guide for the army always to heed the directions of the party";
    private const string Hypothesis1 = "It is a guide to action which ensures that the military always obeys the commands of the party";
    private const string Hypothesis2 = "It is to insure the troops forever hearing the activity guidebook that party direct";

    // sacrebleu test_sentence_bleu.py, "Example taken from #98" (Romanian; t-cedilla in the reference, t-comma in the system output).
    private const string SacrebleuReference = "produc\u0163ia de zah\u0103r brut se exprim\u0103 \u00een zah\u0103r alb;";
    private const string SacrebleuSystem = "Produc\u021bia de zah\u0103r prim\u0103 va fi exprimat\u0103 \u00een ceea ce prive\u0219te zah\u0103rul alb;";

    private static readonly string[] PaperReferences = [Reference1, Reference2, Reference3];

    [Fact]
    public void Nltk_clips_repeated_words_in_unigram_precision() // modified_precision: "the the the ..." 0.2857, bigrams 0
    {
        BleuScore score = Bleu.Sentence("the the the the the the the", ["the cat is on the mat", "there is a cat on the mat"], Nltk);

        ((double)score.Matches[0] / score.Totals[0]).Should().BeApproximately(0.2857, 5e-5);
        score.Matches[1].Should().Be(0);
    }

    [Fact]
    public void Nltk_modified_precision_of_a_short_hypothesis() // modified_precision: "of the" 1.0 and 1.0
    {
        BleuScore score = Bleu.Sentence("of the", PaperReferences, Nltk);

        ((double)score.Matches[0] / score.Totals[0]).Should().Be(1.0);
        ((double)score.Matches[1] / score.Totals[1]).Should().Be(1.0);
    }

    [Theory]
    [InlineData(Hypothesis1, 0.9444, 0.5882352941176471)] // doctests: 0.9444..., 0.5882352941176471
    [InlineData(Hypothesis2, 0.5714, 0.07692)] // doctests: 0.5714..., 0.07692...
    public void Nltk_modified_precisions_of_the_paper_hypotheses(string hypothesis, double unigram, double bigram)
    {
        BleuScore score = Bleu.Sentence(hypothesis, PaperReferences, Nltk);

        score.Precisions[0].Should().BeInRange(unigram, unigram + 1e-4);
        score.Precisions[1].Should().BeInRange(bigram, bigram + 1e-5);
    }

    [Fact]
    public void Nltk_sentence_bleu_of_the_first_paper_hypothesis() // sentence_bleu doctest: 0.5045...
    {
        Bleu.Sentence(Hypothesis1, PaperReferences, Nltk).Score.Should().BeInRange(0.5045, 0.5046);
    }

    [Fact]
    public void Nltk_sentence_bleu_is_zero_without_smoothing_when_an_order_has_no_match() // doctest: round(..., 4) == 0.0
    {
        Bleu.Sentence(Hypothesis2, PaperReferences, Nltk).Score.Should().Be(0.0);
    }

    [Fact]
    public void Nltk_method1_epsilon_smoothing_rescues_the_second_paper_hypothesis() // doctest: chencherry.method1 0.0370...
    {
        BleuOptions method1 = Nltk with { Smoothing = BleuSmoothing.Epsilon };

        Bleu.Sentence(Hypothesis2, PaperReferences, method1).Score.Should().BeInRange(0.0370, 0.0371);
    }

    [Fact]
    public void Nltk_bleu_5_with_uniform_weights() // doctest: weights (1/5,)*5 gives 0.3920...
    {
        Bleu.Sentence(Hypothesis1, PaperReferences, Nltk with { MaxOrder = 5 }).Score.Should().BeInRange(0.3920, 0.3921);
    }

    [Theory]
    [InlineData(BleuSmoothing.None)]
    [InlineData(BleuSmoothing.Epsilon)]
    [InlineData(BleuSmoothing.Exponential)]
    public void Nltk_single_reference_score_is_the_same_for_every_smoothing_when_no_order_is_zero(BleuSmoothing smoothing) // SmoothingFunction doctest: 0.4118... for method0, 1 and 3
    {
        Bleu.Sentence(Hypothesis1, Reference1, Nltk with { Smoothing = smoothing }).Score.Should().BeInRange(0.4118, 0.4119);
    }

    [Theory]
    [InlineData(new[] { 12, 15, 17 }, 12, 1.0, 0)] // doctest: 1.0
    [InlineData(new[] { 28, 28 }, 12, 0.2635971381157267, 1e-15)] // doctest: 0.2635971381157267
    [InlineData(new[] { 13, 2 }, 12, 0.92005, 5e-5)] // doctest: 0.9200...
    [InlineData(new[] { 13, 11 }, 12, 1.0, 0)] // doctest: bp1 == bp2 == 1
    [InlineData(new[] { 11, 8 }, 7, 0.8669, 5e-5)] // test_brevity_penalty: 0.8669 (places=4); doctest 0.8668...
    [InlineData(new[] { 11, 8, 6, 7 }, 7, 1.0, 0)] // test_brevity_penalty and doctest: 1.0
    public void Nltk_brevity_penalty_uses_the_closest_reference_length(int[] referenceLengths, int hypothesisLength, double expected, double tolerance)
    {
        BleuScore score = Bleu.Sentence(A(hypothesisLength), referenceLengths.Select(A), Nltk);

        score.BrevityPenalty.Should().BeApproximately(expected, tolerance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Nltk_no_match_at_all_scores_zero(int maxOrder) // test_zero_matches
    {
        Bleu.Sentence("John loves Mary", "The candidate has no alignment to any of the references", Nltk with { MaxOrder = maxOrder }).Score.Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Nltk_an_exact_match_scores_one(int maxOrder) // test_full_matches
    {
        Bleu.Sentence("John loves Mary", "John loves Mary", Nltk with { MaxOrder = maxOrder }).Score.Should().Be(1.0);
    }

    [Theory]
    [InlineData("", "The candidate has no alignment to any of the references")] // test_empty_hypothesis
    [InlineData("John loves Mary", "")] // test_empty_references
    [InlineData("", "")] // test_empty_references_and_hypothesis
    public void Nltk_empty_hypothesis_or_reference_scores_zero(string hypothesis, string reference)
    {
        Bleu.Sentence(hypothesis, reference, Nltk).Score.Should().Be(0);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exponential, null, BleuTokenization.Mteval13a, 8.493)]
    [InlineData(BleuSmoothing.None, null, BleuTokenization.Mteval13a, 0.0)]
    [InlineData(BleuSmoothing.Epsilon, null, BleuTokenization.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Epsilon, 0.1, BleuTokenization.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Epsilon, 0.5, BleuTokenization.Mteval13a, 10.10)]
    [InlineData(BleuSmoothing.Exponential, null, BleuTokenization.Whitespace, 7.347)]
    public void Sacrebleu_sentence_bleu_of_the_published_romanian_example(BleuSmoothing smoothing, double? epsilon, BleuTokenization tokenization, double expectedTimes100) // test_sentence_bleu.py test_cases, EPSILON 1e-3
    {
        var options = new BleuOptions { Smoothing = smoothing, Tokenization = tokenization, Epsilon = epsilon ?? 0.1 };

        BleuScore score = Bleu.Sentence(SacrebleuSystem, SacrebleuReference, options);

        (score.Score * 100).Should().BeApproximately(expectedTimes100, 1e-3);
    }

    [Fact]
    public void Sacrebleu_defaults_are_the_defaults() // sentence_bleu's defaults: exp smoothing, 13a, effective order
    {
        (Bleu.Sentence(SacrebleuSystem, SacrebleuReference).Score * 100).Should().BeApproximately(8.493, 1e-3);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exponential)]
    [InlineData(BleuSmoothing.None)]
    [InlineData(BleuSmoothing.Epsilon)]
    public void Sacrebleu_no_match_scores_zero_whatever_the_smoothing(BleuSmoothing smoothing) // test_cases_zero_bleu (#141)
    {
        Bleu.Sentence("this is a cat", "okay thanks", new BleuOptions { Smoothing = smoothing }).Score.Should().Be(0);
    }

    [Theory]
    [InlineData("this is a test", "this is a test", 1.0)] // test_raw_bleu_cases
    [InlineData("this is a fest", "this is a test", 0.223606797749979)] // test_raw_bleu_cases
    [InlineData("test", "a test", 0.3678794411714425)] // test_case_effective_order
    [InlineData("a test", "a test", 1.0)] // test_case_effective_order
    [InlineData("a little test", "a test", 0.03218297948685433)] // test_case_effective_order
    public void Sacrebleu_raw_bleu_with_floor_smoothing_and_effective_order(string hypothesis, string reference, double expected) // EPSILON 1e-8
    {
        Bleu.Sentence(hypothesis, reference, SacrebleuRaw).Score.Should().BeApproximately(expected, 1e-8);
    }

    [Fact]
    public void Sacrebleu_counts_clipped_matches_and_totals_per_order() // test_case_statistics: [4, 2, 1, 0] / [6, 5, 4, 3]
    {
        BleuScore score = Bleu.Sentence("am I am a character sequence", "I am a symbol string sequence a a", SacrebleuRaw);

        score.Matches.Should().Equal(4, 2, 1, 0);
        score.Totals.Should().Equal(6, 5, 4, 3);
    }

    [Fact]
    public void Sacrebleu_floor_smoothing_with_the_default_value() // test_case_offset: 0.1555722182 with the default floor of 0.1
    {
        BleuScore score = Bleu.Sentence("am I am a character sequence", "I am a symbol string sequence a a", SacrebleuRaw with { Epsilon = 0.1 });

        score.Score.Should().BeApproximately(0.1555722182, 1e-8);
    }

    [Fact]
    public void The_13a_tokenizer_splits_punctuation_but_keeps_numbers_whole()
    {
        Bleu.Tokenize("Hello, world! It costs $1,000.50 (since 2019-05).", BleuTokenization.Mteval13a)
            .Should().Equal("Hello", ",", "world", "!", "It", "costs", "$", "1,000.50", "(", "since", "2019", "-", "05", ")", ".");
    }

    [Fact]
    public void The_13a_tokenizer_unescapes_html_entities()
    {
        Bleu.Tokenize("a &amp; b &lt;c&gt; &quot;d&quot;", BleuTokenization.Mteval13a)
            .Should().Equal("a", "&", "b", "<", "c", ">", "\"", "d", "\"");
    }

    [Fact]
    public void Lowercasing_makes_matching_case_insensitive()
    {
        Bleu.Sentence("THE CAT", "the cat", new BleuOptions { Lowercase = true }).Score.Should().Be(1.0);
    }

    [Fact]
    public void Needs_at_least_one_reference()
    {
        Action score = () => Bleu.Sentence("x", Array.Empty<string>());

        score.Should().Throw<ArgumentException>();
    }

    private static string A(int count) => string.Join(' ', Enumerable.Repeat("a", count));
}
