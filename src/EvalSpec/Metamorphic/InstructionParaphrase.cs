using System;
using System.Collections.Generic;
using System.Globalization;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Instruction paraphrase: the prompt is replaced by one of the eval's other prompt variants, rendered with
/// the same arguments (<see cref="MetamorphicContext.OtherPrompts"/>). Use it as an invariant on the whole
/// prompt: the same question asked another way must get an equivalent answer (multi-prompt evaluation).
/// </summary>
/// <remarks>
/// Not applicable (input returned unchanged) when there is no other variant that differs from the input:
/// an eval with one prompt variant, or a relation that targets a parameter (then the context has no other
/// prompts). Notes: <c>["paraphrase"]</c>, e.g. <c>"other variant 2 of 3: \"how long can i send back my
/// laptop\""</c>.
/// </remarks>
public sealed class InstructionParaphrase : IMetamorphicRelation, IConversationRelation
{
    /// <summary>It swaps whole prompts, so it does not apply to conversations.</summary>
    public ConversationScope Scope => ConversationScope.None;

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        var candidates = new List<int>();
        for (int i = 0; i < context.OtherPrompts.Count; i++)
        {
            string? prompt = context.OtherPrompts[i];
            if (!string.IsNullOrWhiteSpace(prompt) && !string.Equals(prompt, input, StringComparison.Ordinal))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return input;
        }

        int picked = candidates[context.Random.Next(candidates.Count)];
        string paraphrase = context.OtherPrompts[picked];
        context.Notes["paraphrase"] = string.Create(
            CultureInfo.InvariantCulture,
            $"other variant {picked + 1} of {context.OtherPrompts.Count}: \"{ChangeNotes.Shorten(paraphrase)}\"");
        return paraphrase;
    }
}
