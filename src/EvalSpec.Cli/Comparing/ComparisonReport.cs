using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace EvalSpec.Cli.Comparing;

/// <summary>Writes a <see cref="ConfigurationComparison"/> for a person: a table per method, W, the rankings and the best configuration.</summary>
internal static class ComparisonReport
{
    public static void Write(IAnsiConsole console, ConfigurationComparison comparison, CliEnvironment environment)
    {
        console.WriteLine("Runs:");
        foreach (RunSummary run in comparison.Runs)
        {
            console.WriteLine($"  {run.Label}: {run.Path}");
        }

        if (comparison.Methods.Count == 0)
        {
            console.WriteLine();
            console.WriteLine("No eval method with prompt variants is in two or more of these runs: nothing to compare.");
        }

        foreach (MethodComparison method in comparison.Methods)
        {
            console.WriteLine();
            WriteMethod(console, method, environment);
        }

        if (comparison.NotCompared.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Not compared (in one run only):");
            foreach (KeyValuePair<string, string> method in comparison.NotCompared)
            {
                console.WriteLine($"  {method.Key} (only in {method.Value})");
            }
        }
    }

    /// <summary>A pass rate or metric as shown: three decimals, invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteMethod(IAnsiConsole console, MethodComparison method, CliEnvironment environment)
    {
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{method.Method}: {method.Rows.Count} configurations, {method.SharedVariants.Count} prompt variant(s) in every one"));

        string[] variantColumns = method.SharedVariants.Concat(method.LeftOutVariants).ToArray();
        Table table = OutputConsole.CreateTable(environment).AddColumn("Configuration");
        foreach (string column in new[] { "MaxP", "AvgP", "Saturation", "CPS" }.Concat(variantColumns))
        {
            table.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (ConfigurationRow row in method.Rows)
        {
            var cells = new List<string> { row.Configuration };
            cells.AddRange(row.Scores is { } s ? new[] { Number(s.MaxP), Number(s.AvgP), Number(s.Saturation), Number(s.Cps) } : Enumerable.Repeat("-", 4));
            cells.AddRange(variantColumns.Select(v => row.PassRates is { } rates && rates.TryGetValue(v, out double rate) ? Number(rate) : "-"));
            table.AddRow(cells.Select(c => new Text(c)));
        }

        OutputConsole.WriteTable(console, table, environment);

        if (method.LeftOutVariants.Count > 0)
        {
            console.WriteLine($"  Left out of MaxP, AvgP, saturation, CPS and W (no pass rate in every configuration): {string.Join(", ", method.LeftOutVariants)}.");
        }

        if (method.Unranked.Count > 0)
        {
            console.WriteLine($"  No pass rates (no case ran under every variant), left out of W: {string.Join(", ", method.Unranked)}.");
        }

        console.WriteLine(method.KendallW is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"  Kendall's W = {Number(w)} over {method.Ranked.Count} configurations ranked by {method.SharedVariants.Count} prompt variants (1: every variant orders them the same way; 0: no agreement).")
            : $"  Kendall's W is undefined: {method.UndefinedReason}.");

        if (method.Rankings.Count == 0)
        {
            return;
        }

        Dictionary<string, IReadOnlyDictionary<string, double>> rates = method.Rows.Where(r => r.PassRates is not null).ToDictionary(r => r.Configuration, r => r.PassRates!);
        console.WriteLine("  Ranking under each variant (pass rate):");
        foreach (VariantRanking ranking in method.Rankings)
        {
            string order = string.Join(" > ", ranking.Groups.Select(g => string.Join(" = ", g.Select(c => $"{c} ({Number(rates[c][ranking.Variant])})"))));
            console.WriteLine($"    {ranking.Variant}: {order}");
        }

        if (method.BestUnderEveryVariant.Count > 0)
        {
            string best = string.Join(" and ", method.BestUnderEveryVariant);
            console.WriteLine(method.BestUnderEveryVariant.Count == 1
                ? $"  Best configuration: {best}, under every variant."
                : $"  Best configuration: {best} (tied), under every variant.");
        }
        else
        {
            string perVariant = string.Join("; ", method.Rankings.Select(r => $"{r.Variant}: {string.Join(" = ", r.Groups[0])}"));
            console.WriteLine($"  The best configuration depends on the prompt variant ({perVariant}).");
        }
    }
}
