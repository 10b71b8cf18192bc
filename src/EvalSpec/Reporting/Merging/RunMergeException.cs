using System;

namespace EvalSpec.Reporting.Merging;

/// <summary>Shards that cannot be merged into one run; the message names the folder and what to do.</summary>
internal sealed class RunMergeException : Exception
{
    public RunMergeException(string message)
        : base(message)
    {
    }

    public RunMergeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
