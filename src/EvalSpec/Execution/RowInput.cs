using System;
using System.Collections.Generic;
using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>A row's own input: the case's arguments by parameter name, the conversation (conversation cases) and the rendered prompt.</summary>
/// <param name="Arguments">The case's arguments by parameter name.</param>
/// <param name="Conversation">For a conversation case: the conversation the method is sent; otherwise null.</param>
/// <param name="Prompt">The prompt: the conversation's transcript, or the variant's template rendered with the arguments.</param>
internal sealed record RowInput(IReadOnlyDictionary<string, object?> Arguments, RowConversation? Conversation, string Prompt)
{
    /// <summary>The input of <paramref name="row"/> (throws what rendering the template or reading the conversation throws).</summary>
    public static RowInput Of(PreparedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Dictionary<string, object?> named = Name(row.Method, row.Case.Arguments);
        RowConversation? conversation = RowConversation.Of(row.Case, row.Variant.Template, named);
        return new RowInput(named, conversation, conversation?.Transcript ?? PromptTemplate.Render(row.Variant.Template, named));
    }

    /// <summary>The arguments by the method's parameter names (a missing argument is null).</summary>
    public static Dictionary<string, object?> Name(EvalMethodDescriptor method, object?[] arguments)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < method.ParameterNames.Length; i++)
        {
            named[method.ParameterNames[i]] = i < arguments.Length ? arguments[i] : null;
        }

        return named;
    }
}
