using System;
using System.Linq;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Polly.Timeout;

namespace EvalSpec.Judging;

/// <summary>
/// Classifies model-call failures: transient ones (rate limits, server errors, network errors, timeouts)
/// are retried; everything else ends the judge's verdict as an error at once.
/// </summary>
internal static class TransientErrors
{
    /// <summary>Whether retrying may help. Cancellation counts only when the caller did not cancel (a client-side timeout).</summary>
    public static bool IsTransient(Exception exception, bool callerCancelled) => exception switch
    {
        ClientResultException e when IsQuotaExhausted(e) => false,
        ClientResultException { Status: var status } => IsTransientStatus(status),
        HttpRequestException { StatusCode: { } status } => IsTransientStatus((int)status),
        HttpRequestException => true,
        TimeoutRejectedException => true,
        TimeoutException => true,
        OperationCanceledException => !callerCancelled,
        System.IO.IOException => true,
        System.Text.Json.JsonException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsTransient(inner, callerCancelled)),
        _ => false,
    };

    /// <summary>OpenAI answers 429 also when the account has no quota left; waiting does not help then.</summary>
    private static bool IsQuotaExhausted(ClientResultException exception)
    {
        if (exception.Status != 429)
        {
            return false;
        }

        try
        {
            return exception.GetRawResponse()?.Content?.ToString().Contains("insufficient_quota", StringComparison.Ordinal) == true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The HTTP status of a failed call, when it has one.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => e.Status,
        HttpRequestException { StatusCode: { } status } => (int)status,
        _ => null,
    };

    /// <summary>The server's <c>Retry-After</c> (seconds or HTTP date), if the error carries one.</summary>
    public static TimeSpan? RetryAfter(Exception? exception)
    {
        PipelineResponse? response = (exception as ClientResultException)?.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out string? value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    /// <summary>A short description: the status code when there is one, then the message.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status}: {FirstLine(e.Message)}",
        HttpRequestException { StatusCode: { } status } e => $"HTTP {(int)status}: {FirstLine(e.Message)}",
        TimeoutRejectedException e => $"timed out ({FirstLine(e.Message)})",
        OperationCanceledException e => $"timed out ({FirstLine(e.Message)})",
        AggregateException { InnerExceptions.Count: > 0 } e => Describe(e.InnerExceptions[^1]),
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    private static bool IsTransientStatus(int status) =>
        status is 0 or (int)HttpStatusCode.RequestTimeout or 429 or >= 500;

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
