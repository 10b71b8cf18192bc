using System;
using System.ComponentModel;

namespace EvalSpec.Execution;

/// <summary>A case of an eval method, as the source generator describes it. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalCaseDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="id">The stable case id.</param>
    /// <param name="arguments">The arguments, already converted to the parameter types.</param>
    /// <param name="expected">The expected answer, if any.</param>
    public EvalCaseDescriptor(string id, object?[] arguments, string? expected)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Expected = expected;
    }

    /// <summary>The stable case id.</summary>
    public string Id { get; }

    /// <summary>The arguments, one per case parameter.</summary>
    public object?[] Arguments { get; }

    /// <summary>The expected answer, if any.</summary>
    public string? Expected { get; }

    /// <summary>
    /// For a conversation case: its turns as role/content pairs (<c>"user", "Hello", "assistant", "Hi!", ...</c>);
    /// null for a case of arguments.
    /// </summary>
    public string[]? Turns { get; init; }

    /// <summary>The tags of a case read from a data file (<c>Tag</c> traits); empty otherwise.</summary>
    public string[] Tags { get; init; } = [];
}
