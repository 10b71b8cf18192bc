using System;

namespace EvalSpec.Testing.OpenAI;

/// <summary>One tool call of a <see cref="ScriptedResponse.ToolCalls"/> response.</summary>
public sealed record ScriptedToolCall
{
    /// <summary>Creates a call.</summary>
    /// <param name="name">The function's name, sent as <c>function.name</c>.</param>
    /// <param name="arguments">
    /// The arguments as JSON text, sent verbatim as the string <c>function.arguments</c> (as OpenAI does): send invalid
    /// JSON to test how a client copes with a model that produced it.
    /// </param>
    public ScriptedToolCall(string name, string arguments = "{}")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(arguments);
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>The arguments' JSON text.</summary>
    public string Arguments { get; }

    /// <inheritdoc />
    public override string ToString() => Name + "(" + Arguments + ")";
}
