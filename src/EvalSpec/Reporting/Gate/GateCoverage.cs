namespace EvalSpec.Reporting.Gate;

/// <summary>How much of the baseline a run covers.</summary>
/// <param name="BaselineRows">Rows the baseline records.</param>
/// <param name="CoveredRows">
/// Of those, rows the run stands for: for a run of every row it was given, the rows it has (judged, or found not
/// applicable); for a sampled run (EVALSPEC_SAMPLE), the rows of the population its sample was drawn from, which its
/// estimate stands for.
/// </param>
/// <param name="Sampled">The run judged a stratified sample: it is gated on its estimate, not on paired rows.</param>
internal sealed record GateCoverage(int BaselineRows, int CoveredRows, bool Sampled)
{
    /// <summary>
    /// <see cref="CoveredRows"/> is an upper bound, not a count: a summary of an older EvalSpec gives the size of a
    /// sample's population but not its rows.
    /// </summary>
    public bool AtMost { get; init; }

    /// <summary>The strata (method x variant x relation) of a sample's population when some went unsampled; else 0.</summary>
    public int Strata { get; init; }

    /// <summary>
    /// Strata of a sample's population with no sampled row (a budget below the number of strata): the estimate says
    /// nothing about their rows, which <see cref="CoveredRows"/> then leaves out.
    /// </summary>
    public int UnsampledStrata { get; init; }

    /// <summary>Baseline rows the run does not stand for.</summary>
    public int MissingRows => BaselineRows - CoveredRows;

    /// <summary>The run, or the population of its sample, covers fewer rows than the baseline records.</summary>
    public bool IsPartial => CoveredRows < BaselineRows;

    /// <summary>"12 of 66 baseline rows", or "at most 12 of 66 baseline rows".</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{(AtMost ? "at most " : string.Empty)}{CoveredRows} of {BaselineRows} baseline rows");
}
