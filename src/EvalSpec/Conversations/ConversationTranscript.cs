using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.AI;

namespace EvalSpec.Conversations;

/// <summary>
/// The text form of a conversation that judges, snapshots, results and failure messages show: one <c>role: content</c>
/// paragraph per turn, in order. It is also the row's prompt, so everything keyed on the prompt (snapshots, the
/// results, the gate's evidence) changes when any turn changes.
/// </summary>
internal static class ConversationTranscript
{
    /// <summary>The turns as Microsoft.Extensions.AI messages.</summary>
    public static IReadOnlyList<ChatMessage> ToMessages(IEnumerable<ConversationTurn> turns) =>
        turns.Select(t => new ChatMessage(RoleOf(t.Role), t.Content)).ToArray();

    /// <summary>The transcript of case turns.</summary>
    public static string Render(IEnumerable<ConversationTurn> turns) =>
        Join(turns.Select(t => (t.Role, t.Content)));

    /// <summary>The transcript of messages (text contents only; a message without text shows its content types).</summary>
    public static string Render(IEnumerable<ChatMessage> messages) =>
        Join(messages.Select(m => (m.Role.Value, TextOf(m))));

    /// <summary>The case's turns with the rendered prompt variant, when it has text, as a system turn before them.</summary>
    public static IReadOnlyList<ConversationTurn> WithInstructions(string renderedVariant, IReadOnlyList<ConversationTurn> turns) =>
        renderedVariant.Trim().Length == 0 ? turns : new[] { new ConversationTurn(ConversationTurn.System, renderedVariant) }.Concat(turns).ToArray();

    /// <summary>A message's text; for a message without text (a tool call), the names of its content types.</summary>
    public static string TextOf(ChatMessage message)
    {
        string text = message.Text;
        return text.Length > 0 || message.Contents.Count == 0
            ? text
            : "[" + string.Join(", ", message.Contents.Select(c => c.GetType().Name)) + "]";
    }

    private static ChatRole RoleOf(string role) => role switch
    {
        ConversationTurn.System => ChatRole.System,
        ConversationTurn.Assistant => ChatRole.Assistant,
        ConversationTurn.User => ChatRole.User,
        _ => new ChatRole(role),
    };

    private static string Join(IEnumerable<(string Role, string Content)> turns)
    {
        var text = new StringBuilder();
        foreach ((string role, string content) in turns)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(role).Append(": ").Append(content.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return text.ToString();
    }
}
