using System;

namespace EvalSpec.Execution;

/// <summary>Fails an eval row's test: a check failed, or the eval method threw or timed out.</summary>
public sealed class EvalRowFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which checks failed and why, with the row's input and output.</param>
    /// <param name="innerException">The exception the eval method threw, if that is the cause.</param>
    public EvalRowFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
