using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Judging;

/// <summary>
/// Reads and writes the review queue (<c>review.jsonl</c>, one <see cref="ReviewItem"/> per line, written by each run into its
/// results folder) and labels files (the same lines, labelled), and turns labelled lines into cascade calibration items.
/// </summary>
public static class ReviewQueue
{
    /// <summary>The file name of a run's review queue, in its results folder.</summary>
    public const string FileName = "review.jsonl";

    /// <summary>The reason of a row the cascade abstained on.</summary>
    public const string Abstained = "abstained";

    /// <summary>The reason of a row the cascade decided although a vote or an earlier tier disagreed.</summary>
    public const string Contested = "contested";

    /// <summary>The reason of a row written only because calibration data is being collected (<c>Cascade:AskAllTiers</c>).</summary>
    public const string Collected = "collected";

    /// <summary>The <see cref="ReviewItem.Sample"/> of a row written while every row is written (<c>Cascade:AskAllTiers</c>).</summary>
    public const string AllRows = "all";

    /// <summary>The <see cref="ReviewItem.Sample"/> a person sets on lines picked at random (for example from a run's results).</summary>
    public const string RandomSample = "random";

    /// <summary>
    /// Whether <paramref name="item"/> belongs to a representative sample of rows: collected while every row was written
    /// (reason <c>collected</c>, or sample <c>all</c>), or picked at random (sample <c>random</c>). A row queued because the cascade
    /// abstained or was contested was chosen by the cascade's own uncertainty: labels of such rows only say how the cascade
    /// does on rows like them, never on the rows it decides unanimously, so they cannot certify a threshold.
    /// </summary>
    /// <param name="item">A review line.</param>
    /// <returns>True for a representative row.</returns>
    public static bool IsRepresentative(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Reason == Collected || item.Sample is AllRows or RandomSample;
    }

    /// <summary>The line for a cascade's verdict on a row, or null when the row needs no review and data is not being collected.</summary>
    internal static ReviewItem? ItemFor(JudgeCascade cascade, Verdict verdict, JudgeRequest request, string rowId, string? runId)
    {
        if (verdict.Cascade is not { } trail)
        {
            return null;
        }

        string? reason = trail.Abstained ? Abstained : trail.Contested ? Contested : cascade.AskAllTiers ? Collected : null;
        if (reason is null)
        {
            return null;
        }

        var models = cascade.Shape().SelectMany(t => t.Judges).ToDictionary(j => j.Judge, j => j.Model, StringComparer.Ordinal);
        return new ReviewItem
        {
            Id = IdOf(rowId, IdentityOf(request.Output, request.Trajectory)),
            RowId = rowId,
            RunId = runId,
            Reason = reason,
            Sample = cascade.AskAllTiers ? AllRows : null,
            Cascade = cascade.Name,
            Outcome = verdict.Outcome.ToString().ToLowerInvariant(),
            Rationale = verdict.Rationale,
            Input = request.Input,
            Output = request.Output,
            Expected = request.Expected,
            ReferenceOutput = request.ReferenceOutput,
            Rubric = request.Rubric,
            Tiers = trail.Steps.Select((step, i) => new ReviewTier
            {
                Name = step.Tier,
                Judges = cascade.Tiers[i].Judges.Select(j => new ReviewJudge
                {
                    Name = j.Name,
                    Model = models[j.Name],
                    Verdicts = step.Verdicts.Where(v => v.Judge == j.Name || v.Judge.StartsWith(j.Name + "#", StringComparison.Ordinal))
                        .Select(v => new ReviewVerdict(v.Outcome.ToString().ToLowerInvariant(), v.Rationale, v.Errored)).ToArray(),
                }).ToArray(),
                Votes = step.Votes,
                Confidence = Math.Round(step.Confidence, 6),
                Decided = step.Decided,
            }).ToArray(),
        };
    }

    /// <summary>
    /// What identifies a judged output for a label: the output text, and for an agent run also its tool calls as canonical JSON
    /// (the same final answer after other tool calls is another output).
    /// </summary>
    /// <param name="output">The judged output text.</param>
    /// <param name="trajectory">The agent run's trajectory, or null.</param>
    /// <returns>The text to pass to <see cref="IdOf"/>.</returns>
    internal static string IdentityOf(string output, Agents.AgentTrajectory? trajectory) =>
        trajectory is null || trajectory.ToolCalls.Count == 0 ? output : output + "\n\n" + trajectory.ToJson(withAnswer: false).ToJsonString();

    /// <summary>The identity of an output of a row: the row id and the first 16 hex digits of the output's SHA-256.</summary>
    /// <param name="rowId">The row id.</param>
    /// <param name="output">The judged output.</param>
    /// <returns><c>rowId@hash</c>.</returns>
    public static string IdOf(string rowId, string output)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        ArgumentNullException.ThrowIfNull(output);
        return rowId + "@" + Persistence.ShortHash.Of(output);
    }

    /// <summary>One JSON line (no line break) for <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The line.</returns>
    public static string ToLine(ReviewItem item) => JsonSerializer.Serialize(item, ReviewJsonContext.Default.ReviewItem);

    /// <summary>
    /// Reads a review queue or labels file. Blank lines are skipped; every other line must be a <see cref="ReviewItem"/> with an
    /// id, a row id, an output and tiers; ids are unique; a label, when present, is <c>pass</c> or <c>fail</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The items, in file order.</returns>
    /// <exception cref="EvalConfigurationException">The file cannot be read or a line is invalid: the message names the file, the line and the problem.</exception>
    public static IReadOnlyList<ReviewItem> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalConfigurationException($"The review file {path} cannot be read: {ex.Message}", ex);
        }

        var items = new List<ReviewItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            string where = string.Create(CultureInfo.InvariantCulture, $"{path} line {i + 1}");
            ReviewItem item = Parse(lines[i], where);
            if (seen.TryGetValue(item.Id, out int first))
            {
                throw new EvalConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{where} repeats item '{item.Id}' (first on line {first}); each output is labelled once. Remove one of the two lines."));
            }

            seen.Add(item.Id, i + 1);
            items.Add(item);
        }

        return items;
    }

    /// <summary>
    /// The labelled items as calibration items, and the cascade's shape (tiers, judges, model ids) they were collected with.
    /// Every labelled item must come from one cascade with the same tiers, judges and model ids, and carry every tier's votes.
    /// </summary>
    /// <param name="items">Items read by <see cref="Read"/>; unlabelled ones are skipped, and so are labelled rows that are not
    /// <see cref="IsRepresentative">representative</see> (queued because the cascade abstained or was contested; count them with
    /// <see cref="NotRepresentative"/>).</param>
    /// <param name="source">The file, for messages.</param>
    /// <returns>The calibration items and the shape.</returns>
    /// <exception cref="CalibrationException">No item is labelled, every labelled item is a queued row (no representative sample), the items come from different cascades, tiers, judges or models, or an item lacks a tier.</exception>
    public static (IReadOnlyList<CalibrationItem> Items, IReadOnlyList<(string Tier, IReadOnlyList<(string Judge, string? Model)> Judges)> Shape, string Cascade) ToCalibration(IReadOnlyList<ReviewItem> items, string source)
    {
        ArgumentNullException.ThrowIfNull(items);
        ReviewItem[] labelled = items.Where(i => i.Label is not null).ToArray();
        if (labelled.Length == 0)
        {
            throw new CalibrationException($"{source} has no labelled items ({items.Count} unlabelled). Label them with `evalspec review --import <labels.csv>` first.");
        }

        // Labels of queued rows (abstained or contested, outside a collection) were chosen by the cascade's uncertainty: a
        // threshold certified on them says nothing about the rows the cascade decides without dissent, which were never
        // labelled. They are left out of the fixed-sequence test (the caller reports how many: NotRepresentative).
        ReviewItem[] queued = labelled.Where(i => !IsRepresentative(i)).ToArray();
        labelled = labelled.Where(IsRepresentative).ToArray();
        if (labelled.Length == 0)
        {
            throw new CalibrationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source} has {queued.Length} labelled item(s), all of rows queued because the cascade abstained or was contested; none of a representative sample. Such rows were chosen by the cascade's own uncertainty, so they cannot certify a threshold for the rows it decides without dissent. {HowToCollect}"));
        }

        ReviewItem model = labelled.OrderByDescending(i => i.Tiers.Count).First();
        string Describe(ReviewItem item) => string.Join("; ", item.Tiers.Select(t => t.Name + ": " + string.Join(", ", t.Judges.Select(j => j.Name + " (" + (j.Model ?? "no model id") + ")"))));
        var shape = model.Tiers.Select(t => (t.Name, (IReadOnlyList<(string, string?)>)t.Judges.Select(j => (j.Name, j.Model)).ToArray())).ToArray();
        string expected = Describe(model);
        var result = new List<CalibrationItem>(labelled.Length);
        foreach (ReviewItem item in labelled)
        {
            if (item.Cascade != model.Cascade)
            {
                throw new CalibrationException($"{source}: item '{item.Id}' comes from cascade '{item.Cascade}', item '{model.Id}' from cascade '{model.Cascade}'; calibrate each cascade from its own labels.");
            }

            if (item.Tiers.Count < model.Tiers.Count)
            {
                throw new CalibrationException($"{source}: item '{item.Id}' has the votes of {item.Tiers.Count} tier(s) of {model.Tiers.Count}: the cascade decided it before asking the others. Calibration needs every tier's votes on every item: collect labels with Cascade:AskAllTiers (EVALSPEC_CASCADE__ASKALLTIERS=true), which asks every tier on every row.");
            }

            if (Describe(item) != expected)
            {
                throw new CalibrationException($"{source}: item '{item.Id}' was judged by {Describe(item)}, item '{model.Id}' by {expected}. Labels of other judges or models cannot calibrate this cascade: keep the lines of the current judges (see their model ids) and label more.");
            }

            result.Add(new CalibrationItem(item.Id, LabelOf(item.Label!), item.Tiers.ToDictionary(t => t.Name, t => t.Votes, StringComparer.Ordinal)));
        }

        return (result, shape, model.Cascade);
    }

    /// <summary>How to collect representative labels, for messages.</summary>
    public const string HowToCollect =
        "Collect representative labels: run with Cascade:AskAllTiers (EVALSPEC_CASCADE__ASKALLTIERS=true), which writes every row to review.jsonl (reason \"collected\", or \"sample\": \"all\"), and label all of them or a random subset; or mark lines you picked at random with \"sample\": \"random\".";

    /// <summary>The labelled items that <see cref="ToCalibration"/> leaves out: rows queued (abstained or contested) outside a representative sample.</summary>
    /// <param name="items">Items read by <see cref="Read"/>.</param>
    /// <returns>How many labelled items are not representative.</returns>
    public static int NotRepresentative(IReadOnlyList<ReviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count(i => i.Label is not null && !IsRepresentative(i));
    }

    /// <summary>Parses a label: pass or fail (also yes/no, true/false, 1/0), any case.</summary>
    /// <param name="label">The label.</param>
    /// <returns>Pass or fail.</returns>
    /// <exception cref="FormatException">Anything else.</exception>
    public static VerdictOutcome LabelOf(string label) => (label ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "pass" or "yes" or "true" or "1" => VerdictOutcome.Pass,
        "fail" or "no" or "false" or "0" => VerdictOutcome.Fail,
        _ => throw new FormatException($"'{label}' is not a label: use pass or fail."),
    };

    private static ReviewItem Parse(string line, string where)
    {
        ReviewItem? item;
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EvalConfigurationException($"{where} is not a JSON object.");
            }

            if (document.RootElement.TryGetProperty("format", out JsonElement f) && (!f.TryGetInt32(out int format) || format > ReviewItem.CurrentFormat))
            {
                throw new EvalConfigurationException($"{where} has format {f}, written by a newer EvalSpec (this one reads format {ReviewItem.CurrentFormat}). Update EvalSpec.");
            }

            item = document.RootElement.Deserialize(ReviewJsonContext.Default.ReviewItem);
        }
        catch (JsonException ex)
        {
            throw new EvalConfigurationException($"{where} is not a valid review line: {ex.Message}", ex);
        }

        if (item is null || string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.RowId) || item.Output is null || item.Tiers is null || item.Tiers.Count == 0)
        {
            throw new EvalConfigurationException($"{where} lacks an \"id\", \"rowId\", \"output\" or \"tiers\".");
        }

        if (item.Label is not null)
        {
            try
            {
                item.Label = LabelOf(item.Label).ToString().ToLowerInvariant();
            }
            catch (FormatException ex)
            {
                throw new EvalConfigurationException($"{where} (item '{item.Id}'): {ex.Message}", ex);
            }
        }

        if (item.Sample is not null and not AllRows and not RandomSample)
        {
            throw new EvalConfigurationException($"{where} (item '{item.Id}') has \"sample\": \"{item.Sample}\"; use \"{AllRows}\" (every row written while collecting) or \"{RandomSample}\" (a line picked at random), or leave it out.");
        }

        if (item.Tiers.Any(t => t is null || string.IsNullOrWhiteSpace(t.Name) || t.Judges is null || t.Votes is null))
        {
            throw new EvalConfigurationException($"{where} (item '{item.Id}') has a tier without a \"name\", \"judges\" or \"votes\".");
        }

        if (item.Tiers.SelectMany(t => t.Votes).Any(v => v is null || string.IsNullOrWhiteSpace(v.Judge)))
        {
            throw new EvalConfigurationException($"{where} (item '{item.Id}') has a vote without a \"judge\".");
        }

        return item;
    }
}
