using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>A tool call that <see cref="ToolCallJudge"/> expects: the tool's exact name and conditions on its arguments.</summary>
public sealed class ToolCallExpectation
{
    /// <summary>Creates an expectation.</summary>
    /// <param name="toolName">The tool's name, compared ordinally (letter case and every character count).</param>
    /// <param name="arguments">Conditions the call's arguments must all meet; none to accept any arguments.</param>
    /// <exception cref="ArgumentException">The name is empty, or a matcher is null.</exception>
    public ToolCallExpectation(string toolName, params IEnumerable<ArgumentMatcher> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        ArgumentNullException.ThrowIfNull(arguments);
        ToolName = toolName;
        Arguments = arguments.ToArray();
        if (Arguments.Any(a => a is null))
        {
            throw new ArgumentException($"An argument matcher of the expected call to '{toolName}' is null.", nameof(arguments));
        }
    }

    /// <summary>The tool's name.</summary>
    public string ToolName { get; }

    /// <summary>The conditions on the call's arguments.</summary>
    public IReadOnlyList<ArgumentMatcher> Arguments { get; }

    /// <summary>Shorthand for <c>new ToolCallExpectation(toolName, arguments)</c>.</summary>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="arguments">Conditions on its arguments.</param>
    /// <returns>The expectation.</returns>
    public static ToolCallExpectation Call(string toolName, params IEnumerable<ArgumentMatcher> arguments) => new(toolName, arguments);

    /// <summary>The expectation as text: <c>get_order(id equals "A-17")</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToolName + "(" + string.Join(", ", Arguments.Select(a => a.ToString())) + ")";
}
