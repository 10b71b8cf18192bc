using System.IO;

namespace EvalSpec.Cli;

/// <summary>What every command writes to and reads from.</summary>
internal sealed class CommandContext
{
    public CommandContext(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        Output = output;
        Error = error;
        Environment = environment;
    }

    /// <summary>Results: tables, written lines, rankings.</summary>
    public TextWriter Output { get; }

    /// <summary>Problems and the reason for a non-zero exit code.</summary>
    public TextWriter Error { get; }

    public CliEnvironment Environment { get; }
}
