using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Parsing;

/// <summary>One authoring mistake found by <see cref="EvalMethodParser"/>, with where and the message arguments.</summary>
internal sealed class EvalProblem
{
    public EvalProblem(EvalRule rule, Location? location, params object[] messageArguments)
    {
        Rule = rule;
        Location = location;
        MessageArguments = messageArguments;
    }

    public EvalRule Rule { get; }

    public Location? Location { get; }

    public object[] MessageArguments { get; }

    /// <summary>Warnings leave the method usable; everything else stops generation for it.</summary>
    public bool IsError => Rule != EvalRule.NoCases;

    /// <summary>
    /// "ES1001: Prompt 'formal' of ...": the rule's id and the message the analyzer reports, in the invariant culture.
    /// ES1001's "did you mean" suggestion is the analyzer's alone, so it is left out here.
    /// </summary>
    public string Describe()
    {
        (string id, string format) = EvalRuleText.For(Rule);
        object[] arguments = Rule == EvalRule.UnknownPlaceholder
            ? MessageArguments.Concat(new object[] { string.Empty }).ToArray()
            : MessageArguments;
        return id + ": " + string.Format(CultureInfo.InvariantCulture, format, arguments);
    }
}
