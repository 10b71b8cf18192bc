using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using Spectre.Console;

namespace EvalSpec.Cli.Baselines;

/// <summary>
/// <c>evalspec baseline update</c>: records a run in the committed baseline (format 3: per row outcome, reason,
/// failure kind and score; per method pass rate, multi-prompt metrics and robustness). Refused on build servers, like
/// EVALSPEC_BASELINE=update, unless <c>--force</c>.
/// </summary>
internal static class BaselineCommand
{
    private const int ListedRows = 20;

    public static Command Create(CommandContext context)
    {
        Option<string?> run = RunArguments.RunOption();
        Option<string?> project = RunArguments.ProjectOption();
        Option<string?> baseline = RunArguments.BaselineOption("The baseline file to write. Default: the one the run used, else evalspec.baseline.json in the run's project.");
        var replace = new Option<bool>("--replace") { Description = "Keep only this run's rows (drops rows of deleted cases); by default rows the run did not have are kept." };
        var force = new Option<bool>("--force") { Description = "Write even on a build server (CI, TF_BUILD, GITHUB_ACTIONS... set), e.g. in a job that opens a pull request with the new baseline." };

        var update = new Command("update", "Record a run in the baseline: each row's outcome and score, each method's pass rate, multi-prompt metrics and robustness.")
        {
            run, project, baseline, replace, force,
        };

        update.SetAction(parsed =>
        {
            if (!parsed.GetValue(force) && context.Environment.IsContinuousIntegration(out string? variable))
            {
                throw new CliInputException(
                    $"evalspec will not update the baseline on a build server ({variable} is set): record it locally from a reviewed run and commit it, or pass --force in a job meant to write it.");
            }

            RunData data = RunArguments.LoadRun(parsed.GetValue(run), parsed.GetValue(project));
            if (!data.Rows.Any(r => r.IsJudged))
            {
                throw new CliInputException($"{data.Directory} has no judged row to record.");
            }

            string path = RunArguments.BaselinePath(parsed.GetValue(baseline), data, parsed.GetValue(project));
            Baseline recorded = Baseline.Load(path);
            BaselineChanges changes = BaselineUpdate.Apply(recorded, data, parsed.GetValue(replace));

            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            string? errored = changes.ErroredNote(data.JudgedRows.Count());
            if (changes.Refused)
            {
                // An outage: nothing was written, and the command says so rather than reporting an update.
                context.Error.WriteLine($"{errored} ({changes.Path})");
                return ExitCodes.Failure;
            }

            string from = changes.PreviousVersion == 0 ? "new file" : string.Create(CultureInfo.InvariantCulture, $"was format {changes.PreviousVersion}");
            console.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"Baseline {changes.Path} written (format {changes.Format}, {from}): {changes.Rows} rows of {changes.Methods} methods from run {data.RunId}."),
                context.Environment.UseAnsi ? new Style(Color.Green) : Style.Plain);
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {changes.Added.Count} added, {changes.OutcomeChanged.Count} changed outcome, {changes.Removed.Count} removed, {changes.Kept} kept from earlier runs (not in this run)."));
            foreach ((string rowId, string before, string after) in changes.OutcomeChanged.Take(ListedRows))
            {
                console.WriteLine($"  {RowNames.Display(rowId)}: {before} -> {after}");
            }

            if (changes.OutcomeChanged.Count > ListedRows)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {changes.OutcomeChanged.Count - ListedRows} more (see git diff)"));
            }

            if (errored is not null)
            {
                console.WriteLine("  " + errored);
            }

            console.WriteLine("Review the diff and commit it.");
            return ExitCodes.Success;
        });

        return new Command("baseline", "The committed baseline (evalspec.baseline.json) the gate compares runs with.") { update, PinCommand(context), UnpinCommand(context) };
    }

    /// <summary>
    /// <c>evalspec baseline pin --labels labels.jsonl</c>: pins each labelled row's verdict (the person's label for the output
    /// they judged) in the baseline, so that a run judging that same output takes the person's verdict instead of asking
    /// the rubric judges. A row labelled on two outputs gets the latest label; a different verdict already pinned is
    /// refused unless <c>--replace</c>.
    /// </summary>
    private static Command PinCommand(CommandContext context)
    {
        var labels = new Option<string>("--labels") { Description = "The labels file written by `evalspec review` (default labels.jsonl).", HelpName = "file.jsonl", DefaultValueFactory = _ => "labels.jsonl" };
        Option<string?> project = RunArguments.ProjectOption();
        Option<string?> baseline = RunArguments.BaselineOption("The baseline file to write. Default: evalspec.baseline.json in --project (or the current folder).");
        var replace = new Option<bool>("--replace") { Description = "Replace a different verdict already pinned for a row (by default that is refused and nothing is written)." };
        var pin = new Command("pin", "Pin people's verdicts from a labels file (`evalspec review`) in the baseline: while a row's output is the one a person labelled, that label decides instead of the rubric judges.")
        {
            labels, project, baseline, replace,
        };

        pin.SetAction(async (parsed, cancellationToken) =>
        {
            string labelsPath = parsed.GetValue(labels)!;
            if (!File.Exists(labelsPath))
            {
                throw new CliInputException($"The labels file {labelsPath} does not exist: label rows first with `evalspec review <run folder> --labels {labelsPath}`.");
            }

            ReviewItem[] labelled = ReviewQueue.Read(labelsPath).Where(i => i.Label is not null).ToArray();
            if (labelled.Length == 0)
            {
                throw new CliInputException($"{labelsPath} has no labelled item: label rows first with `evalspec review`.");
            }

            var pins = new List<KeyValuePair<string, PersonVerdict>>();
            foreach (IGrouping<string, ReviewItem> row in labelled.GroupBy(i => i.RowId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                ReviewItem[] newest = row.GroupBy(i => i.LabelledAt).OrderByDescending(g => g.Key).First().ToArray();
                if (newest.Length > 1)
                {
                    // Two outputs of one row labelled at the same moment (or both without a date): which one is current is unknown.
                    throw new CliInputException($"{labelsPath} labels row {row.Key} on {newest.Length} outputs ({string.Join(", ", newest.Select(i => i.Id))}) with no later one: remove the lines of the outputs that are no longer current, then pin again.");
                }

                ReviewItem item = newest[0];
                pins.Add(new(row.Key, new PersonVerdict(item.Label!, item.Id)
                {
                    By = item.LabelledBy,
                    On = item.LabelledAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }));
            }

            string path = BaselinePath(parsed.GetValue(baseline), parsed.GetValue(project));
            (IReadOnlyList<string> pinned, IReadOnlyList<string> unchanged) = Baseline.Load(path).Pin(pins, parsed.GetValue(replace));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{pinned.Count} row(s) pinned in {path} ({unchanged.Count} already pinned the same way). A run judging the labelled output takes the person's verdict; review the diff and commit it.")).ConfigureAwait(false);
            foreach (string rowId in pinned.Take(ListedRows))
            {
                PersonVerdict person = pins.First(p => p.Key == rowId).Value;
                await context.Output.WriteLineAsync($"  {RowNames.Display(rowId)}: {person.Label} ({person.Attribution})").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return pin;
    }

    /// <summary><c>evalspec baseline unpin</c>: removes pinned people's verdicts (the rows' recorded outcomes stay).</summary>
    private static Command UnpinCommand(CommandContext context)
    {
        var rows = new Argument<string[]>("row") { Description = "The row ids to unpin (Namespace.Class.Method/case/variant/relation).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Unpin every row." };
        Option<string?> project = RunArguments.ProjectOption();
        Option<string?> baseline = RunArguments.BaselineOption("The baseline file to write. Default: evalspec.baseline.json in --project (or the current folder).");
        var unpin = new Command("unpin", "Remove people's verdicts pinned in the baseline: the rubric judges decide those rows again.") { rows, all, project, baseline };
        unpin.Validators.Add(result =>
        {
            if ((result.GetValue(rows)?.Length ?? 0) == 0 == !result.GetValue(all))
            {
                result.AddError("Give the row ids to unpin, or --all (not both).");
            }
        });

        unpin.SetAction(async (parsed, cancellationToken) =>
        {
            string path = BaselinePath(parsed.GetValue(baseline), parsed.GetValue(project));
            string[] given = parsed.GetValue(rows) ?? [];
            Baseline current = Baseline.Load(path);
            string[] unknown = given.Where(id => current.Find(id)?.Person is null).ToArray();
            if (unknown.Length > 0)
            {
                throw new CliInputException($"{path} has no person's verdict pinned for {string.Join(", ", unknown)}; nothing was written.");
            }

            IReadOnlyList<string> unpinned = current.Unpin(parsed.GetValue(all) ? null : given);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{unpinned.Count} row(s) unpinned in {path}; the rubric judges decide them again.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return unpin;
    }

    private static string BaselinePath(string? given, string? project)
    {
        string path = Path.GetFullPath(given ?? Path.Combine(project ?? Directory.GetCurrentDirectory(), Baseline.FileName));
        if (given is null && !Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new CliInputException($"The project folder {project} does not exist.");
        }

        return path;
    }
}
