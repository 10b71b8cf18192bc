using System.Globalization;
using EvalSpec.Execution;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting;

/// <summary>
/// The <c>shard</c> section of <c>summary.json</c> in a sharded run (<see cref="EvalOptions.Shard"/>): which shard of how
/// many, the test assembly, and the population the shard was cut from (its row count and fingerprint), so that
/// <c>evalspec merge</c> can check that shards belong together; and the console lines saying how many rows the shard ran
/// (and, for a resumed run, how many rows it took over).
/// </summary>
internal static class ShardSummary
{
    /// <summary>The section, or null when the run is not sharded.</summary>
    public static RunSummaryFile.ShardSection? Of(EvalRunHost run) => run.Shard is not { } shard
        ? null
        : new RunSummaryFile.ShardSection
        {
            Index = shard.Index,
            Count = shard.Count,
            Assembly = run.TestAssembly.GetName().Name,
            PopulationRows = shard.Population.Rows.Count,
            PopulationFingerprint = shard.Population.Fingerprint,
            ShardRows = shard.Rows,
            SkippedOutsideShard = run.OutsideShard,
            Identity = run.Identity is { } identity
                ? new RunSummaryFile.IdentitySection { Commit = identity.Commit, Options = identity.Options, Judges = identity.Judges, Baseline = identity.Baseline, Evals = identity.Evals }
                : null,
        };

    /// <summary>What the headline of a sharded or resumed run adds: the shard's rows against the suite's, the rows taken over (empty otherwise).</summary>
    public static string Headline(EvalRunHost run) =>
        (run.Shard is { } shard ? string.Create(CultureInfo.InvariantCulture, $" Shard {shard.Name}: {shard.Rows} of the suite's {shard.Population.Rows.Count} rows; {run.OutsideShard} other shards' rows skipped.") : string.Empty)
        + (run.Resumed is { } resumed ? string.Create(CultureInfo.InvariantCulture, $" Resumed: {resumed.Rows.Count} row(s) taken over from before the interruption.") : string.Empty);

    /// <summary>The console line of a sharded run (empty when not sharded).</summary>
    public static string Describe(EvalRunHost run) => run.Shard is not { } shard
        ? string.Empty
        : string.Create(
            CultureInfo.InvariantCulture,
            $"\n  Shard {shard.Name}: {shard.Rows} of the suite's {shard.Population.Rows.Count} rows are this shard's; {run.OutsideShard} row(s) of other shards were reported as skipped. Merge the shards' run folders with `evalspec merge`.");
}
