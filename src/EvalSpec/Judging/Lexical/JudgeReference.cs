using System;

namespace EvalSpec.Judging;

/// <summary>Resolves the reference text a reference-based judge compares the output with.</summary>
internal static class JudgeReference
{
    /// <summary>Validates a <see cref="ReferenceSource"/> given to a judge's constructor.</summary>
    /// <param name="source">The source.</param>
    /// <param name="parameterName">The parameter to blame.</param>
    /// <returns>The source.</returns>
    public static ReferenceSource Validate(ReferenceSource source, string parameterName) =>
        Enum.IsDefined(source) ? source : throw new ArgumentOutOfRangeException(parameterName, source, "Unknown reference source.");

    /// <summary>Validates a pass threshold given to a judge's constructor.</summary>
    /// <param name="threshold">The threshold, or <see langword="null"/> for the request's.</param>
    /// <param name="parameterName">The parameter to blame.</param>
    /// <returns>The threshold.</returns>
    public static double? ValidateThreshold(double? threshold, string parameterName) =>
        threshold is null || (threshold >= 0 && threshold <= 1)
            ? threshold
            : throw new ArgumentOutOfRangeException(parameterName, threshold, "A threshold must be in [0, 1].");

    /// <summary>What the reference is called in rationales: "the expected answer" or "the source output".</summary>
    /// <param name="source">The source.</param>
    /// <returns>The description.</returns>
    public static string Describe(ReferenceSource source) =>
        source == ReferenceSource.Expected ? "the expected answer" : "the source output";

    /// <summary>The reference text, or why there is none.</summary>
    /// <param name="request">The request.</param>
    /// <param name="source">Where the reference comes from.</param>
    /// <param name="reference">The reference text when there is one.</param>
    /// <param name="missingReason">Why there is none, for an inconclusive verdict.</param>
    /// <returns>Whether there is a reference.</returns>
    public static bool TryGet(JudgeRequest request, ReferenceSource source, out string reference, out string missingReason)
    {
        string? text = source == ReferenceSource.Expected ? request.Expected : request.ReferenceOutput;
        reference = text ?? string.Empty;
        missingReason = source == ReferenceSource.Expected
            ? "the case has no expected answer to compare with; set Expected on the [Case] (or compare with the source output)"
            : "no source output to compare with (ReferenceOutput is only set in relation rows)";
        return text is not null;
    }
}
