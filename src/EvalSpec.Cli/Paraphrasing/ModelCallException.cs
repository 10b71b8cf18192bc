using System;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>The model could not be asked, or its answer was not the JSON asked for; the message carries the status or raw text.</summary>
internal sealed class ModelCallException : Exception
{
    public ModelCallException(string message)
        : base(message)
    {
    }

    public ModelCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
