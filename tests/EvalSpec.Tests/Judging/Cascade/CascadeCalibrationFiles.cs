using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging.Cascade;

/// <summary>Calibrations written by hand for a cascade of two tiers, as <c>evalspec calibrate</c> would write them.</summary>
internal static class CascadeCalibrationFiles
{
    public static CascadeCalibration For(JudgeCascade cascade, double? cheapThreshold, double? strongThreshold) => new()
    {
        Target = 0.85,
        Risk = 0.1,
        CalibrationItems = 400,
        ExpectedCoverage = 0.8,
        ExpectedEscalationRate = 0.4,
        Tiers = cascade.Shape().Select((tier, i) => new CascadeCalibrationTier
        {
            Name = tier.Tier,
            Threshold = i == 0 ? cheapThreshold : strongThreshold,
            Samples = cascade.Tiers[i].Samples,
            Judges = tier.Judges.Select(j => new CascadeCalibrationJudge { Name = j.Judge, Model = j.Model, Weight = 1 }).ToArray(),
        }).ToArray(),
    };
}
