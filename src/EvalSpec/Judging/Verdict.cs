using System;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>One judge's decision on one output.</summary>
public sealed record Verdict
{
    /// <summary>Creates a verdict.</summary>
    /// <param name="judge">The judge's name.</param>
    /// <param name="outcome">Pass, fail or inconclusive.</param>
    /// <param name="score">A normalised score in [0, 1], or <see langword="null"/> when the judge gives none.</param>
    /// <param name="rationale">Why, in words a person can act on.</param>
    public Verdict(string judge, VerdictOutcome outcome, double? score, string rationale)
    {
        Judge = judge ?? throw new ArgumentNullException(nameof(judge));
        Outcome = outcome;
        Score = score;
        Rationale = rationale ?? string.Empty;
    }

    /// <summary>The judge's name.</summary>
    public string Judge { get; init; }

    /// <summary>Pass, fail or inconclusive.</summary>
    public VerdictOutcome Outcome { get; init; }

    /// <summary>A normalised score in [0, 1], or <see langword="null"/>.</summary>
    public double? Score { get; init; }

    /// <summary>Why the judge decided as it did; for an inconclusive verdict, the reason it could not decide.</summary>
    public string Rationale { get; init; }

    /// <summary>The judge's raw output (for example an LLM completion), kept so a person can check the parse.</summary>
    public string? RawOutput { get; init; }

    /// <summary>How long the judge took.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// Whether the verdict is inconclusive because the judge failed (threw, its model errored or its answer
    /// could not be parsed), as opposed to abstaining. Errors are counted in the run summary.
    /// </summary>
    public bool Errored { get; init; }

    /// <summary>How many model calls the judge made for this verdict (0 for judges that call no model).</summary>
    public int ModelCalls { get; init; }

    /// <summary>The model that judged, for LLM judges.</summary>
    public string? Model { get; init; }

    /// <summary>Token usage of the judge's model calls, when the provider reports it.</summary>
    public UsageDetails? Usage { get; init; }

    /// <summary>For pairwise judges: the choice in each presentation order.</summary>
    public PairwiseComparison? Pairwise { get; init; }

    /// <summary>For a <see cref="JudgeCascade"/>: each tier asked, its votes and confidence, who decided, and the guarantee.</summary>
    public CascadeTrail? Cascade { get; init; }

    /// <summary>A passing verdict.</summary>
    /// <param name="judge">The judge's name.</param>
    /// <param name="score">The score in [0, 1], or <see langword="null"/>.</param>
    /// <param name="rationale">Why.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Pass(string judge, double? score, string rationale) => new(judge, VerdictOutcome.Pass, score, rationale);

    /// <summary>A failing verdict.</summary>
    /// <param name="judge">The judge's name.</param>
    /// <param name="score">The score in [0, 1], or <see langword="null"/>.</param>
    /// <param name="rationale">Why.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Fail(string judge, double? score, string rationale) => new(judge, VerdictOutcome.Fail, score, rationale);

    /// <summary>An inconclusive verdict (abstention) with its reason.</summary>
    /// <param name="judge">The judge's name.</param>
    /// <param name="reason">Why no decision was possible.</param>
    /// <param name="rawOutput">The raw text that could not be used, if any.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Inconclusive(string judge, string reason, string? rawOutput = null) =>
        new(judge, VerdictOutcome.Inconclusive, null, reason) { RawOutput = rawOutput };

    /// <summary>An inconclusive verdict because the judge failed, with the reason (and raw output, if any).</summary>
    /// <param name="judge">The judge's name.</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="rawOutput">The raw text that could not be used, if any.</param>
    /// <returns>The verdict, with <see cref="Errored"/> set.</returns>
    public static Verdict Error(string judge, string reason, string? rawOutput = null) =>
        Inconclusive(judge, reason, rawOutput) with { Errored = true };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Judge}: {Outcome}{(Score is double s ? $" (score {s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})" : string.Empty)}: {Rationale}";
}
