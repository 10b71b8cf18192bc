using System;
using System.Linq;
using EvalSpec.Secrets;

namespace EvalSpec.Execution;

/// <summary>
/// Redacts what a row reports to the test framework: the test framework shows the message, the type and the stack trace
/// of the thrown exception and of every inner exception (the eval method's own, which may quote a provider's error body
/// with the API key), in the console, the TRX file and the IDE.
/// </summary>
internal static class RowExceptionRedaction
{
    /// <summary>
    /// Null when nothing <paramref name="exception"/> reports holds a secret (it is thrown as it is); otherwise a copy
    /// with its secrets redacted: EvalSpec's row exceptions keep their type (the test framework reads it), other
    /// exceptions become <see cref="RedactedException"/>s naming their type. Inner exceptions without a secret are kept.
    /// </summary>
    public static Exception? Redact(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        return HoldsSecret(exception, redactor) ? Rebuild(exception, redactor) : null;
    }

    private static bool HoldsSecret(Exception exception, SecretRedactor redactor) =>
        redactor.ContainsSecret(exception.Message)
        || (exception.StackTrace is { } stackTrace && redactor.ContainsSecret(stackTrace))
        || (exception is AggregateException aggregate
            ? aggregate.InnerExceptions.Any(inner => HoldsSecret(inner, redactor))
            : exception.InnerException is { } inner && HoldsSecret(inner, redactor));

    private static Exception Rebuild(Exception exception, SecretRedactor redactor)
    {
        if (!HoldsSecret(exception, redactor))
        {
            return exception;
        }

        // An aggregate's message already lists its inner exceptions' messages; its first inner exception stands for them.
        Exception? first = exception is AggregateException aggregate ? aggregate.InnerExceptions.FirstOrDefault() : exception.InnerException;
        Exception? inner = first is null ? null : Rebuild(first, redactor);
        string message = redactor.Redact(exception.Message);
        return exception switch
        {
            EvalRowFailedException => new EvalRowFailedException(message, inner),
            EvalRowInconclusiveException => new EvalRowInconclusiveException(message, inner),
            EvalRowKnownFailureException => new EvalRowKnownFailureException(message),
            EvalRowSkippedException => new EvalRowSkippedException(message),
            EvalConfigurationException when inner is null => new EvalConfigurationException(message),
            EvalConfigurationException => new EvalConfigurationException(message, inner),
            _ => new RedactedException(
                exception.GetType().FullName ?? exception.GetType().Name,
                message,
                exception.StackTrace is { } stackTrace ? redactor.Redact(stackTrace) : null,
                inner),
        };
    }
}
