using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.AI;

namespace EvalSpec;

/// <summary>
/// What one run of an eval method receives: the rendered (and, for a relation row's follow-up run,
/// transformed) prompt, the keys that identify the row, and a cancellation token that honours the row
/// timeout and the test run's cancellation.
/// </summary>
public sealed class EvalInput
{
    private IReadOnlyList<ChatMessage>? _messages;
    private readonly List<string> _context = new();

    internal EvalInput(
        string prompt,
        string promptTemplate,
        string variantKey,
        string caseId,
        string? relation,
        string rowId,
        string? expected,
        IReadOnlyDictionary<string, object?> arguments,
        CancellationToken cancellationToken)
    {
        Prompt = prompt;
        PromptTemplate = promptTemplate;
        VariantKey = variantKey;
        CaseId = caseId;
        Relation = relation;
        RowId = rowId;
        Expected = expected;
        Arguments = arguments;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// The prompt to send to the system under test. For a conversation case, the conversation's transcript (one
    /// <c>role: content</c> line per turn); send <see cref="Messages"/> instead.
    /// </summary>
    public string Prompt { get; }

    /// <summary>
    /// The conversation to send to the system under test, as Microsoft.Extensions.AI messages: for a conversation case
    /// (<see cref="ConversationAttribute"/>, or a data file line with <c>turns</c>) its turns, after the prompt
    /// variant (when it has text) as a system message, and in a relation row's follow-up run with the relation
    /// applied to the user turns; for any other case one user message holding <see cref="Prompt"/> (none when the
    /// prompt is empty).
    /// </summary>
    public IReadOnlyList<ChatMessage> Messages => _messages ??= Prompt.Length == 0 ? [] : [new ChatMessage(ChatRole.User, Prompt)];

    /// <summary>Whether the case is a conversation (its <see cref="Messages"/> came from turns, not from the prompt).</summary>
    public bool IsConversation { get; private set; }

    /// <summary>The prompt variant's template, before placeholders were filled.</summary>
    public string PromptTemplate { get; }

    /// <summary>The prompt variant key, e.g. <c>"formal"</c>.</summary>
    public string VariantKey { get; }

    /// <summary>The case id.</summary>
    public string CaseId { get; }

    /// <summary>
    /// The relation key when this is the follow-up run of a relation row; <see langword="null"/> for the
    /// source run (the unperturbed input).
    /// </summary>
    public string? Relation { get; }

    /// <summary>Whether this run's input was transformed by a metamorphic relation.</summary>
    public bool IsFollowUp => Relation is not null;

    /// <summary>The stable id of the row being evaluated.</summary>
    public string RowId { get; }

    /// <summary>The case's expected answer, if it declares one.</summary>
    public string? Expected { get; }

    /// <summary>The case arguments by parameter name, after any parameter-targeted relation was applied.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Cancelled when the row times out or the test run is cancelled. Pass it to every model call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The passages the eval method gave as the context of its answer (<see cref="AddContext(string[])"/>), in the order given.
    /// </summary>
    public IReadOnlyList<string> Context
    {
        get
        {
            lock (_context)
            {
                return _context.ToArray();
            }
        }
    }

    /// <summary>
    /// Gives the judges the context of this run's answer: the retrieved documents, tool results or any other text the answer
    /// should be grounded in. Grounding judges (<see cref="Judging.GroundednessJudge"/>, <see cref="Judging.ContextPrecisionJudge"/>,
    /// <see cref="Judging.ContextRecallJudge"/>) read it as <see cref="Judging.JudgeRequest.Context"/>. Call it once per passage
    /// or once with all of them; blank passages are ignored. Safe to call from several threads.
    /// </summary>
    /// <param name="passages">The passages, each one item of the context.</param>
    public void AddContext(params string[] passages)
    {
        System.ArgumentNullException.ThrowIfNull(passages);
        lock (_context)
        {
            foreach (string passage in passages)
            {
                if (!string.IsNullOrWhiteSpace(passage))
                {
                    _context.Add(passage);
                }
            }
        }
    }

    /// <summary>The trial index (0-based) when the eval runs each row several times (<see cref="EvalAttribute.Trials"/>); otherwise 0.</summary>
    public int Trial { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Prompt;

    /// <summary>Makes this (new) input a conversation's: the runtime calls it once, before the method sees the input.</summary>
    internal EvalInput WithConversation(IReadOnlyList<ChatMessage> messages)
    {
        _messages = messages;
        IsConversation = true;
        return this;
    }
}
