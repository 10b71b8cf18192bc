using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Statistics;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// Compares runs of one suite against several system configurations, method by method: the multi-prompt metrics of
/// each configuration, and whether the prompt variants agree on the order of the configurations (Kendall's W with the
/// variants as raters and the configurations as items; Mizrahi et al. 2024).
/// </summary>
internal sealed class ConfigurationComparison
{
    private ConfigurationComparison(IReadOnlyList<RunSummary> runs, IReadOnlyList<MethodComparison> methods, IReadOnlyDictionary<string, string> notCompared)
    {
        Runs = runs;
        Methods = methods;
        NotCompared = notCompared;
    }

    /// <summary>The runs, in the order given.</summary>
    public IReadOnlyList<RunSummary> Runs { get; }

    /// <summary>The methods present in at least two runs, in ordinal order of their ids.</summary>
    public IReadOnlyList<MethodComparison> Methods { get; }

    /// <summary>Methods present in one run only, with that run's label.</summary>
    public IReadOnlyDictionary<string, string> NotCompared { get; }

    /// <exception cref="CliInputException">Two runs have the same configuration label.</exception>
    public static ConfigurationComparison Compare(IReadOnlyList<RunSummary> runs)
    {
        var labels = new Dictionary<string, RunSummary>(StringComparer.Ordinal);
        foreach (RunSummary run in runs)
        {
            if (labels.TryGetValue(run.Label, out RunSummary? other))
            {
                throw new CliInputException(
                    $"{other.Path} and {run.Path} have the same configuration label '{run.Label}'. Compare runs of different configurations, " +
                    "labelled when each runs with EVALSPEC_CONFIGURATION=<label> (without one, the run folder's name is the label).");
            }

            labels.Add(run.Label, run);
        }

        var methods = new List<MethodComparison>();
        var notCompared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string method in runs.SelectMany(r => r.Methods.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            RunSummary[] having = runs.Where(r => r.Methods.ContainsKey(method)).ToArray();
            if (having.Length < 2)
            {
                notCompared.Add(method, having[0].Label);
                continue;
            }

            methods.Add(CompareMethod(method, having.Select(r => (r.Label, r.Methods[method])).ToArray()));
        }

        return new ConfigurationComparison(runs, methods, notCompared);
    }

    private static MethodComparison CompareMethod(string method, (string Label, MethodPassRates Results)[] configurations)
    {
        (string Label, IReadOnlyDictionary<string, double> Rates)[] ranked = configurations
            .Where(c => c.Results.VariantPassRate is not null)
            .Select(c => (c.Label, c.Results.VariantPassRate!))
            .ToArray();
        string[] unranked = configurations.Where(c => c.Results.VariantPassRate is null).Select(c => c.Label).ToArray();

        // Variants in the order the first configuration lists them: the raters must be the same in every configuration.
        string[] allVariants = configurations.SelectMany(c => c.Results.Variants).Distinct(StringComparer.Ordinal).ToArray();
        string[] shared = allVariants.Where(v => ranked.Length > 0 && ranked.All(c => c.Rates.ContainsKey(v))).ToArray();
        string[] leftOut = allVariants.Where(v => !shared.Contains(v, StringComparer.Ordinal)).ToArray();

        ConfigurationRow[] rows = configurations
            .Select(c => new ConfigurationRow(
                c.Label,
                c.Results.VariantPassRate,
                c.Results.VariantPassRate is { } rates && shared.Length > 0 ? MultiPromptMetrics.FromVariantPerformance(shared.Select(v => rates[v]).ToArray()) : null))
            .ToArray();

        double? w = null;
        string? undefined = null;
        if (ranked.Length < 2)
        {
            undefined = string.Create(CultureInfo.InvariantCulture, $"fewer than two configurations: only {ranked.Length} of {configurations.Length} ha{(ranked.Length == 1 ? "s" : "ve")} pass rates for this method");
        }
        else if (shared.Length < 2)
        {
            undefined = shared.Length == 0
                ? "fewer than two variants: no prompt variant has a pass rate in every configuration"
                : $"fewer than two variants: only '{shared[0]}' has a pass rate in every configuration";
        }
        else
        {
            // scores[variant][configuration]: the variants rate the configurations.
            double[][] scores = shared.Select(v => ranked.Select(c => c.Rates[v]).ToArray()).ToArray();
            w = KendallW.Compute(scores);
            undefined = w is null ? "every variant ties every configuration (each variant gives all configurations the same pass rate)" : null;
        }

        // An order needs two configurations to put in it.
        VariantRanking[] rankings = ranked.Length < 2 ? [] : shared
            .Select(v => new VariantRanking(
                v,
                ranked.GroupBy(c => c.Rates[v]).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<string>)g.Select(c => c.Label).ToArray()).ToArray()))
            .ToArray();
        string[] best = rankings.Length == 0
            ? Array.Empty<string>()
            : rankings.Select(r => (IEnumerable<string>)r.Groups[0]).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal)).ToArray();

        return new MethodComparison(method, rows, shared, leftOut, ranked.Select(c => c.Label).ToArray(), unranked, w, undefined, rankings, best);
    }
}
