using System;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// A run folder, its files or a file given with them (a price table) cannot be used: missing, unreadable or
/// malformed. The message names the file (and the line of <c>results.jsonl</c>) and what to do.
/// </summary>
internal sealed class RunDataException : Exception
{
    public RunDataException(string message)
        : base(message)
    {
    }

    public RunDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
