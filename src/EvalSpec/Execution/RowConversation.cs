using System.Collections.Generic;
using EvalSpec.Conversations;
using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>
/// The conversation a row of a conversation case sends: the case's turns, after the prompt variant rendered with the
/// case's arguments (when it has text) as a system turn.
/// </summary>
internal sealed class RowConversation
{
    private RowConversation(IReadOnlyList<ConversationTurn> turns)
    {
        Turns = turns;
        Transcript = ConversationTranscript.Render(turns);
    }

    public IReadOnlyList<ConversationTurn> Turns { get; }

    /// <summary>The row's prompt: every turn, so snapshots, results and recordings' evidence change with any turn.</summary>
    public string Transcript { get; }

    /// <summary>The conversation of <paramref name="case"/>, or null when the case is not a conversation.</summary>
    public static RowConversation? Of(EvalCaseDescriptor @case, string template, IReadOnlyDictionary<string, object?> arguments) =>
        @case.Turns is null
            ? null
            : new RowConversation(ConversationTranscript.WithInstructions(PromptTemplate.Render(template, arguments), ConversationTurn.FromPairs(@case.Turns)));

    /// <summary>A conversation of already built turns (a relation's follow-up).</summary>
    public static RowConversation From(IReadOnlyList<ConversationTurn> turns) => new(turns);

    /// <summary>Gives <paramref name="input"/> this conversation's messages (a fresh list per call: the method may change it).</summary>
    public EvalInput Attach(EvalInput input) => input.WithConversation(ConversationTranscript.ToMessages(Turns));
}
