using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Spectre.Console;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// <c>evalspec compare</c>: compares runs of one suite against several system configurations (models, settings).
/// Per eval method: MaxP, AvgP, saturation and CPS of each configuration, and Kendall's W of the prompt variants
/// over the configurations, which says whether a leaderboard of the configurations survives a change of wording.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CommandContext context)
    {
        var runs = new Argument<string[]>("summary")
        {
            Description = "Run folders (TestResults/evalspec/<run id>) or summary.json paths, one per configuration.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<string?>("--json") { Description = "Also write the comparison as JSON to this path.", HelpName = "path" };
        var minW = new Option<double?>("--min-w") { Description = "Exit with 1 when any method's Kendall's W is below this value (for CI).", HelpName = "x" };

        var command = new Command("compare", "Compare runs of the same suite against several configurations: multi-prompt metrics and Kendall's W per eval method.")
        {
            runs, json, minW,
        };

        command.Validators.Add(result =>
        {
            string[] given = result.GetValue(runs) ?? [];

            // The run argument takes any token, so a mistyped option would otherwise be reported as a missing run.
            foreach (string unknown in given.Where(v => v.StartsWith('-') && !File.Exists(v) && !Directory.Exists(v)))
            {
                result.AddError($"Unrecognized option '{unknown}'.");
            }

            if (given.Length == 1)
            {
                result.AddError("Give at least two runs to compare (run folders or summary.json paths).");
            }

        });
        minW.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double x && !(x >= 0 && x <= 1))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--min-w must be between 0 and 1 (got {x}): Kendall's W is in [0, 1]."));
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            RunSummary[] summaries = parsed.GetValue(runs)!.Select(RunSummaryReader.Read).ToArray();
            ConfigurationComparison comparison = ConfigurationComparison.Compare(summaries);
            double? threshold = parsed.GetValue(minW);
            string[] below = threshold is double t
                ? comparison.Methods.Where(m => m.KendallW < t).Select(m => m.Method).ToArray()
                : [];

            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            ComparisonReport.Write(console, comparison, context.Environment);

            if (parsed.GetValue(json) is { } jsonPath)
            {
                ComparisonJsonWriter.Write(jsonPath, comparison, threshold, below);
                console.WriteLine();
                console.WriteLine($"Comparison written to {jsonPath}.");
            }

            if (threshold is not double minimum)
            {
                return ExitCodes.Success;
            }

            return await GateAsync(context, comparison, minimum, below).ConfigureAwait(false);
        });

        return command;
    }

    private static async Task<int> GateAsync(CommandContext context, ConfigurationComparison comparison, double minimum, IReadOnlyCollection<string> below)
    {
        string threshold = minimum.ToString(CultureInfo.InvariantCulture);
        if (comparison.Methods.Count == 0)
        {
            await context.Error.WriteLineAsync($"evalspec compare: --min-w {threshold} cannot be checked: no eval method is in two or more runs.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        foreach (MethodComparison method in comparison.Methods.Where(m => m.KendallW is null))
        {
            await context.Error.WriteLineAsync($"evalspec compare: {method.Method} is not checked against --min-w: Kendall's W is undefined ({method.UndefinedReason}).").ConfigureAwait(false);
        }

        if (below.Count == 0)
        {
            return ExitCodes.Success;
        }

        IEnumerable<string> failing = comparison.Methods
            .Where(m => below.Contains(m.Method))
            .Select(m => $"{m.Method} (W = {ComparisonReport.Number(m.KendallW!.Value)})");
        await context.Error.WriteLineAsync(
            $"evalspec compare: Kendall's W is below --min-w {threshold} for {string.Join(", ", failing)}: the prompt variants disagree on the order of the configurations.").ConfigureAwait(false);
        return ExitCodes.Failure;
    }
}
