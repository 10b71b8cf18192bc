using System;

namespace EvalSpec.Secrets;

/// <summary>
/// Stands in, in a failed row's report to the test framework, for an exception whose message held a secret: the
/// original type's name, the message and the stack trace, redacted (<see cref="SecretRedactor"/>).
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    public RedactedException(string originalType, string message, string? stackTrace, Exception? innerException)
        : base(originalType + ": " + message, innerException)
    {
        OriginalType = originalType;
        _stackTrace = stackTrace;
    }

    /// <summary>The full name of the type of the exception this one stands in for.</summary>
    public string OriginalType { get; }

    /// <summary>The original exception's stack trace, redacted.</summary>
    public override string? StackTrace => _stackTrace;
}
