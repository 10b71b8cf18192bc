using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Conversations;

public sealed class ConversationRelationTests
{
    private static readonly ConversationTurn[] Turns =
    {
        new("system", "You are a support agent for Maria's shop."),
        new("user", "Hi, I am Maria and my order is late."),
        new("assistant", "Sorry Maria, when did you order?"),
        new("user", "Maria ordered it two weeks ago, she says."),
    };

    [Fact]
    public void A_relation_changes_every_user_turn_and_leaves_system_and_assistant_turns_untouched()
    {
        var notes = new Dictionary<string, string>();

        ConversationRelation.Result result = ConversationRelation.Apply(new Uppercase(), Turns, "row-1", notes);

        result.NotApplicable.Should().BeNull();
        result.Turns.Select(t => t.Content).Should().Equal(
            "You are a support agent for Maria's shop.",
            "HI, I AM MARIA AND MY ORDER IS LATE.",
            "Sorry Maria, when did you order?",
            "MARIA ORDERED IT TWO WEEKS AGO, SHE SAYS.");
        result.Turns.Select(t => t.Role).Should().Equal(Turns.Select(t => t.Role));
        result.SourceText.Should().Be("Hi, I am Maria and my order is late.\n\nMaria ordered it two weeks ago, she says.");
        result.FollowUpText.Should().Be("HI, I AM MARIA AND MY ORDER IS LATE.\n\nMARIA ORDERED IT TWO WEEKS AGO, SHE SAYS.");
    }

    [Fact]
    public void A_last_turn_relation_changes_only_the_last_user_turn_and_keeps_its_notes_unprefixed()
    {
        var notes = new Dictionary<string, string>();

        ConversationRelation.Result result = ConversationRelation.Apply(new PromptInjection(), Turns, "row-1", notes);

        result.Turns.Take(3).Should().Equal(Turns.Take(3));
        result.Turns[3].Content.Should().StartWith(Turns[3].Content).And.NotBe(Turns[3].Content);
        notes.Keys.Should().Contain("canary", "PromptInjection's own check reads its note by name");
    }

    [Fact]
    public void A_swap_applied_together_is_the_same_in_every_user_turn()
    {
        var notes = new Dictionary<string, string>();

        ConversationRelation.Result result = ConversationRelation.Apply(new NameSwap(), Turns, "row-1", notes);

        string newName = result.Turns[1].Content.Split(' ')[3].TrimEnd(',');
        newName.Should().NotBe("Maria");
        result.Turns[3].Content.Should().StartWith(newName + " ordered it", "one swap holds throughout the conversation");
        result.Turns[0].Content.Should().Contain("Maria", "the system turn is not the customer's and is never changed");
        result.Turns[2].Content.Should().Contain("Maria", "assistant turns are what the system said and are never changed");
    }

    [Fact]
    public void Each_user_turn_draws_its_own_seeded_choices_and_the_same_row_draws_the_same_ones()
    {
        ConversationTurn[] same = { new("user", "please return the broken laptop today"), new("assistant", "ok"), new("user", "please return the broken laptop today") };

        ConversationRelation.Result first = ConversationRelation.Apply(new Typos(), same, "row-7", new Dictionary<string, string>());
        ConversationRelation.Result again = ConversationRelation.Apply(new Typos(), same, "row-7", new Dictionary<string, string>());

        again.Turns.Should().Equal(first.Turns);
        first.Turns[0].Content.Should().NotBe(same[0].Content);
        first.Turns[2].Content.Should().NotBe(same[2].Content);
    }

    [Fact]
    public void Notes_of_several_changed_turns_are_named_by_turn()
    {
        var notes = new Dictionary<string, string>();

        ConversationRelation.Apply(new Noting(), Turns, "row-1", notes);

        notes.Keys.Should().BeEquivalentTo("turn 2 length", "turn 4 length");
        notes.Keys.Should().OnlyContain(k => k.StartsWith("turn 2 ", StringComparison.Ordinal) || k.StartsWith("turn 4 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relation_that_swaps_whole_prompts_does_not_apply_to_a_conversation()
    {
        ConversationRelation.Result result = ConversationRelation.Apply(new InstructionParaphrase(), Turns, "row-1", new Dictionary<string, string>());

        result.NotApplicable.Should().Contain("does not apply to conversations");
        result.Turns.Should().Equal(Turns);
    }

    [Fact]
    public void A_together_relation_that_breaks_the_turn_separators_is_an_error_not_a_silent_misalignment()
    {
        Action apply = () => ConversationRelation.Apply(new JoinEverything(), Turns, "row-1", new Dictionary<string, string>());

        apply.Should().Throw<InvalidOperationException>().WithMessage("*2 turns became 1*");
    }

    [Fact]
    public void Relations_state_their_scope()
    {
        ConversationRelation.ScopeOf(new Typos()).Should().Be(ConversationScope.EachUserTurn);
        ConversationRelation.ScopeOf(new DistractorSentence()).Should().Be(ConversationScope.LastUserTurn);
        ConversationRelation.ScopeOf(new Counterfactual()).Should().Be(ConversationScope.LastUserTurn);
        ConversationRelation.ScopeOf(new NationalitySwap()).Should().Be(ConversationScope.AllUserTurnsTogether);
        ConversationRelation.ScopeOf(new InstructionParaphrase()).Should().Be(ConversationScope.None);
    }

    private sealed class Noting : IMetamorphicRelation
    {
        public string Transform(string input, MetamorphicContext context)
        {
            context.Notes["length"] = input.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return input;
        }
    }

    private sealed class JoinEverything : IMetamorphicRelation, IConversationRelation
    {
        public ConversationScope Scope => ConversationScope.AllUserTurnsTogether;

        public string Transform(string input, MetamorphicContext context) => input.Replace("\n", " ", StringComparison.Ordinal);
    }
}
