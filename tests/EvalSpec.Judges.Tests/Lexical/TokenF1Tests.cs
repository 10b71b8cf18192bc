using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Lexical;

/// <summary>
/// Token F1 (the existing <see cref="TextTokens.F1"/>, SQuAD v1.1 evaluation script definition) against documented values:
/// <list type="bullet">
/// <item>huggingface/evaluate, metrics/squad/README.md (commit 2ff8d75f58443299d70b74446f053cea7a126a73): the examples
/// "1976"/"1976" (f1 100), "1999"/"1976" (f1 0) and the partial match whose three answers average to f1 66.67, which
/// makes "Beyonce" against "Beyoncé and Bruno Mars" 0 (SQuAD normalisation keeps accents).</item>
/// <item>Azure/azureml-assets, the behavioural tests of the built-in f1_score evaluator (TestF1ScoreEvaluatorBehavior),
/// which implements the same normalisation: duplicate words, one shared word, articles, punctuation, case, word order.</item>
/// </list>
/// </summary>
public sealed class TokenF1Tests
{
    [Theory]
    [InlineData("1976", "1976", 1.0)] // evaluate squad README: perfect match
    [InlineData("1999", "1976", 0.0)] // evaluate squad README: no match
    [InlineData("Beyonce", "Beyonc\u00e9 and Bruno Mars", 0.0)] // evaluate squad README: partial example, f1 (100 + 0 + 100) / 3
    [InlineData("climate change", "climate change", 1.0)] // evaluate squad README: partial example
    public void Matches_the_squad_metric_card_examples(string prediction, string reference, double expected)
    {
        TextTokens.F1(prediction, reference).Should().Be(expected);
    }

    [Fact]
    public void The_squad_metric_card_partial_example_averages_to_two_thirds()
    {
        double mean = (TextTokens.F1("1976", "1976") + TextTokens.F1("Beyonce", "Beyonc\u00e9 and Bruno Mars") + TextTokens.F1("climate change", "climate change")) / 3;

        (mean * 100).Should().BeApproximately(66.66666666666667, 1e-9);
    }

    [Theory]
    [InlineData("cat cat cat", "cat", 0.5)] // test_duplicate_words_in_response
    [InlineData("cat", "cat cat cat", 0.5)] // test_duplicate_words_in_ground_truth
    [InlineData("hello world", "hello universe", 0.5)] // test_single_common_word
    [InlineData("cat cat dog dog", "cat cat dog dog", 1.0)] // test_matching_duplicate_counts
    [InlineData("apple banana cherry", "dog elephant frog", 0.0)] // test_no_overlap
    public void Counts_shared_tokens_as_a_multiset(string response, string groundTruth, double expected)
    {
        TextTokens.F1(response, groundTruth).Should().Be(expected);
    }

    [Theory]
    [InlineData("The cat sat on a mat and ate an apple.", "cat sat on mat and ate apple.")] // test_article_removal
    [InlineData("Hello, world! How are you? I'm fine, thanks.", "Hello world How are you Im fine thanks")] // test_punctuation_removal
    [InlineData("HELLO WORLD", "hello world")] // test_case_insensitivity
    [InlineData("HeLLo WoRLd", "hello world")] // test_case_insensitivity
    [InlineData("hello    world     test", "hello world test")] // test_whitespace_normalization
    [InlineData("dog lazy the over jumps fox brown quick the", "the quick brown fox jumps over the lazy dog")] // test_scrambled_sentence
    public void Ignores_articles_punctuation_case_spacing_and_order(string response, string groundTruth)
    {
        TextTokens.F1(response, groundTruth).Should().Be(1.0);
    }

    [Fact]
    public void An_empty_response_scores_zero() // test_empty_response
    {
        TextTokens.F1(string.Empty, "The cat sat on the mat.").Should().Be(0.0);
    }
}
