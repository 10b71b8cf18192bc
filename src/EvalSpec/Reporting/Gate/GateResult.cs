using System.Collections.Generic;

namespace EvalSpec.Reporting.Gate;

/// <summary>A run compared with the baseline: paired comparisons overall and per method, and the rows that could not be paired.</summary>
internal sealed record GateResult
{
    public required GateOptions Options { get; init; }

    public required string BaselinePath { get; init; }

    /// <summary>The baseline file's version (1 has no scores).</summary>
    public required int BaselineVersion { get; init; }

    public required string RunId { get; init; }

    public required string RunDirectory { get; init; }

    /// <summary>All paired rows.</summary>
    public required PairedComparison Overall { get; init; }

    /// <summary>Per eval method with paired rows, by method id.</summary>
    public required IReadOnlyList<PairedComparison> Methods { get; init; }

    /// <summary>Judged rows of the run that the baseline does not have (listed, never failed).</summary>
    public required IReadOnlyList<string> NewRows { get; init; }

    /// <summary>Baseline rows the run does not have: removed, filtered out or outside a sample (listed, never failed).</summary>
    public required IReadOnlyList<string> MissingRows { get; init; }

    /// <summary>Baseline rows whose relation did not apply in this run (not judged, so not compared).</summary>
    public required IReadOnlyList<string> NotApplicableRows { get; init; }

    /// <summary>Paired rows that are inconclusive now: counted as not passing, and listed.</summary>
    public required IReadOnlyList<PairedRow> InconclusiveRows { get; init; }

    /// <summary>Method metrics in the baseline and the run (informational).</summary>
    public required IReadOnlyList<MethodMetricChange> MethodChanges { get; init; }

    /// <summary>What the gate fails on; empty when it passes.</summary>
    public required IReadOnlyList<GateRegression> Regressions { get; init; }

    /// <summary>Things a reader should know: a baseline without scores, a sampled run, nothing paired.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>How many baseline rows the run has.</summary>
    public required GateCoverage Coverage { get; init; }

    /// <summary>For a sampled run: its estimate against the baseline pass rate (what it is gated on).</summary>
    public SampleComparison? Sample { get; init; }

    /// <summary>
    /// Why the gate would not judge the run (a partial run without <see cref="GateOptions.AllowPartial"/>, a sample
    /// without an estimate), with what to do; null when it judged it. A refused run does not pass.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>
    /// The refusal is the coverage rule: the run, or the population of its sample, has fewer rows than the baseline and
    /// <see cref="GateOptions.AllowPartial"/> was not given. A run's own report says "not gated" for it, not "refused":
    /// on a developer's machine a filtered run is normal; <c>evalspec gate</c> still exits non-zero.
    /// </summary>
    public bool RefusedAsPartial { get; init; }

    public bool Refused => Refusal is not null;

    public bool Passed => Refusal is null && Regressions.Count == 0;
}
