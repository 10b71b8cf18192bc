using System;

namespace EvalSpec.Cli;

/// <summary>
/// A problem with what the user gave the command (an option, a file, an environment variable): reported as it is,
/// without a stack trace, with exit code <see cref="ExitCodes.UsageError"/>. The message names what is at fault and
/// what to do about it.
/// </summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
