using System.Linq;
using CsCheck;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Grounding;

public sealed class ClaimSplitterTests
{
    [Fact]
    public void Sentences_are_split_at_their_ends()
    {
        ClaimSplitter.Split("Laptops can be returned within 30 days. Headphones within 14 days! Is that all? Yes.")
            .Should().Equal("Laptops can be returned within 30 days.", "Headphones within 14 days!", "Is that all?", "Yes.");
    }

    [Fact]
    public void Decimals_and_version_numbers_do_not_end_a_sentence()
    {
        ClaimSplitter.Split("The fee is 3.5 percent of 1,234.50 USD in version 2.1.3. Nothing else applies.")
            .Should().Equal("The fee is 3.5 percent of 1,234.50 USD in version 2.1.3.", "Nothing else applies.");
    }

    [Theory]
    [InlineData("Bring a receipt, e.g. The original one. It is needed.", 2)]
    [InlineData("Ask Dr. Smith or Mr. Jones. They decide.", 2)]
    [InlineData("J. R. R. Tolkien wrote it. It is long.", 2)]
    [InlineData("It follows U.S. law. It is strict.", 2)]
    [InlineData("Items, i.e. Laptops, are covered. Others are not.", 2)]
    [InlineData("See Fig. 3 and No. 7 for details. Done.", 2)]
    [InlineData("It costs approx. ten dollars. Done.", 2)]
    public void Abbreviations_and_initials_do_not_end_a_sentence(string text, int claims)
    {
        ClaimSplitter.Split(text).Should().HaveCount(claims);
    }

    [Fact]
    public void A_lower_case_word_after_a_stop_continues_the_sentence()
    {
        ClaimSplitter.Split("Wait... and then it shipped. Done.").Should().Equal("Wait... and then it shipped.", "Done.");
    }

    [Fact]
    public void List_items_and_headings_are_claims_of_their_own_with_their_markers()
    {
        string text = "# Refunds\nThe policy:\n- Laptops: 30 days\n- Headphones: 14 days\n1. Keep the receipt\n2) Use the original box";

        ClaimSplitter.Split(text).Should().Equal(
            "# Refunds", "The policy:", "- Laptops: 30 days", "- Headphones: 14 days", "1. Keep the receipt", "2) Use the original box");
    }

    [Fact]
    public void A_soft_line_break_inside_a_paragraph_does_not_split_but_a_blank_line_does()
    {
        ClaimSplitter.Split("Laptops can be returned\nwithin 30 days\n\nHeadphones within 14 days")
            .Should().Equal("Laptops can be returned\nwithin 30 days", "Headphones within 14 days");
    }

    [Fact]
    public void A_closing_quotation_mark_stays_with_its_sentence()
    {
        ClaimSplitter.Split("The agent said \"Returns take 30 days.\" Then it hung up. The sign read \u201CClosed.\u201D Really.")
            .Should().Equal("The agent said \"Returns take 30 days.\"", "Then it hung up.", "The sign read \u201CClosed.\u201D", "Really.");
    }

    [Fact]
    public void Code_blocks_are_one_claim_and_inline_code_is_never_split()
    {
        string text = "Call `client.Refund(order). Then` to refund. Example:\n```csharp\nvar a = 1. ToString();\nB. C();\n```\nIt returns true.";

        ClaimSplitter.Split(text).Should().Equal(
            "Call `client.Refund(order). Then` to refund.",
            "Example:",
            "```csharp\nvar a = 1. ToString();\nB. C();\n```",
            "It returns true.");
    }

    [Fact]
    public void An_unclosed_code_fence_runs_to_the_end()
    {
        ClaimSplitter.Split("Intro. \n```\nA. B. C.").Should().Equal("Intro.", "```\nA. B. C.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("--- *** ...")]
    [InlineData("\u2705 \U0001F600 !!!")]
    public void A_text_with_no_letter_or_digit_has_no_claims(string? text)
    {
        ClaimSplitter.Split(text).Should().BeEmpty();
    }

    [Fact]
    public void A_piece_with_no_letter_or_digit_joins_a_neighbour()
    {
        ClaimSplitter.Split("---\n\nFirst. \u2705\n\nSecond.").Should().Equal("--- First. \u2705", "Second.");
    }

    [Fact]
    public void No_claim_is_lost_every_non_space_character_is_in_exactly_one_claim_in_order()
    {
        // Property: whatever the text (sentences, abbreviations, lists, fences, quotes, look-alikes), joining the claims
        // gives back every non-white-space character of the text, in order; and no claim is blank.
        string[] parts =
        {
            "Laptops", "30 days.", "e.g.", "Dr.", "3.5", "U.S.", "!", "?", "...", "\n", "\n\n", "- ", "* ", "1. ", "2) ", "# ", "```", "~~~",
            "`code.`", "\"Quoted.\"", "\u201CQuote.\u201D", "(see above).", "p\u0430ss.", "\u2705", "  ", "\t", "No. 5", "a", "B.", "etc.",
        };
        Gen.OneOf(parts).Array[0, 40].Select(p => string.Concat(p)).Sample(text =>
        {
            var claims = ClaimSplitter.Split(text);
            string NonSpace(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
            bool anyLetter = text.Any(char.IsLetterOrDigit);
            return string.Concat(claims.Select(NonSpace)) == (anyLetter ? NonSpace(text) : string.Empty)
                && claims.All(c => c.Any(char.IsLetterOrDigit) && c == c.Trim());
        }, iter: 3_000);
    }
}
