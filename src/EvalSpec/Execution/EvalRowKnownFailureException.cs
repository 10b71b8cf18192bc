using System;

namespace EvalSpec.Execution;

/// <summary>
/// Ends a row that failed exactly as the committed baseline records. EvalSpec's test framework adapter (EvalSpec.Xunit, EvalSpec.Xunit.V3) reports
/// it as skipped with this message, so known failures stay visible without blocking the run.
/// </summary>
public sealed class EvalRowKnownFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure message, marked as known.</param>
    public EvalRowKnownFailureException(string message)
        : base(message)
    {
    }
}
