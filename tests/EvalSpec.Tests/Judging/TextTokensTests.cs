using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

/// <summary>
/// Expectations follow the SQuAD v1.1 evaluation script: normalize_answer lower-cases, removes punctuation,
/// removes the articles a/an/the and collapses whitespace; f1_score counts common tokens as a multiset
/// (precision = common/len(prediction), recall = common/len(truth), F1 = 2PR/(P+R)).
/// </summary>
public sealed class TextTokensTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void Normalisation_lower_cases()
    {
        TextTokens.Normalize("Denver BRONCOS").Should().Be("denver broncos");
    }

    [Fact]
    public void Normalisation_removes_punctuation_without_splitting_words()
    {
        TextTokens.Normalize("U.S.A. isn't far-away!").Should().Be("usa isnt faraway");
    }

    [Fact]
    public void Normalisation_removes_the_articles_a_an_and_the()
    {
        TextTokens.Normalize("The cat saw a dog and an owl").Should().Be("cat saw dog and owl");
    }

    [Fact]
    public void Normalisation_keeps_words_that_merely_start_like_articles()
    {
        TextTokens.Normalize("Theory of another anthem").Should().Be("theory of another anthem");
    }

    [Fact]
    public void Normalisation_collapses_whitespace()
    {
        TextTokens.Normalize("  hello \t\n  world  ").Should().Be("hello world");
    }

    [Fact]
    public void Tokens_of_null_or_empty_text_are_empty()
    {
        TextTokens.Tokenize(null).Should().BeEmpty();
        TextTokens.Tokenize(string.Empty).Should().BeEmpty();
    }

    [Fact]
    public void Texts_that_differ_only_in_articles_have_F1_of_one()
    {
        TextTokens.F1("the cat sat on the mat", "a cat sat on a mat").Should().BeApproximately(1.0, Precision);
    }

    [Fact]
    public void Extra_words_in_the_candidate_lower_precision()
    {
        // P = 1/2, R = 1/1: F1 = 2 * 0.5 * 1 / 1.5 = 2/3.
        TextTokens.F1("Denver Broncos", "Broncos").Should().BeApproximately(2.0 / 3.0, Precision);
    }

    [Fact]
    public void Missing_words_in_the_candidate_lower_recall()
    {
        // P = 2/2, R = 2/4: F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
        TextTokens.F1("cat sat", "cat sat on mat").Should().BeApproximately(2.0 / 3.0, Precision);
    }

    [Fact]
    public void Repeated_tokens_count_only_as_often_as_the_other_side_has_them()
    {
        // Common = min(3, 1) = 1; P = 1/3, R = 1: F1 = 2 * (1/3) / (4/3) = 0.5.
        TextTokens.F1("cat cat cat", "cat").Should().BeApproximately(0.5, Precision);
    }

    [Fact]
    public void Texts_without_common_tokens_have_F1_of_zero()
    {
        TextTokens.F1("Denver", "Carolina Panthers").Should().Be(0.0);
    }

    [Fact]
    public void F1_is_symmetric()
    {
        TextTokens.F1("Super Bowl 50", "Bowl fifty").Should().BeApproximately(TextTokens.F1("Bowl fifty", "Super Bowl 50"), Precision);
    }

    [Fact]
    public void Two_empty_texts_have_F1_of_one()
    {
        TextTokens.F1(string.Empty, string.Empty).Should().Be(1.0);
    }

    [Fact]
    public void Texts_that_normalise_to_nothing_count_as_empty()
    {
        TextTokens.F1("The.", "a, an!").Should().Be(1.0);
    }

    [Fact]
    public void An_empty_candidate_against_a_non_empty_reference_has_F1_of_zero()
    {
        TextTokens.F1(string.Empty, "Broncos").Should().Be(0.0);
    }

    [Fact]
    public void A_non_empty_candidate_against_an_empty_reference_has_F1_of_zero()
    {
        TextTokens.F1("Broncos", null).Should().Be(0.0);
    }

    [Fact]
    public void Recall_is_the_share_of_reference_tokens_found_in_the_candidate()
    {
        TextTokens.Recall("the cat sat", "cat sat on mat").Should().BeApproximately(0.5, Precision);
    }

    [Fact]
    public void Recall_counts_repeated_reference_tokens_as_a_multiset()
    {
        // Reference tokens: cat, cat, dog; the candidate covers one "cat" only.
        TextTokens.Recall("cat", "cat cat dog").Should().BeApproximately(1.0 / 3.0, Precision);
    }

    [Fact]
    public void Recall_against_a_reference_without_tokens_is_one()
    {
        TextTokens.Recall("anything", "the").Should().Be(1.0);
    }

    [Fact]
    public void Missing_lists_the_reference_tokens_the_candidate_lacks_in_reference_order()
    {
        TextTokens.Missing("cat", "Cat, cat and dog.").Should().Equal("cat", "and", "dog");
    }

    [Fact]
    public void Nothing_is_missing_when_the_candidate_covers_the_reference()
    {
        TextTokens.Missing("You have 30 days.", "30 DAYS").Should().BeEmpty();
    }
}
