using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Review;

/// <summary>Review finding: a relation applied to all user turns together cannot handle a user turn with paragraphs.</summary>
public sealed class ConversationRelationReviewTests
{
    [Fact]
    public void A_swap_over_all_user_turns_works_when_a_user_turn_has_a_blank_line()
    {
        // User turns are joined with "\n\n", transformed, and split on "\n\n"; a user message with two paragraphs splits
        // into one part too many, so NameSwap/NationalitySwap throw and every such row is inconclusive.
        ConversationTurn[] turns =
        {
            new("user", "Hi, I am Maria.\n\nMy order is late."),
            new("assistant", "Sorry Maria, when did you order?"),
            new("user", "Maria ordered it two weeks ago."),
        };
        var notes = new Dictionary<string, string>();

        ConversationRelation.Result result = ConversationRelation.Apply(new NameSwap(), turns, "row-1", notes);

        result.Turns.Should().HaveCount(3);
        result.Turns[0].Content.Should().Contain("\n\nMy order is late.").And.NotContain("Maria");
        result.Turns[2].Content.Should().EndWith(" ordered it two weeks ago.").And.NotContain("Maria");
    }
}
