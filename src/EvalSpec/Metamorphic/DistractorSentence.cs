using System;
using System.Collections.Generic;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Distractor sentence: one irrelevant but plausible sentence ("By the way, the weather is lovely today.")
/// is put before or after the input. Use it as an invariant: the answer must ignore small talk.
/// </summary>
/// <remarks>
/// The sentences carry no numbers, names, products, negations or questions, so they cannot plausibly change
/// the answer. Not applicable (input returned unchanged) when the input is empty or whitespace only, where
/// there is nothing to distract from. Notes: <c>["distractor"]</c>, e.g.
/// <c>"appended: By the way, the weather is lovely today."</c>.
/// </remarks>
public sealed class DistractorSentence : IMetamorphicRelation, IConversationRelation
{
    /// <summary>In a conversation it changes the last user turn only, the one the system under test answers.</summary>
    public ConversationScope Scope => ConversationScope.LastUserTurn;

    /// <summary>The distractor sentences.</summary>
    internal static readonly IReadOnlyList<string> Sentences = new[]
    {
        "By the way, the weather is lovely today.",
        "I am writing this from my kitchen table.",
        "My cat is asleep on the sofa next to me.",
        "I just made myself a cup of tea.",
        "It has been a long week at work.",
        "The birds outside are very loud this morning.",
        "I love the colour of the autumn leaves.",
        "My neighbour is mowing the lawn right now.",
        "I had pasta for lunch and it was delicious.",
        "The train was a little crowded this morning.",
        "I finally finished reading a good book yesterday.",
        "We are planning a picnic in the park this weekend.",
        "My sister sends her regards.",
        "It is raining a bit where I live.",
        "I have been learning to play the guitar.",
        "The sunset yesterday evening was beautiful.",
        "My coffee has gone cold while I was typing this.",
        "Our garden is full of tomatoes this summer.",
        "I am typing this on a rather old keyboard.",
        "The radio is playing some nice jazz in the background.",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        if (string.IsNullOrWhiteSpace(input))
        {
            return input;
        }

        string sentence = Sentences[context.Random.Next(Sentences.Count)];
        if (context.Random.Next(2) == 0)
        {
            context.Notes["distractor"] = "prepended: " + sentence;
            return sentence + (char.IsWhiteSpace(input[0]) ? string.Empty : " ") + input;
        }

        context.Notes["distractor"] = "appended: " + sentence;
        return input + (char.IsWhiteSpace(input[input.Length - 1]) ? string.Empty : " ") + sentence;
    }
}
