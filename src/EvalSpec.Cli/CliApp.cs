using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Cli.Baselines;
using EvalSpec.Cli.Calibrating;
using EvalSpec.Cli.Comparing;
using EvalSpec.Cli.Gating;
using EvalSpec.Cli.Paraphrasing;
using EvalSpec.Cli.Reporting;
using EvalSpec.Cli.Snapshots;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Cli;

/// <summary>
/// The <c>evalspec</c> command line: parses the arguments, runs the command, and turns its outcome into an exit
/// code. Everything goes through the writers and the <see cref="CliEnvironment"/> it is given, so tests run it
/// in-process exactly as the tool runs.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs <c>evalspec</c> with <paramref name="args"/>.</summary>
    /// <returns><see cref="ExitCodes.Success"/>, <see cref="ExitCodes.Failure"/> or <see cref="ExitCodes.UsageError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);

        var context = new CommandContext(output, error, environment);
        // A plain command rather than RootCommand, whose name is the executable's (EvalSpec.Cli, or testhost in tests):
        // help shows the name people type.
        var root = new Command("evalspec", "EvalSpec command-line tool: reports, the regression gate and the baseline of runs; snapshot files; prompt paraphrases; multi-prompt comparison of runs; judge cascade calibration and the review queue.")
        {
            new HelpOption(),
            new VersionOption(),
            ReportCommand.Create(context),
            GateCommand.Create(context),
            BaselineCommand.Create(context),
            AcceptCommand.Create(context),
            CleanCommand.Create(context),
            ParaphraseCommand.Create(context),
            CompareCommand.Create(context),
            CalibrateCommand.Create(context),
            ReviewCommand.Create(context),
            Merging.MergeCommand.Create(context),
        };

        // No response files: a prompt template given with --template may well start with '@'.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (ParseError parseError in parsed.Errors)
            {
                await error.WriteLineAsync("evalspec: " + parseError.Message).ConfigureAwait(false);
            }

            // The full command as typed ("evalspec baseline update"), root first.
            var names = new System.Collections.Generic.List<string>();
            for (CommandResult? result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }

            string command = string.Join(' ', names);
            await error.WriteLineAsync($"Run '{command} --help' for the options.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CliInputException or RunDataException or EvalConfigurationException or Judging.CalibrationException)
        {
            // A missing run, a malformed file, an unreadable baseline: the message says which and what to do.
            await error.WriteLineAsync("evalspec: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("evalspec: cancelled.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // A bug in the tool still ends in a message and an exit code, not a crash dialog.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync("evalspec: unexpected error; please report it with the command you ran:\n" + ex).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
