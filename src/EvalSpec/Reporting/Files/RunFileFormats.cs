using EvalSpec.Persistence;

namespace EvalSpec.Reporting.Files;

/// <summary>
/// The format numbers of the files a run writes (not committed, but read by the <c>evalspec</c> tool, CI dashboards and
/// the merge of shards): each file carries <c>"format"</c>, and a reader refuses a newer one with a message naming the
/// EvalSpec that wrote it. Files written before the field existed have none and are read as format 1. Bump a format only
/// when an older reader would misread the new file; a new optional field needs no bump. Table: docs/schemas/README.md.
/// </summary>
internal static class RunFileFormats
{
    /// <summary><c>summary.json</c>.</summary>
    public static readonly CommittedFileFormat Summary = new("run summary", "summary.schema.json", (1, "0.1.0"));

    /// <summary>Each line of <c>results.jsonl</c>.</summary>
    public static readonly CommittedFileFormat Results = new("results line", "results-line.schema.json", (1, "0.1.0"));

    /// <summary>The gate's result (<c>evalspec gate --json</c>).</summary>
    public static readonly CommittedFileFormat Gate = new("gate result", "gate-result.schema.json", (1, "0.1.0"));

    /// <summary>The comparison of runs (<c>evalspec compare --json</c>).</summary>
    public static readonly CommittedFileFormat Comparison = new("comparison of runs", "comparison.schema.json", (1, "0.1.0"));
}
