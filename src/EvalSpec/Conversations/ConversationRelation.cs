using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Metamorphic;

namespace EvalSpec.Conversations;

/// <summary>
/// Applies a metamorphic relation to a conversation case: only user turns change (which ones, the relation's
/// <see cref="IConversationRelation.Scope"/> says); system and assistant turns are kept as they are.
/// </summary>
internal static class ConversationRelation
{
    private const string TogetherSeparator = "\n\n";

    /// <summary>
    /// What joins the user turns for a relation that transforms them together: a record separator (U+001E) on its own line,
    /// which no turn's text holds (checked), so that a turn with blank lines of its own splits back into one turn.
    /// </summary>
    private const string SplitSeparator = "\n\u001E\n";

    /// <summary>What the relation did to the conversation.</summary>
    /// <param name="Turns">The follow-up turns (the source turns when nothing changed).</param>
    /// <param name="SourceText">The user turns the relation read, joined by blank lines.</param>
    /// <param name="FollowUpText">The same user turns after the relation.</param>
    /// <param name="NotApplicable">Why the relation cannot apply to conversations at all, or null.</param>
    internal sealed record Result(IReadOnlyList<ConversationTurn> Turns, string SourceText, string FollowUpText, string? NotApplicable);

    /// <summary>The scope of <paramref name="relation"/> (every user turn on its own, unless it says otherwise).</summary>
    public static ConversationScope ScopeOf(IMetamorphicRelation relation) =>
        relation is IConversationRelation conversational ? conversational.Scope : ConversationScope.EachUserTurn;

    /// <summary>
    /// Transforms the user turns of <paramref name="turns"/>. Each transformed turn gets its own context, seeded from
    /// the row id and the turn's position, so that the same row changes the same words on every run; its notes are
    /// gathered into <paramref name="notes"/> (prefixed with the turn when several turns were transformed).
    /// </summary>
    public static Result Apply(IMetamorphicRelation relation, IReadOnlyList<ConversationTurn> turns, string rowId, IDictionary<string, string> notes)
    {
        int[] users = Enumerable.Range(0, turns.Count).Where(i => turns[i].Role == ConversationTurn.User).ToArray();
        string source = string.Join(TogetherSeparator, users.Select(i => turns[i].Content));
        ConversationScope scope = ScopeOf(relation);
        if (scope == ConversationScope.None || users.Length == 0)
        {
            return new Result(turns, source, source, $"it transforms a single prompt and does not apply to conversations (scope {scope})");
        }

        var followUp = turns.ToArray();
        switch (scope)
        {
            case ConversationScope.LastUserTurn:
                Transform(relation, followUp, users[^1], rowId, notes, prefix: null);
                break;
            case ConversationScope.AllUserTurnsTogether:
            {
                if (users.Any(i => turns[i].Content.Contains('\u001E', StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException("a user turn holds the control character U+001E, which EvalSpec uses to join the turns for this relation");
                }

                var context = new MetamorphicContext(rowId);
                string changed = relation.Transform(string.Join(SplitSeparator, users.Select(i => turns[i].Content)), context);
                string[] parts = changed.Split(SplitSeparator);
                if (parts.Length != users.Length)
                {
                    throw new InvalidOperationException(
                        $"the relation changed the separators between the user turns ({users.Length} turns became {parts.Length}), so its output cannot be split back into turns");
                }

                for (int k = 0; k < users.Length; k++)
                {
                    followUp[users[k]] = turns[users[k]] with { Content = parts[k] };
                }

                foreach (KeyValuePair<string, string> note in context.Notes)
                {
                    notes[note.Key] = note.Value;
                }

                break;
            }

            default:
                foreach (int index in users)
                {
                    Transform(relation, followUp, index, rowId + "/turn-" + index.ToString(CultureInfo.InvariantCulture), notes, users.Length > 1 ? "turn " + (index + 1).ToString(CultureInfo.InvariantCulture) + " " : null);
                }

                break;
        }

        string followUpText = string.Join(TogetherSeparator, users.Select(i => followUp[i].Content));
        return new Result(followUp, source, followUpText, null);
    }

    private static void Transform(IMetamorphicRelation relation, ConversationTurn[] turns, int index, string seed, IDictionary<string, string> notes, string? prefix)
    {
        var context = new MetamorphicContext(seed);
        turns[index] = turns[index] with { Content = relation.Transform(turns[index].Content, context) };
        foreach (KeyValuePair<string, string> note in context.Notes)
        {
            notes[(prefix ?? string.Empty) + note.Key] = note.Value;
        }
    }
}
