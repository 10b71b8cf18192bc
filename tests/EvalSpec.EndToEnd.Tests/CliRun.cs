using System;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Cli;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// One `evalspec` command, run in-process through the tool's own entry (<see cref="CliApp"/>) with the given environment
/// variables only (so no build-server variable of the machine running the tests leaks in), capturing what it writes.
/// </summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(Func<string, string?> variables, params string[] args)
    {
        var environment = new CliEnvironment(variables, TimeProvider.System, outputIsTerminal: false);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CliApp.RunAsync(args, output, error, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}\n--- error ---\n{Error}";
}
