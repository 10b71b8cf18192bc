using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>Counts shared by the aggregators.</summary>
internal readonly record struct VerdictTally(int Pass, int Fail, int Inconclusive, double? MeanScore)
{
    public int Deciding => Pass + Fail;

    public static VerdictTally Of(IReadOnlyList<Verdict> verdicts)
    {
        int pass = verdicts.Count(v => v.Outcome == VerdictOutcome.Pass);
        int fail = verdicts.Count(v => v.Outcome == VerdictOutcome.Fail);
        double[] scores = verdicts.Where(v => v.Outcome != VerdictOutcome.Inconclusive && v.Score is not null).Select(v => v.Score!.Value).ToArray();
        return new VerdictTally(pass, fail, verdicts.Count - pass - fail, scores.Length == 0 ? null : scores.Average());
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Pass} pass, {Fail} fail, {Inconclusive} inconclusive of {Pass + Fail + Inconclusive}");
}
