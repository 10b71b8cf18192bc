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
}
