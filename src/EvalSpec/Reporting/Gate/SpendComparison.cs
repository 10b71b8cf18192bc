using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// Tokens, cost and latency of a run's methods against an earlier run's (both from <c>summary.json</c> <c>spend</c>), for the
/// gate's informational lines; a change fails the gate only past a limit the user set (<c>--max-cost-increase</c>,
/// <c>--max-latency-increase</c>, <c>--max-token-increase</c>: fractions, 0.2 = 20%).
/// </summary>
internal static class SpendComparison
{
    /// <summary>One line per method present in both runs, and the limits each one breaks.</summary>
    public static IReadOnlyList<SpendChange> Compare(
        IReadOnlyDictionary<string, MethodSpend> earlier,
        IReadOnlyDictionary<string, MethodSpend> run,
        double? maxTokenIncrease,
        double? maxCostIncrease,
        double? maxLatencyIncrease)
    {
        var changes = new List<SpendChange>();
        foreach ((string method, MethodSpend now) in run.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!earlier.TryGetValue(method, out MethodSpend? before) || before.Total.Rows == 0 || now.Total.Rows == 0)
            {
                continue;
            }

            // Per row, so that a run with more or fewer rows of a method compares like with like.
            double tokensBefore = (before.Total.SutTokens + before.Total.JudgeTokens) / (double)before.Total.Rows;
            double tokensNow = (now.Total.SutTokens + now.Total.JudgeTokens) / (double)now.Total.Rows;
            double? costBefore = before.Total.CostUsd / before.Total.Rows;
            double? costNow = now.Total.CostUsd / now.Total.Rows;
            var broken = new List<string>();
            Check("tokens per row", tokensBefore, tokensNow, maxTokenIncrease, broken);
            if (costBefore is double cb && costNow is double cn)
            {
                Check("cost per row", cb, cn, maxCostIncrease, broken);
            }
            else if (maxCostIncrease is not null)
            {
                broken.Add("cost per row cannot be compared: a run has rows whose models have no price");
            }

            Check("p95 latency", before.Total.P95LatencyMs, now.Total.P95LatencyMs, maxLatencyIncrease, broken);
            changes.Add(new SpendChange(method, tokensBefore, tokensNow, costBefore, costNow, before.Total.P95LatencyMs, now.Total.P95LatencyMs, broken));
        }

        return changes;
    }

    /// <summary>The relative change from <paramref name="before"/> to <paramref name="now"/> (null when before is 0).</summary>
    public static double? Relative(double before, double now) => before > 0 ? (now - before) / before : null;

    public static string Percent(double? change) => change is double c ? c.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "new";

    private static void Check(string what, double before, double now, double? limit, List<string> broken)
    {
        if (limit is double max && (before > 0 ? Relative(before, now) > max : now > 0))
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"{what} rose {Percent(Relative(before, now))}, more than the allowed +{max:0.##%}"));
        }
    }
}

/// <summary>A method's spend in an earlier run and in this one, and the limits it broke (empty: informational only).</summary>
internal sealed record SpendChange(string MethodId, double TokensPerRowBefore, double TokensPerRowNow, double? CostPerRowBefore, double? CostPerRowNow, double P95LatencyBefore, double P95LatencyNow, IReadOnlyList<string> Broken);
