using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>What a <see cref="JudgeCascade"/> decides with: each tier's threshold and judge weights, and what it may claim.</summary>
internal sealed record CascadeSettings(
    double?[] Thresholds,
    IReadOnlyDictionary<string, double>?[] Weights,
    CascadeCalibration? Calibration,
    CascadeGuarantee? Guarantee,
    string? NoGuaranteeReason)
{
    public const string UncalibratedReason = "not calibrated: the tiers' own thresholds guarantee no agreement level (fit them on labelled items with `evalspec calibrate`)";

    public static CascadeSettings Uncalibrated(IReadOnlyList<CascadeTier> tiers) => new(
        tiers.Select(t => (double?)t.Threshold).ToArray(),
        new IReadOnlyDictionary<string, double>?[tiers.Count],
        null,
        null,
        UncalibratedReason);

    /// <exception cref="ArgumentException">The calibration's tiers or judges are not the cascade's.</exception>
    public static CascadeSettings From(JudgeCascade cascade, CascadeCalibration calibration, string source)
    {
        var differences = new List<string>();
        string[] ours = cascade.Tiers.Select(t => t.Name).ToArray();
        string[] theirs = calibration.Tiers.Select(t => t.Name).ToArray();
        if (!ours.SequenceEqual(theirs, StringComparer.Ordinal))
        {
            differences.Add($"the cascade's tiers are {List(ours)}, the calibration's {List(theirs)}");
        }
        else
        {
            for (int i = 0; i < ours.Length; i++)
            {
                string[] judges = cascade.Tiers[i].Judges.Select(j => j.Name).Order(StringComparer.Ordinal).ToArray();
                string[] calibrated = calibration.Tiers[i].Judges.Select(j => j.Name).Order(StringComparer.Ordinal).ToArray();
                if (!judges.SequenceEqual(calibrated, StringComparer.Ordinal))
                {
                    differences.Add($"tier '{ours[i]}' has judges {List(judges)}, the calibration {List(calibrated)}");
                }
            }
        }

        if (differences.Count > 0)
        {
            throw new ArgumentException(
                $"The calibration {source} does not fit cascade '{cascade.Name}': {string.Join("; ", differences)}. "
                + "Collect labels with this cascade (EVALSPEC_CASCADE__ASKALLTIERS=true, then `evalspec review`) and run `evalspec calibrate` again, or remove the file.");
        }

        var stale = new List<string>();
        for (int i = 0; i < ours.Length; i++)
        {
            foreach (IJudge judge in cascade.Tiers[i].Judges)
            {
                string? now = (judge as IModelJudge)?.Model;
                string? then = calibration.Tiers[i].Judges.First(j => j.Name == judge.Name).Model;
                if (!string.Equals(now, then, StringComparison.Ordinal))
                {
                    stale.Add($"judge '{judge.Name}' (tier '{ours[i]}') was calibrated on model {Quoted(then)} and now uses {Quoted(now)}");
                }
            }
        }

        for (int i = 0; i < ours.Length; i++)
        {
            // A tier's confidence is the share of its votes that agree: with another number of samples the same threshold is a
            // different bar (one sample always has confidence 1), so the certified error bound no longer holds.
            int now = cascade.Tiers[i].Samples;
            if (calibration.Tiers[i].Samples is not int then)
            {
                stale.Add(string.Create(CultureInfo.InvariantCulture, $"tier '{ours[i]}' asks {now} sample(s) per judge, and the calibration does not record how many it was calibrated with (format {calibration.Format})"));
            }
            else if (then != now)
            {
                stale.Add(string.Create(CultureInfo.InvariantCulture, $"tier '{ours[i]}' was calibrated with {then} sample(s) per judge and now asks {now}"));
            }
        }

        string? reason = stale.Count == 0
            ? null
            : $"stale calibration {source}: {string.Join("; ", stale)}; its thresholds still apply, but collect labels and run `evalspec calibrate` again";
        return new CascadeSettings(
            calibration.Tiers.Select(t => t.Threshold).ToArray(),
            calibration.Tiers.Select(t => (IReadOnlyDictionary<string, double>?)t.Judges.ToDictionary(j => j.Name, j => j.Weight, StringComparer.Ordinal)).ToArray(),
            calibration,
            reason is null ? calibration.Guarantee : null,
            reason);
    }

    private static string List(IEnumerable<string> names) => "(" + string.Join(", ", names.Select(n => "'" + n + "'")) + ")";

    private static string Quoted(string? model) => model is null ? "(none reported)" : "'" + model + "'";
}
