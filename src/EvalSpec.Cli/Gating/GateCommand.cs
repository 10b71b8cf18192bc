using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using Spectre.Console;

namespace EvalSpec.Cli.Gating;

/// <summary>
/// <c>evalspec gate</c>: compares a run with the committed baseline and exits with 1 only on a statistically meaningful
/// regression (exact McNemar test on the rows that flipped, paired bootstrap interval of the score change), overall or
/// in an eval method. New and missing rows are listed, never failed. A run with fewer rows than the baseline is refused
/// (exit 3) unless <c>--allow-partial</c>; a sampled run is gated on its estimated pass rate and its interval.
/// </summary>
internal static class GateCommand
{
    private const int ListedRows = 20;

    public static Command Create(CommandContext context)
    {
        Option<string?> run = RunArguments.RunOption();
        Option<string?> project = RunArguments.ProjectOption();
        Option<string?> baseline = RunArguments.BaselineOption("The baseline to compare with. Default: the one the run used, else evalspec.baseline.json in the run's project.");
        var defaults = new GateOptions();
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the McNemar tests; score intervals have confidence 1 - alpha.", DefaultValueFactory = _ => defaults.Alpha, HelpName = "p" };
        var minDrop = new Option<double>("--min-drop") { Description = "A significant pass-rate drop fails only when at least this large (0-1).", DefaultValueFactory = _ => defaults.MinDrop, HelpName = "x" };
        var minScoreDrop = new Option<double>("--min-score-drop") { Description = "A score regression needs the whole interval of the mean score change below minus this (0-1).", DefaultValueFactory = _ => defaults.MinScoreDrop, HelpName = "x" };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples of the mean score change.", DefaultValueFactory = _ => defaults.Resamples, HelpName = "n" };
        var correction = new Option<string>("--correction") { Description = "Per-method multiple-testing correction: holm (Holm p-values, Bonferroni intervals) or none.", DefaultValueFactory = _ => "holm" };
        correction.AcceptOnlyFromAmong("holm", "none");
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this path.", HelpName = "path" };
        var spendRun = new Option<string?>("--spend-baseline") { Description = "An earlier run (folder or summary.json) to compare tokens, cost and p95 latency per method with; informational unless a --max-*-increase limit is set.", HelpName = "run" };
        var maxTokenIncrease = new Option<double?>("--max-token-increase") { Description = "With --spend-baseline: fail when a method's tokens per row rose by more than this fraction (0.2 = 20%).", HelpName = "x" };
        var maxCostIncrease = new Option<double?>("--max-cost-increase") { Description = "With --spend-baseline: fail when a method's cost per row rose by more than this fraction.", HelpName = "x" };
        var maxLatencyIncrease = new Option<double?>("--max-latency-increase") { Description = "With --spend-baseline: fail when a method's p95 latency rose by more than this fraction.", HelpName = "x" };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Gate a run with fewer rows than the baseline (a filtered run) on the rows it has; without it such a run is refused with exit code 3." };

        var command = new Command("gate", "Compare a run with the baseline; exit 1 only on a statistically meaningful regression (McNemar on flipped rows, bootstrap on scores), 3 when the run covers only part of the baseline.")
        {
            run, project, baseline, alpha, minDrop, minScoreDrop, resamples, correction, json, allowPartial, spendRun, maxTokenIncrease, maxCostIncrease, maxLatencyIncrease,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new GateOptions
            {
                Alpha = parsed.GetValue(alpha),
                MinDrop = parsed.GetValue(minDrop),
                MinScoreDrop = parsed.GetValue(minScoreDrop),
                Resamples = parsed.GetValue(resamples),
                Correction = parsed.GetValue(correction) == "none" ? GateCorrection.None : GateCorrection.Holm,
                AllowPartial = parsed.GetValue(allowPartial),
            };
            if (options.Validate() is { } problem)
            {
                throw new CliInputException($"Invalid gate thresholds: {problem}.");
            }

            RunData data = OutputConsole.WithStatus(context.Output, context.Environment, "Reading the run...", () => RunArguments.LoadRun(parsed.GetValue(run), parsed.GetValue(project)));
            string baselinePath = RunArguments.BaselinePath(parsed.GetValue(baseline), data, parsed.GetValue(project));
            Baseline recorded = Baseline.Load(baselinePath);
            if (!recorded.Exists)
            {
                throw new CliInputException(
                    $"There is no baseline at {baselinePath}. Record one from a reviewed run with `evalspec baseline update --run {data.Directory}` and commit it, or pass --baseline <file>.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            GateResult result = OutputConsole.WithStatus(context.Output, context.Environment, "Comparing with the baseline (exact McNemar tests, paired bootstrap)...", () => RegressionGate.Evaluate(recorded, data, options));
            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            Write(console, result, context.Environment);

            if (parsed.GetValue(json) is { } jsonPath)
            {
                GateJsonWriter.Write(jsonPath, result);
                console.WriteLine($"Gate result written to {jsonPath}.");
            }

            (double? Value, string Name)[] limits = { (parsed.GetValue(maxTokenIncrease), "--max-token-increase"), (parsed.GetValue(maxCostIncrease), "--max-cost-increase"), (parsed.GetValue(maxLatencyIncrease), "--max-latency-increase") };
            if (limits.FirstOrDefault(l => l.Value is double v && !(v >= 0 && double.IsFinite(v))) is { Name: { } badLimit })
            {
                throw new CliInputException($"{badLimit} must be a fraction of 0 or more (0.2 = 20%).");
            }

            bool spendBroken = false;
            if (parsed.GetValue(spendRun) is { } earlierRun)
            {
                spendBroken = WriteSpend(console, context.Environment, RunData.Load(earlierRun), data, limits[0].Value, limits[1].Value, limits[2].Value);
            }
            else if (limits.Any(l => l.Value is not null))
            {
                throw new CliInputException("--max-token-increase, --max-cost-increase and --max-latency-increase compare with an earlier run: give it with --spend-baseline <run>.");
            }
            else if (data.Summary?.Spend is { Count: > 0 })
            {
                // The baseline keeps no spend (latency changes on every run): by default the change is shown against the
                // newest earlier run beside this one that has spend figures, never failed.
                if (PreviousRunWithSpend(data) is { } previous)
                {
                    WriteSpend(console, context.Environment, previous, data, null, null, null, "the previous run with spend figures; choose another with --spend-baseline <run>");
                }
                else
                {
                    console.WriteLine("Spend: not compared: no earlier run with tokens, latency or cost beside this run; compare with one with --spend-baseline <run>.");
                    console.WriteLine();
                }
            }

            if (spendBroken)
            {
                await context.Error.WriteLineAsync("evalspec gate: FAILED: tokens, cost or latency rose past a limit set on the command line.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            if (result.Passed)
            {
                return ExitCodes.Success;
            }

            await context.Error.WriteLineAsync("evalspec gate: " + GateText.Headline(result)).ConfigureAwait(false);
            return result.Refused ? ExitCodes.GateRefused : ExitCodes.Failure;
        });

        return command;
    }

    private static void Write(IAnsiConsole console, GateResult result, CliEnvironment environment)
    {
        console.WriteLine($"Run: {result.RunDirectory}");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline: {result.BaselinePath} (version {result.BaselineVersion})"));
        console.WriteLine(result.Coverage.Sampled
            ? $"Coverage: {result.Coverage.Describe()} in the population the sample was drawn from (a sampled run: gated on its estimate)"
            : $"Coverage: {result.Coverage.Describe()} in the run");
        if (result.Sample is { } sample)
        {
            console.WriteLine("Sample: " + GateText.Estimate(sample));
        }

        console.WriteLine();

        Table table = OutputConsole.CreateTable(environment).AddColumn("Scope");
        foreach (string column in new[] { "Paired", "Pass rate (baseline -> run)", "Stopped passing", "Started passing", "McNemar p", "Adjusted p", "Score change [interval]", "Regression" })
        {
            table.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (PairedComparison c in new[] { result.Overall }.Concat(result.Methods).Where(c => c.Pairs > 0))
        {
            string regression = string.Join(", ", new[] { c.PassRateRegression ? "pass rate" : null, c.ScoreRegression ? "score" : null }.OfType<string>());
            table.AddRow(
                new Text(c.MethodId is null ? "all rows" : RowNames.ShortMethod(c.MethodId)),
                new Text(c.Pairs.ToString(CultureInfo.InvariantCulture)),
                new Text($"{ReportFormat.Rate(c.BaselinePassRate)} -> {ReportFormat.Rate(c.RunPassRate)}"),
                new Text(c.B.ToString(CultureInfo.InvariantCulture)),
                new Text(c.C.ToString(CultureInfo.InvariantCulture)),
                new Text(ReportFormat.PValue(c.PValue)),
                new Text(c.MethodId is null ? "-" : ReportFormat.PValue(c.AdjustedPValue)),
                new Text(c.ScoreChange is { } i ? ReportFormat.Interval(i.Mean, i.Lower, i.Upper) + (c.ScoreNote is null ? string.Empty : " *") : "-"),
                new Text(regression.Length == 0 ? "-" : regression, environment.UseAnsi && regression.Length > 0 ? new Style(Color.Red) : Style.Plain));
        }

        if (table.Rows.Count > 0)
        {
            OutputConsole.WriteTable(console, table, environment);
            if (new[] { result.Overall }.Concat(result.Methods).Any(c => c.ScoreNote is not null && c.ScoreChange is not null))
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"* fewer than {result.Options.MinScorePairs} rows scored in both: shown, not judged."));
            }

            console.WriteLine();
        }

        foreach (GateRegression regression in result.Regressions)
        {
            console.WriteLine(GateText.Describe(regression, result.Options), environment.UseAnsi ? new Style(Color.Red) : Style.Plain);
            // The rows once: under each method, or under all rows when no method regressed on its own (Holm, or spread thin).
            bool listedByMethod = regression.MethodId is null && result.Regressions.Any(r => r.MethodId is not null && r.Kind == GateRegressionKind.PassRate);
            if (regression.Kind == GateRegressionKind.PassRate && !listedByMethod)
            {
                List("  ", regression.Comparison.PassToNotPassing.Select(GateText.Row), console);
            }
        }

        if (result.Regressions.Count > 0)
        {
            console.WriteLine();
        }

        Section(console, "Started passing", result.Overall.NotPassingToPass.Select(GateText.Row));
        Section(console, "Inconclusive now (counted as not passing)", result.InconclusiveRows.Select(GateText.Row));
        Section(console, "New rows, not in the baseline (not compared)", result.NewRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Section(console, "Baseline rows not in this run (not compared)", result.MissingRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Section(console, "Baseline rows not applicable in this run (not compared)", result.NotApplicableRows.Select(id => $"{RowNames.Display(id)} ({id})"));

        MethodMetricChange[] changed = result.MethodChanges.Where(c => c.HasChanged).ToArray();
        if (changed.Length > 0)
        {
            console.WriteLine("Method metrics (informational, never failed):");
            Table metrics = OutputConsole.CreateTable(environment).AddColumn("Method");
            foreach (string column in new[] { "Pass rate", "CPS", "Attack success", "Weighted attack success" })
            {
                metrics.AddColumn(new TableColumn(new Text(column)).RightAligned());
            }

            foreach (MethodMetricChange change in changed)
            {
                metrics.AddRow(
                    new Text(RowNames.ShortMethod(change.MethodId)),
                    new Text(ReportFormat.Transition(change.BaselinePassRate, change.RunPassRate, "->")),
                    new Text(ReportFormat.Transition(change.BaselineCps, change.RunCps, "->")),
                    new Text(ReportFormat.Transition(change.BaselineAttackSuccessRate, change.RunAttackSuccessRate, "->")),
                    new Text(ReportFormat.Transition(change.BaselineWeightedAttackSuccessRate, change.RunWeightedAttackSuccessRate, "->")));
            }

            OutputConsole.WriteTable(console, metrics, environment);
            console.WriteLine();
        }

        foreach (string note in result.Notes)
        {
            console.WriteLine("Note: " + note);
        }

        console.WriteLine(GateText.Headline(result), environment.UseAnsi ? new Style(result.Passed ? Color.Green : Color.Red, decoration: Decoration.Bold) : Style.Plain);
    }

    /// <summary>The newest run before <paramref name="run"/> in its results folder whose summary has spend figures (of the last few), or null.</summary>
    private static RunData? PreviousRunWithSpend(RunData run)
    {
        foreach (string folder in EarlierRuns.Before(run).Take(SpendRunsSearched))
        {
            try
            {
                RunData earlier = RunData.Load(folder);
                if (earlier.Summary?.Spend is { Count: > 0 })
                {
                    return earlier;
                }
            }
            catch (System.Exception ex) when (ex is RunDataException or System.IO.IOException or System.Text.Json.JsonException or System.UnauthorizedAccessException)
            {
                // A folder that is not a readable run (cut short, another version) is passed over, as the reports do.
            }
        }

        return null;
    }

    private const int SpendRunsSearched = 10;

    /// <summary>Tokens, cost and p95 latency per method against an earlier run; true when a limit set on the command line was broken.</summary>
    private static bool WriteSpend(IAnsiConsole console, CliEnvironment environment, RunData earlier, RunData run, double? maxTokens, double? maxCost, double? maxLatency, string? which = null)
    {
        if (earlier.Summary?.Spend is not { Count: > 0 } before || run.Summary?.Spend is not { Count: > 0 } now)
        {
            string without = earlier.Summary?.Spend is { Count: > 0 } ? "this run" : "the run " + earlier.Directory;
            console.WriteLine($"Spend: not compared: {without} has no tokens, latency or cost in its summary.json (a run before budgets).");
            bool limited = maxTokens is not null || maxCost is not null || maxLatency is not null;
            return limited;
        }

        IReadOnlyList<SpendChange> changes = SpendComparison.Compare(before, now, maxTokens, maxCost, maxLatency);
        string mode = (maxTokens ?? maxCost ?? maxLatency) is null ? "informational" : "failing past the limits given";
        console.WriteLine($"Spend per row against {earlier.Directory} ({mode}{(which is null ? string.Empty : "; " + which)}):");
        Table table = OutputConsole.CreateTable(environment).AddColumn("Method");
        foreach (string column in new[] { "Tokens per row", "Cost per row", "p95 latency" })
        {
            table.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (SpendChange change in changes)
        {
            table.AddRow(
                new Text(RowNames.ShortMethod(change.MethodId)),
                new Text(string.Create(CultureInfo.InvariantCulture, $"{change.TokensPerRowBefore:N0} -> {change.TokensPerRowNow:N0} ({SpendComparison.Percent(SpendComparison.Relative(change.TokensPerRowBefore, change.TokensPerRowNow))})")),
                new Text(change.CostPerRowBefore is double cb && change.CostPerRowNow is double cn
                    ? $"{ReportFormat.Dollars(cb)} -> {ReportFormat.Dollars(cn)} ({SpendComparison.Percent(SpendComparison.Relative(cb, cn))})"
                    : "-"),
                new Text(string.Create(CultureInfo.InvariantCulture, $"{change.P95LatencyBefore:N0} ms -> {change.P95LatencyNow:N0} ms ({SpendComparison.Percent(SpendComparison.Relative(change.P95LatencyBefore, change.P95LatencyNow))})")));
        }

        OutputConsole.WriteTable(console, table, environment);
        foreach (SpendChange change in changes.Where(c => c.Broken.Count > 0))
        {
            foreach (string broken in change.Broken)
            {
                console.WriteLine($"{RowNames.ShortMethod(change.MethodId)}: {broken}", environment.UseAnsi ? new Style(Color.Red) : Style.Plain);
            }
        }

        console.WriteLine();
        return changes.Any(c => c.Broken.Count > 0);
    }

    private static void Section(IAnsiConsole console, string title, IEnumerable<string> lines)
    {
        string[] all = lines.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {all.Length}"));
        List("  ", all, console);
        console.WriteLine();
    }

    private static void List(string indent, IEnumerable<string> lines, IAnsiConsole console)
    {
        string[] all = lines.ToArray();
        foreach (string line in all.Take(ListedRows))
        {
            console.WriteLine(indent + "- " + line);
        }

        if (all.Length > ListedRows)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}- ... and {all.Length - ListedRows} more (--json lists them all)"));
        }
    }
}
