using System;

namespace EvalSpec.Execution;

/// <summary>
/// Ends a row that was not judged: its relation did not change the input, or it is outside the sample of a
/// sampled run. EvalSpec's test framework adapter (EvalSpec.Xunit, EvalSpec.Xunit.V3) reports it as skipped with this message.
/// </summary>
public sealed class EvalRowSkippedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the row was not judged.</param>
    public EvalRowSkippedException(string message)
        : base(message)
    {
    }
}
