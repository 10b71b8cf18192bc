using System;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Non-determinism check: sends the same input again. Use it as an invariant: two runs of the same input must
/// give equivalent answers; a model sampled at a high temperature, or a pipeline with unstable retrieval,
/// fails it.
/// </summary>
/// <remarks>
/// The follow-up input is the input itself, on purpose. An unchanged follow-up input normally means "not
/// applicable", so the relation leaves the note <c>["repeat"] = "same input sent again"</c>: a relation that
/// leaves a note in <see cref="MetamorphicContext.Notes"/> counts as applied even when the input is unchanged.
/// It always applies, even to an empty input.
/// </remarks>
public sealed class Repeat : IMetamorphicRelation, IConversationRelation
{
    /// <summary>In a conversation it changes the last user turn only, the one the system under test answers.</summary>
    public ConversationScope Scope => ConversationScope.LastUserTurn;

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        context.Notes["repeat"] = "same input sent again";
        return input;
    }
}
