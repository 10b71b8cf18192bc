using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// One tier of a <see cref="JudgeCascade"/>: judges asked together (cheapest tiers first), whose votes give a verdict and a
/// confidence; below its threshold the tier escalates to the next.
/// </summary>
public sealed class CascadeTier
{
    private readonly double _threshold = 1;
    private readonly int _samples = 1;

    /// <summary>Creates a tier.</summary>
    /// <param name="name">The tier's name, unique in its cascade (a stable key: calibration files name tiers by it).</param>
    /// <param name="judges">The tier's judges; at least one, with distinct names.</param>
    /// <exception cref="ArgumentException">The name is empty, there are no judges, or two have the same name.</exception>
    public CascadeTier(string name, IEnumerable<IJudge> judges)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A cascade tier needs a name.", nameof(name)) : name;
        Judges = (judges ?? throw new ArgumentNullException(nameof(judges))).ToArray();
        if (Judges.Count == 0)
        {
            throw new ArgumentException($"Cascade tier '{name}' has no judges; add at least one.", nameof(judges));
        }

        if (Judges.Any(j => j is null))
        {
            throw new ArgumentException($"Cascade tier '{name}' has a null judge.", nameof(judges));
        }

        string? duplicate = Judges.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Cascade tier '{name}' has two judges named '{duplicate}'; judge names must be unique within a tier.", nameof(judges));
        }
    }

    /// <summary>The tier's name.</summary>
    public string Name { get; }

    /// <summary>The tier's judges, asked together.</summary>
    public IReadOnlyList<IJudge> Judges { get; }

    /// <summary>
    /// The confidence the tier needs to decide when the cascade has no calibration (a calibration file replaces it), in
    /// (0, 1]: the share of the tier's votes (over its judges, both presentation orders of pairwise judges, and samples)
    /// that agree with the majority. Default 1: every vote must agree. Such a threshold guarantees nothing; run
    /// <c>evalspec calibrate</c> to fit thresholds that do.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = value > 0 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Threshold), value, string.Create(CultureInfo.InvariantCulture, $"Cascade tier '{Name}': a threshold is a share of agreeing votes, in (0, 1]; got {value}."));
    }

    /// <summary>
    /// How many times each judge is asked (default 1). More samples are "simulated annotators" (Jung et al. 2025): the
    /// confidence counts every sample's votes. Sample k (from 2) is asked with the row id suffixed <c>#k</c>, which
    /// reshuffles a judge's few-shot examples (they are ordered by a seed from the row id); without examples, the samples
    /// differ only as much as the model's sampling (temperature) lets them. Each sample is its own recorded call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and 20.</exception>
    public int Samples
    {
        get => _samples;
        init => _samples = value is >= 1 and <= 20
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Samples), value, $"Cascade tier '{Name}': Samples must be between 1 and 20; got {value}.");
    }
}
