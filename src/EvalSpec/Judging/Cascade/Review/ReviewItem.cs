using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// One line of <c>review.jsonl</c> (rows a <see cref="JudgeCascade"/> abstained on or decided against a dissent) and of a labels
/// file (the same line with <see cref="Label"/> set by a person): the row, what the judges saw and said, and every tier's votes,
/// so that a labelled line is a calibration item for <c>evalspec calibrate</c>.
/// </summary>
public sealed class ReviewItem
{
    /// <summary>The format this EvalSpec writes and the newest it reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The line's format number.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>
    /// The item's identity: the row id and the first 16 hex digits of the SHA-256 of the judged output, so that a label given for
    /// one output is never applied to another output of the same row. Unique in a labels file.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The row id.</summary>
    public required string RowId { get; init; }

    /// <summary>The run that wrote the line.</summary>
    public string? RunId { get; init; }

    /// <summary>Why the row is in the queue: <c>abstained</c>, <c>contested</c>, or <c>collected</c> (every row while collecting calibration data, <c>Cascade:AskAllTiers</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// How the row was chosen, when it was not chosen for its <see cref="Reason"/>: <c>all</c> (written while collecting
    /// calibration data with <c>Cascade:AskAllTiers</c>, when every row is written whatever its reason) or <c>random</c> (set
    /// by a person on lines picked at random); null for a row queued because the cascade abstained or was contested.
    /// Only rows chosen without regard to the cascade's own uncertainty (reason <c>collected</c>, or a sample of
    /// <c>all</c> or <c>random</c>) are a representative sample that can calibrate a guarantee
    /// (<see cref="ReviewQueue.IsRepresentative"/>).
    /// </summary>
    public string? Sample { get; init; }

    /// <summary>The cascade's name.</summary>
    public required string Cascade { get; init; }

    /// <summary>The cascade's verdict: pass, fail or inconclusive.</summary>
    public required string Outcome { get; init; }

    /// <summary>The cascade's rationale (who decided, what escalated).</summary>
    public string? Rationale { get; init; }

    /// <summary>The input the judges saw (the prompt).</summary>
    public string? Input { get; init; }

    /// <summary>The judged output.</summary>
    public required string Output { get; init; }

    /// <summary>The expected answer, if the case has one.</summary>
    public string? Expected { get; init; }

    /// <summary>The output it was compared with (pairwise judges), if any.</summary>
    public string? ReferenceOutput { get; init; }

    /// <summary>The rubric, if the row has one.</summary>
    public string? Rubric { get; init; }

    /// <summary>Every tier asked, in order: its judges with their model ids, votes and verdicts.</summary>
    public required IReadOnlyList<ReviewTier> Tiers { get; init; }

    /// <summary>The person's label: <c>pass</c> or <c>fail</c>; null while not labelled.</summary>
    public string? Label { get; set; }

    /// <summary>Who labelled it (free text, from the CSV's <c>labelledBy</c> column or the reviewer), if known.</summary>
    public string? LabelledBy { get; set; }

    /// <summary>When it was labelled (UTC), if known.</summary>
    public DateTimeOffset? LabelledAt { get; set; }
}
