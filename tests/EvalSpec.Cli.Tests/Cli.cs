using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace EvalSpec.Cli.Tests;

/// <summary>Runs the tool in-process, with its own environment variables and clock, and captures what it writes.</summary>
internal static class Cli
{
    /// <summary>The date the tool sees: 2026-03-14 in UTC (the fake clock's local time zone).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var environment = new CliEnvironment(
            name => variables.TryGetValue(name, out string? value) ? value : null,
            new FakeTimeProvider(Now),
            outputIsTerminal: false);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CliApp.RunAsync(args, output, error, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
