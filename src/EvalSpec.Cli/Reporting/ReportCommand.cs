using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Reporting.Reports;
using Spectre.Console;

namespace EvalSpec.Cli.Reporting;

/// <summary>
/// <c>evalspec report</c>: writes a run's <c>report.md</c> and <c>report.html</c> into its folder (compared with the
/// baseline, priced with a price table), prints the markdown, and appends it to <c>$GITHUB_STEP_SUMMARY</c> when set.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CommandContext context)
    {
        var runArgument = new Argument<string?>("run")
        {
            Description = "The run folder (TestResults/evalspec/<run id>), or its results.jsonl or summary.json. Default: the project's newest run.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // `--run` as well, like `gate` and `baseline update`.
        Option<string?> runOption = RunArguments.RunOption();
        Option<string?> project = RunArguments.ProjectOption();
        Option<string?> baseline = RunArguments.BaselineOption("Compare with this baseline. Default: the one the run used, else evalspec.baseline.json in the run's project, when it exists.");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Do not compare with a baseline." };
        var prices = new Option<string?>("--prices") { Description = "A JSON price table: model id -> { \"input\": USD per 1M tokens, \"output\": USD per 1M tokens }. Without it, tokens only.", HelpName = "file" };
        var open = new Option<bool>("--open") { Description = "Open report.html in the default browser." };
        var history = new Option<int?>("--history")
        {
            Description = "Chart pass rate, judge cost (with --prices; else tokens) and latency per method over the last n runs in the run's results folder, this one included.",
            HelpName = "n",
        };

        var command = new Command("report", "Write a run's report.md and report.html (pass rates, regressions, robustness, multi-prompt metrics, judges, cost) and print the markdown.")
        {
            runArgument, runOption, project, baseline, noBaseline, prices, open, history,
        };

        command.Validators.Add(result =>
        {
            if (result.GetValue(runArgument) is { } given && given.StartsWith('-') && !File.Exists(given) && !Directory.Exists(given))
            {
                result.AddError($"Unrecognized option '{given}'.");
            }

            if (result.GetValue(runArgument) is not null && result.GetValue(runOption) is not null)
            {
                result.AddError("Give the run once: as the argument or with --run.");
            }

            if (result.GetValue(noBaseline) && result.GetValue(baseline) is not null)
            {
                result.AddError("--baseline and --no-baseline cannot be used together.");
            }

            if (result.GetValue(history) is int runs && runs < 1)
            {
                result.AddError($"--history must be 1 or more (the number of runs to chart, this one included); it was {runs}.");
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            RunData run = OutputConsole.WithStatus(context.Output, context.Environment, "Reading the run...", () => RunArguments.LoadRun(parsed.GetValue(runArgument) ?? parsed.GetValue(runOption), parsed.GetValue(project)));
            string? baselinePath = null;
            if (!parsed.GetValue(noBaseline))
            {
                string? given = parsed.GetValue(baseline);
                baselinePath = RunArguments.BaselinePath(given, run, parsed.GetValue(project));
                if (given is not null && !File.Exists(baselinePath))
                {
                    throw new CliInputException($"There is no baseline at {given}. Leave --baseline out to use the run's own, or record one with `evalspec baseline update`.");
                }

                if (given is null && !File.Exists(baselinePath))
                {
                    baselinePath = null;
                }
            }

            PriceTable? priceTable = parsed.GetValue(prices) is { } pricePath ? PriceTable.Load(pricePath) : null;
            cancellationToken.ThrowIfCancellationRequested();
            RunReportFiles files = OutputConsole.WithStatus(context.Output, context.Environment, "Writing report.md and report.html...", () => RunReports.Write(
                run,
                new ReportOptions { BaselinePath = baselinePath, Prices = priceTable, History = parsed.GetValue(history) ?? 0 },
                context.Environment.GetVariable(RunReports.StepSummaryVariable)));

            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            console.Write(files.Markdown);
            console.WriteLine();
            Style written = context.Environment.UseAnsi ? new Style(Color.Green) : Style.Plain;
            console.WriteLine($"Report written to {files.MarkdownPath} and {files.HtmlPath}.", written);
            if (files.StepSummaryPath is not null)
            {
                console.WriteLine($"Appended to the GitHub step summary ({files.StepSummaryPath}).", written);
            }

            if (files.StepSummaryError is { } error)
            {
                await context.Error.WriteLineAsync("evalspec report: " + error).ConfigureAwait(false);
            }

            if (parsed.GetValue(open))
            {
                await OpenAsync(files.HtmlPath, context).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static async Task OpenAsync(string path, CommandContext context)
    {
        try
        {
            using Process? browser = Process.Start(new ProcessStartInfo(path) { UseShellExecute = true });
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            await context.Error.WriteLineAsync($"evalspec report: cannot open {path} ({ex.Message}); open it in a browser yourself.").ConfigureAwait(false);
        }
    }
}
