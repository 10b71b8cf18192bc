using System;

namespace EvalSpec.Execution;

/// <summary>
/// Fails an eval row's test because no decision could be made (a judge errored or could not be parsed, a
/// panel missed its quorum, the source run failed). Inconclusive rows are never reported as passed.
/// </summary>
public sealed class EvalRowInconclusiveException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why no decision could be made.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EvalRowInconclusiveException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
