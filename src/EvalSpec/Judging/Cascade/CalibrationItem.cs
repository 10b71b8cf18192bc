using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// A labelled item for cascade calibration: the label a person gave and every tier's votes on the item (all tiers: items
/// collected with <see cref="JudgeCascade.AskAllTiers"/>, or abstentions, which went through every tier).
/// </summary>
public sealed record CalibrationItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="id">The item's identity (a row id and the hash of its output): unique in a calibration.</param>
    /// <param name="label">The correct outcome: pass or fail.</param>
    /// <param name="votes">Each tier's votes, by tier name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The label is inconclusive.</exception>
    public CalibrationItem(string id, VerdictOutcome label, IReadOnlyDictionary<string, IReadOnlyList<CascadeVote>> votes)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Label = label is VerdictOutcome.Pass or VerdictOutcome.Fail
            ? label
            : throw new ArgumentOutOfRangeException(nameof(label), label, "A calibration label must be pass or fail.");
        Votes = votes ?? throw new ArgumentNullException(nameof(votes));
    }

    /// <summary>The item's identity.</summary>
    public string Id { get; }

    /// <summary>The correct outcome.</summary>
    public VerdictOutcome Label { get; }

    /// <summary>Each tier's votes, by tier name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CascadeVote>> Votes { get; }
}
