namespace EvalSpec.Cli.Tests;

/// <summary>What one run of the tool produced.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string AllText => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}\n--- error ---\n{Error}";
}
