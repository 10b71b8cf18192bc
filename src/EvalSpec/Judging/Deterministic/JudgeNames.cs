using System;

namespace EvalSpec.Judging;

/// <summary>Validation of the names that judges report in verdicts and panels.</summary>
internal static class JudgeNames
{
    /// <summary>Returns <paramref name="name"/> if it is usable as a judge name.</summary>
    /// <param name="name">The proposed name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException">The name is null, empty or white space.</exception>
    public static string Validate(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a non-empty name.", nameof(name)) : name;
}
