using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Cli.Comparing;
using EvalSpec.Cli.Paraphrasing;

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
        var root = new Command("evalspec", "EvalSpec command-line tool: prompt paraphrases for .prompts files, and multi-prompt comparison of runs.")
        {
            new HelpOption(),
            new VersionOption(),
            ParaphraseCommand.Create(context),
            CompareCommand.Create(context),
        };

        // No response files: a prompt template given with --template may well start with '@'.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (ParseError parseError in parsed.Errors)
            {
                await error.WriteLineAsync("evalspec: " + parseError.Message).ConfigureAwait(false);
            }

            string command = parsed.CommandResult.Command == root ? "evalspec" : "evalspec " + parsed.CommandResult.Command.Name;
            await error.WriteLineAsync($"Run '{command} --help' for the options.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (CliInputException ex)
        {
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
