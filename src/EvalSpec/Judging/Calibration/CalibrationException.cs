using System;

namespace EvalSpec.Judging;

/// <summary>Thrown when labelled items cannot calibrate judges: too few per judge, unknown judges, a label that is not pass or fail.</summary>
public sealed class CalibrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public CalibrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public CalibrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
