using System;

namespace EvalSpec;

/// <summary>
/// One evaluation case that is a conversation: each argument is one turn written <c>"role: content"</c>, with the
/// role <c>system</c>, <c>user</c> or <c>assistant</c>, in the order the turns were said. The last turn must be the
/// user's (the system under test answers it); assistant turns before it are the history the system under test
/// said earlier. The eval method reads the turns as <see cref="EvalInput.Messages"/> (Microsoft.Extensions.AI
/// <c>ChatMessage</c>s) and returns the assistant's reply, or the whole exchange.
/// </summary>
/// <example>
/// <code>
/// [Conversation(
///     "user: My order #1234 never arrived.",
///     "assistant: Sorry to hear that. Could you tell me when you ordered it?",
///     "user: Three weeks ago. I want my money back.",
///     Id = "late-order", Expected = "refund")]
/// </code>
/// </example>
/// <remarks>
/// A method with conversation cases may have no case parameters after <see cref="EvalInput"/> (a conversation has
/// no arguments to bind). Cases from a data file (<see cref="CasesFromAttribute"/>) can be conversations too: a JSONL
/// line with a <c>turns</c> array of <c>{"role": ..., "content": ...}</c> objects. Malformed turns are a build error
/// (ES1024) at the attribute argument.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ConversationAttribute : Attribute
{
    /// <summary>Declares a conversation case.</summary>
    /// <param name="turns">The turns, each <c>"role: content"</c>; the last one is the user's.</param>
    public ConversationAttribute(params string[] turns)
    {
        Turns = turns;
    }

    /// <summary>The turns, each <c>"role: content"</c>.</summary>
    public string[] Turns { get; }

    /// <summary>
    /// Stable case id used in test names, results and baselines. Unset: <c>conversation-</c> and a short hash of the
    /// turns (so editing any turn gives a new id; set one to keep the name across edits).
    /// </summary>
    public string? Id { get; set; }

    /// <summary>The expected answer to the last user turn, checked by the expected-answer judge.</summary>
    public string? Expected { get; set; }
}
