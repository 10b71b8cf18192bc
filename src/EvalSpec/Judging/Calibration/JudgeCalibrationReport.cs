using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EvalSpec.Judging;

/// <summary>What <see cref="JudgeCalibration.Fit"/> measured: each judge's accuracy with its interval, position consistency and weight.</summary>
public sealed class JudgeCalibrationReport
{
    internal JudgeCalibrationReport(int items, IReadOnlyList<JudgeReliability> judges, IReadOnlyList<string> warnings)
    {
        Items = items;
        Judges = judges;
        Warnings = warnings;
        Weights = judges.ToDictionary(j => j.Judge, j => j.Weight, StringComparer.Ordinal);
    }

    /// <summary>How many labelled items were used.</summary>
    public int Items { get; }

    /// <summary>Every judge, in order of first appearance.</summary>
    public IReadOnlyList<JudgeReliability> Judges { get; }

    /// <summary>One line per judge at or below chance: its name, accuracy and interval, and its weight (0 unless inversion is allowed).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Each judge's weight, by name.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>A weighted majority with these weights.</summary>
    /// <returns>The aggregator.</returns>
    /// <exception cref="ArgumentException">Every judge has weight 0 (no judge is better than chance): such a panel could never decide.</exception>
    public WeightedMajorityAggregator ToWeightedMajority() =>
        Weights.Values.Any(w => w != 0)
            ? new WeightedMajorityAggregator(Weights)
            : throw new ArgumentException("Every judge is at or below chance on the labelled items, so every weight is 0 and the panel could never decide: " + string.Join(" ", Warnings));

    /// <summary>One line per judge, then the warnings.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Calibration on {Items} labelled item(s):\n");
        foreach (JudgeReliability judge in Judges)
        {
            string consistency = judge.PositionConsistency is double c ? c.ToString(", position consistency 0.000", CultureInfo.InvariantCulture) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {judge.Judge}: accuracy {judge.Accuracy:0.000} {judge.Interval} over {judge.Votes} vote(s) on {judge.Items} item(s){consistency}; weight {judge.Weight:0.000}\n");
        }

        foreach (string warning in Warnings)
        {
            text.Append("Warning: ").Append(warning).Append('\n');
        }

        return text.ToString();
    }
}
