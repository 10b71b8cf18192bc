using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Review;

/// <summary>Review findings: per-item (claim) answers whose fields contradict each other are read as a verdict.</summary>
public sealed class GroundingAnswerReviewTests
{
    private static JudgeParse<ItemVerdicts> Read(string raw) => JudgeAnswers.ParseItems(raw, 2, ItemVocabulary.Claims);

    [Fact]
    public void An_entry_saying_supported_and_unsupported_true_is_unreadable_not_supported()
    {
        // "supported": false contradicting "verdict" is caught; the no-word as a boolean field is ignored.
        var parse = Read("""{"verdicts": [{"claim": 1, "verdict": "supported", "unsupported": true}, {"claim": 2, "verdict": "supported"}]}""");

        parse.Value.Should().BeNull("claim 1's entry says both supported and unsupported: true");
        parse.Problem.Should().Contain("claim 1");
    }

    [Fact]
    public void An_entry_naming_two_different_item_numbers_is_unreadable_not_silently_the_last_one()
    {
        // Entry 1 says claim 2 and number 1: read as claim 1 (the last number field wins), so claim 2 gets entry 2's
        // "unsupported" and claim 1 a "supported" that the judge may have meant for claim 2.
        var parse = Read("""{"verdicts": [{"claim": 2, "number": 1, "verdict": "supported"}, {"claim": 2, "verdict": "unsupported"}]}""");

        parse.Value.Should().BeNull("entry 1 names claim 2 and number 1: which claim it judges cannot be read");
    }
}
