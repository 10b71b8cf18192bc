using System;

namespace EvalSpec.Cli;

/// <summary>
/// What a command reads from its surroundings besides its arguments: environment variables, the clock, and whether
/// standard output is a terminal. Tests pass their own, so no test depends on (or changes) the process environment.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly Func<string, string?> _getVariable;

    public CliEnvironment(Func<string, string?> getVariable, TimeProvider time, bool outputIsTerminal)
    {
        _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        OutputIsTerminal = outputIsTerminal;
    }

    /// <summary>The clock: the date in the comment written above new paraphrases, the age of run folders.</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether standard output goes to a terminal (not a file or a pipe).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>
    /// Colours and terminal control codes only on a terminal outside CI: redirected output and CI logs get plain
    /// text that reads the same in a file. <c>NO_COLOR</c> (no-color.org) is honoured too.
    /// </summary>
    public bool UseAnsi => OutputIsTerminal && string.IsNullOrEmpty(GetVariable("CI")) && string.IsNullOrEmpty(GetVariable("NO_COLOR"));

    /// <summary>
    /// The console a person answers prompts in (<c>evalspec review</c> without --export or --import); null when input or
    /// output is redirected or on a build server: then nothing may wait for a person.
    /// </summary>
    public Spectre.Console.IAnsiConsole? Terminal { get; init; }

    /// <summary>The real process: its environment variables, the system clock and its standard output.</summary>
    public static CliEnvironment FromProcess()
    {
        bool terminal = !Console.IsOutputRedirected && !Console.IsInputRedirected
            && !EvalSpec.Execution.ContinuousIntegration.IsDetected(Environment.GetEnvironmentVariable, out _);
        return new(Environment.GetEnvironmentVariable, TimeProvider.System, !Console.IsOutputRedirected)
        {
            Terminal = terminal ? Spectre.Console.AnsiConsole.Console : null,
        };
    }

    /// <summary>The value of an environment variable, or null when it is not set.</summary>
    public string? GetVariable(string name) => _getVariable(name);

    /// <summary>The build-server variables, the runtime's own list (see <c>EvalSpec.Execution.ContinuousIntegration</c>).</summary>
    internal static string[] ContinuousIntegrationVariables => EvalSpec.Execution.ContinuousIntegration.Variables.AsSpan().ToArray();

    /// <summary>Whether this is a build server, where recorded files (baselines, snapshots) must not be written; names the variable that says so.</summary>
    public bool IsContinuousIntegration([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? variable) =>
        EvalSpec.Execution.ContinuousIntegration.IsDetected(GetVariable, out variable);
}
