using System.CommandLine;
using System.Globalization;
using System.Linq;
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
                string.Create(CultureInfo.InvariantCulture, $"Baseline {changes.Path} written (format {Baseline.CurrentVersion}, {from}): {changes.Rows} rows of {changes.Methods} methods from run {data.RunId}."),
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

        return new Command("baseline", "The committed baseline (evalspec.baseline.json) the gate compares runs with.") { update };
    }
}
