using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Execution;

/// <summary>A row of a resumed run decided before the run was interrupted (<see cref="ResumedRun"/>): its results line and what the run counts of it.</summary>
/// <param name="Row">The row as read from results.jsonl.</param>
/// <param name="Text">Its line, as written.</param>
/// <param name="Judged">What the end-of-run metrics need of it.</param>
/// <param name="Spend">What it spent, when its line says.</param>
/// <param name="Judgements">The panel verdicts its judging counted, when its line says (lines of EvalSpec before they were written do not).</param>
/// <param name="JudgeErrors">True when its line says a judge of the row's checks errored (<c>judgeErrors</c>, written only when true); else null.</param>
internal sealed record TakenOverRow(RunRow Row, string Text, JudgedRow Judged, RowSpendResult? Spend, IReadOnlyList<JudgementResult>? Judgements = null, bool? JudgeErrors = null)
{
    /// <summary>What the run's snapshot counts recorded of the row's snapshot, when its line says (<c>snapshot</c>); else null.</summary>
    public Snapshots.SnapshotOutcome? Snapshot { get; init; }

    /// <summary>Whether <see cref="Snapshot"/> is a match by meaning (<c>snapshotByMeaning</c>).</summary>
    public bool SnapshotByMeaning { get; init; }

    /// <summary>
    /// Whether its rubric was not checked (<see cref="UnjudgedRubric"/>): its line has the note, or, where a rubric nobody
    /// checks makes the row inconclusive (on a build server by default), the <c>rubric coverage</c> check.
    /// </summary>
    public bool RubricNotChecked { get; init; }

    /// <summary>
    /// Its own model calls (follow-up run, judges) as its line says them (<c>modelCalls</c> less its <c>source</c>); none
    /// for a line of an EvalSpec before the source run's part was written, whose calls cannot be told from its source run's.
    /// </summary>
    public Recording.RowModelCalls OwnModelCalls { get; init; } = Recording.RowModelCalls.None;

    /// <summary>The model calls of the source run it used (<c>modelCalls.source</c>), shared with the other rows of its case x prompt variant.</summary>
    public Recording.RowModelCalls SourceModelCalls { get; init; } = Recording.RowModelCalls.None;

    /// <summary>Its own calls of the eval method (follow-up runs: <c>evalMethodCalls</c> less its <c>source</c>).</summary>
    public int OwnEvalMethodCalls { get; init; }

    /// <summary>The eval method calls of the source run it used (one per trial), shared with the other rows of its case x prompt variant.</summary>
    public int SourceEvalMethodCalls { get; init; }

    /// <summary>The recording mode of the run that made its model calls (<c>modelCalls.mode</c>), or null when its line has none.</summary>
    public string? ModelCallsMode { get; init; }

    /// <summary>Which resume of the run wrote its line (<c>attempt</c>; 0 for the run itself).</summary>
    public int Attempt { get; init; }

    /// <summary>The process that wrote its line: its run id, shard (<c>shard</c>, empty when not sharded) and <see cref="Attempt"/>.</summary>
    public string Writer { get; init; } = string.Empty;

    /// <summary>
    /// Its source run: the id it is filed under (the identity row's of its case x prompt variant) and the process that made
    /// it (<see cref="Writer"/>). Rows with the same one shared it; a source run made again by a resume, or by another
    /// shard of a merged run, is another.
    /// </summary>
    public string SourceRunKey => RowIds.Row(Judged.Method, Row.Case, Row.Variant, EvalDefaults.IdentityRelationKey) + "\u0001" + Writer;

    /// <summary>The most model calls or eval method calls a results line may say its row made: more is a damaged or edited line.</summary>
    internal const int MaxCallsPerRow = 1_000_000;

    /// <summary>The highest <c>attempt</c> a results line may say (a resume's is one more than the lines it takes over say).</summary>
    internal const int MaxAttempt = 1_000_000;

    /// <summary>Whether it passed where the baseline the interrupted run used records a failure (and was no known failure).</summary>
    public bool FixedSinceBaseline => !Row.KnownFailure && Row.Outcome == Judging.VerdictOutcome.Pass && Row.RecordedOutcome == "fail";

    /// <summary>The row taken over, or null when the test assembly no longer has its method, case, variant or relation.</summary>
    /// <exception cref="RunDataException">Its line's counts of calls are not counts (negative, more than <see cref="MaxCallsPerRow"/>, or a source run's part larger than the whole).</exception>
    public static TakenOverRow? From(RunRow row, string text, IReadOnlyDictionary<string, EvalMethodDescriptor> methods)
    {
        if (!methods.TryGetValue(row.MethodId, out EvalMethodDescriptor? method)
            || method.Cases.All(c => c.Id != row.Case)
            || method.Variants.All(v => v.Key != row.Variant))
        {
            return null;
        }

        RelationDescriptor? relation = null;
        if (row.Relation != EvalDefaults.IdentityRelationKey)
        {
            relation = method.Relations.FirstOrDefault(r => r.Key == row.Relation);
            if (relation is null)
            {
                return null;
            }
        }

        RowSpendResult? spend = null;
        IReadOnlyList<JudgementResult>? judgements = null;
        bool? judgeErrors = null;
        Snapshots.SnapshotOutcome? snapshot = null;
        bool snapshotByMeaning = false;
        ModelCallsResult? modelCalls = null;
        EvalMethodCallsResult? methodCalls = null;
        int attempt = 0;
        string writer = string.Empty;
        bool rubricNotChecked = false;
        using (JsonDocument line = JsonDocument.Parse(text))
        {
            if (line.RootElement.TryGetProperty("notes", out JsonElement notes) && notes.ValueKind == JsonValueKind.Array)
            {
                rubricNotChecked = notes.EnumerateArray().Any(n => n.ValueKind == JsonValueKind.String && n.GetString()!.StartsWith(UnjudgedRubric.NotePrefix, StringComparison.Ordinal));
            }

            rubricNotChecked |= row.Checks.Any(c => c.Name == UnjudgedRubric.CheckName);

            // Written from this version on; a line without it (an older EvalSpec, or no snapshot) counts no snapshot.
            if (line.RootElement.TryGetProperty("snapshot", out JsonElement counted) && counted.ValueKind == JsonValueKind.String)
            {
                snapshot = RowPersistence.SnapshotOutcomeOf(counted.GetString());
                snapshotByMeaning = line.RootElement.TryGetProperty("snapshotByMeaning", out JsonElement byMeaning) && byMeaning.ValueKind == JsonValueKind.True;
            }

            if (line.RootElement.TryGetProperty("modelCalls", out JsonElement calls) && calls.ValueKind == JsonValueKind.Object)
            {
                modelCalls = calls.Deserialize<ModelCallsResult>(ResultsJson.Options);
            }

            if (line.RootElement.TryGetProperty("evalMethodCalls", out JsonElement called) && called.ValueKind == JsonValueKind.Object)
            {
                methodCalls = called.Deserialize<EvalMethodCallsResult>(ResultsJson.Options);
            }

            if (line.RootElement.TryGetProperty("attempt", out JsonElement attemptElement) && attemptElement.ValueKind == JsonValueKind.Number)
            {
                attempt = attemptElement.TryGetInt32(out int number) && number is > 0 and <= MaxAttempt ? number : throw Damaged(row, "attempt", attemptElement.GetRawText());
            }

            string? runId = line.RootElement.TryGetProperty("runId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            string? shard = line.RootElement.TryGetProperty("shard", out JsonElement shardElement) && shardElement.ValueKind == JsonValueKind.String ? shardElement.GetString() : null;
            writer = runId + "\u0001" + shard + "\u0001" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);

            if (line.RootElement.TryGetProperty("spend", out JsonElement element) && element.ValueKind == JsonValueKind.Object)
            {
                spend = element.Deserialize<RowSpendResult>(ResultsJson.Options);
            }

            if (line.RootElement.TryGetProperty("judgements", out JsonElement verdicts) && verdicts.ValueKind == JsonValueKind.Array)
            {
                judgements = verdicts.Deserialize<JudgementResult[]>(ResultsJson.Options);
            }

            // Written only when true. Without it the row's checks say (those of its shown trial: exact for a row run once).
            if (line.RootElement.TryGetProperty("judgeErrors", out JsonElement errors) && errors.ValueKind == JsonValueKind.True)
            {
                judgeErrors = true;
            }
        }

        var judged = new JudgedRow(row.RowId, method, row.Case, row.Variant, relation, row.Outcome, !row.Applicable, row.InputSimilarity, row.OutcomeWithoutSnapshot);
        // A line without the source run's part (an older EvalSpec) counts no model calls: its own cannot be told from the
        // source run's, which other rows' lines include too.
        Recording.RowModelCalls source = modelCalls?.Source?.ToCalls() ?? Recording.RowModelCalls.None;
        Recording.RowModelCalls own = modelCalls is { Source: not null } ? modelCalls.ToCalls() - source : Recording.RowModelCalls.None;
        Check(row, "modelCalls", own, source);
        if (methodCalls is not null && (methodCalls.Source < 0 || methodCalls.Total < methodCalls.Source || methodCalls.Total > MaxCallsPerRow))
        {
            throw Damaged(row, "evalMethodCalls", $"total {methodCalls.Total}, source {methodCalls.Source}");
        }

        return new TakenOverRow(row, text, judged, spend, judgements, judgeErrors)
        {
            Snapshot = snapshot,
            SnapshotByMeaning = snapshotByMeaning,
            RubricNotChecked = rubricNotChecked,
            ModelCallsMode = modelCalls?.Mode,
            Attempt = attempt,
            Writer = writer,
            OwnModelCalls = own,
            SourceModelCalls = source,
            OwnEvalMethodCalls = methodCalls is null ? 0 : methodCalls.Total - methodCalls.Source,
            SourceEvalMethodCalls = methodCalls?.Source ?? 0,
        };
    }

    /// <summary>Refuses counts that are not counts: a part below 0, a source run's part larger than the whole, or more than <see cref="MaxCallsPerRow"/>.</summary>
    private static void Check(RunRow row, string field, Recording.RowModelCalls own, Recording.RowModelCalls source)
    {
        int[] values = [own.Replayed, own.Recorded, own.Live, own.Failed, own.Missing, source.Replayed, source.Recorded, source.Live, source.Failed, source.Missing];
        if (values.Any(v => v < 0) || values.Sum(v => (long)v) > MaxCallsPerRow)
        {
            throw Damaged(row, field, $"{own + source} with {source} of its source run");
        }
    }

    private static RunDataException Damaged(RunRow row, string field, string value) => new(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"the line of row {row.RowId} says {field}: {value}, which is not what a run writes (a count below 0, a source run's part larger than the whole, or more than {MaxCallsPerRow} calls for one row)."));
}
