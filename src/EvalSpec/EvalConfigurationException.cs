using System;

namespace EvalSpec;

/// <summary>Thrown when EvalSpec's configuration (evalspec.json, environment, startup) is invalid.</summary>
public sealed class EvalConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public EvalConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public EvalConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
