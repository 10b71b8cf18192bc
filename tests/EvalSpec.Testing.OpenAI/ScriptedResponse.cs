using System;
using System.Collections.Immutable;
using System.Globalization;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// One behaviour of <see cref="FakeOpenAIServer"/> for one chat completion request: a completion, an OpenAI error,
/// a raw body, a hang or a dropped connection, optionally after a delay and with extra response headers.
/// Immutable: <see cref="WithDelay"/> and <see cref="WithHeader"/> return changed copies, so one instance can be
/// reused for any number of requests.
/// </summary>
public sealed class ScriptedResponse
{
    private ScriptedResponse(ScriptedResponseKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    internal ScriptedResponseKind Kind { get; }

    internal int StatusCode { get; }

    internal string? Content { get; private init; }

    internal string? RefusalText { get; private init; }

    internal string FinishReason { get; private init; } = "stop";

    internal ScriptedUsage? Usage { get; private init; }

    internal string? Model { get; private init; }

    internal string? ErrorMessage { get; private init; }

    internal string? ErrorType { get; private init; }

    internal string? ErrorCode { get; private init; }

    internal string? RawBody { get; private init; }

    internal string ContentType { get; private init; } = "application/json";

    internal TimeSpan Delay { get; private init; }

    internal ImmutableArray<(string Name, string Value)> Headers { get; private init; } = [];

    internal ImmutableArray<ScriptedToolCall> Calls { get; private init; } = [];

    /// <summary>
    /// HTTP 200 with a <c>chat.completion</c> whose <c>choices[0].message.content</c> is <paramref name="content"/>
    /// verbatim: well-formed JSON, malformed JSON, free text, an empty string or (with <see langword="null"/>)
    /// JSON <c>null</c>.
    /// </summary>
    /// <param name="content">The assistant message's content; <see langword="null"/> is sent as JSON <c>null</c>.</param>
    /// <param name="usage">
    /// The reported token counts; when <see langword="null"/> the server reports the number of whitespace-separated
    /// words of the request's messages and of <paramref name="content"/>, so the counts stay deterministic.
    /// </param>
    /// <param name="finishReason">The <c>finish_reason</c>: <c>stop</c>, <c>length</c>, <c>content_filter</c>, <c>tool_calls</c>.</param>
    /// <param name="model">The reported <c>model</c>; when <see langword="null"/> the request's <c>model</c> is echoed.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Completion(
        string? content, ScriptedUsage? usage = null, string finishReason = "stop", string? model = null)
    {
        ArgumentNullException.ThrowIfNull(finishReason);
        return new(ScriptedResponseKind.Completion, 200)
        {
            Content = content,
            Usage = usage,
            FinishReason = finishReason,
            Model = model,
        };
    }

    /// <summary>
    /// HTTP 200 with a <c>chat.completion</c> whose assistant message asks for tool calls: <c>"content": null</c>,
    /// <c>"tool_calls": [{"id": "call_...", "type": "function", "function": {"name": ..., "arguments": ...}}]</c> and
    /// <c>"finish_reason": "tool_calls"</c>, as OpenAI sends them. Every call gets a new random id in every response, as a
    /// real provider's do, so code that keys or records requests must cope with ids that change between runs.
    /// </summary>
    /// <param name="calls">The calls, in order (at least one).</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse ToolCalls(params ScriptedToolCall[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Length == 0 || Array.Exists(calls, c => c is null))
        {
            throw new ArgumentException("A tool call response needs at least one call, and no null call.", nameof(calls));
        }

        return new(ScriptedResponseKind.Completion, 200) { Calls = [.. calls], FinishReason = "tool_calls" };
    }

    /// <summary>
    /// HTTP 200 with a <c>chat.completion</c> whose message carries OpenAI's structured-outputs refusal:
    /// <c>"content": null, "refusal": "<paramref name="refusal"/>"</c>. (A refusal written as ordinary text is just
    /// a <see cref="Completion"/>.)
    /// </summary>
    /// <param name="refusal">The refusal explanation.</param>
    /// <param name="usage">The reported token counts; see <see cref="Completion"/>.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Refusal(string refusal, ScriptedUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(ScriptedResponseKind.Completion, 200) { RefusalText = refusal, Usage = usage };
    }

    /// <summary>
    /// An HTTP error with OpenAI's error body
    /// <c>{"error":{"message":...,"type":...,"param":null,"code":...}}</c>.
    /// </summary>
    /// <param name="statusCode">The HTTP status code (400-599).</param>
    /// <param name="message">The error's <c>message</c>.</param>
    /// <param name="type">The error's <c>type</c>, e.g. <c>invalid_request_error</c>, <c>server_error</c>.</param>
    /// <param name="code">The error's <c>code</c>, or <see langword="null"/>.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Error(int statusCode, string message, string type, string? code = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(type);
        return new(ScriptedResponseKind.Error, statusCode) { ErrorMessage = message, ErrorType = type, ErrorCode = code };
    }

    /// <summary>
    /// HTTP 429 as OpenAI sends it for a rate limit (<c>type: requests</c>, <c>code: rate_limit_exceeded</c>),
    /// with a <c>Retry-After</c> header in whole seconds (rounded up) when <paramref name="retryAfter"/> is given.
    /// </summary>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, or <see langword="null"/> for no header.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse RateLimited(TimeSpan? retryAfter = null)
    {
        ScriptedResponse response = Error(
            429,
            "Rate limit reached for requests. Please try again later.",
            "requests",
            "rate_limit_exceeded");
        return retryAfter is { } delay ? response.WithRetryAfter(delay) : response;
    }

    /// <summary>
    /// HTTP 429 as OpenAI sends it when the account has no quota left (<c>code: insufficient_quota</c>): same status
    /// as a rate limit, but retrying does not help. No <c>Retry-After</c> header.
    /// </summary>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse InsufficientQuota() => Error(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        "insufficient_quota");

    /// <summary>HTTP 500 with OpenAI's <c>server_error</c> body.</summary>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse ServerError() => Error(
        500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error");

    /// <summary>
    /// HTTP 503 with OpenAI's overloaded body, and a <c>Retry-After</c> header when <paramref name="retryAfter"/>
    /// is given.
    /// </summary>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, or <see langword="null"/> for no header.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse ServiceUnavailable(TimeSpan? retryAfter = null)
    {
        ScriptedResponse response = Error(
            503,
            "The engine is currently overloaded, please try again later.",
            "server_error",
            "service_unavailable");
        return retryAfter is { } delay ? response.WithRetryAfter(delay) : response;
    }

    /// <summary>
    /// A status code and a body sent verbatim, for what the other factories do not cover (a 200 whose body is not
    /// JSON, a proxy's HTML error page, a completion with fields OpenAI does not send).
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The body, sent as UTF-8.</param>
    /// <param name="contentType">The <c>Content-Type</c> header.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Raw(int statusCode, string body, string contentType = "application/json")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        return new(ScriptedResponseKind.Raw, statusCode) { RawBody = body, ContentType = contentType };
    }

    /// <summary>
    /// No response at all: the server holds the request until the client gives up (its network timeout or
    /// cancellation closes the connection) or the server is disposed.
    /// </summary>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Hang() => new(ScriptedResponseKind.Hang, 0);

    /// <summary>The server resets the connection without sending a single response byte.</summary>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse Disconnect() => new(ScriptedResponseKind.Disconnect, 0);

    /// <summary>
    /// The server sends the status line and headers of a completion (with the full <c>Content-Length</c>) and half
    /// of its body, then resets the connection.
    /// </summary>
    /// <param name="content">The content of the completion whose body is cut short.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedResponse TruncatedBody(string content = "{\"verdict\":\"pass\",\"score\":1.0}") =>
        new(ScriptedResponseKind.TruncatedBody, 200) { Content = content };

    /// <summary>Returns a copy that waits <paramref name="delay"/> before it does anything (a slow server).</summary>
    /// <param name="delay">The wait; the server gives up waiting when the client disconnects.</param>
    /// <returns>The delayed copy.</returns>
    public ScriptedResponse WithDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return With(delay: delay);
    }

    /// <summary>Returns a copy that also sends the response header <paramref name="name"/>.</summary>
    /// <param name="name">The header name, e.g. <c>x-ratelimit-remaining-requests</c>.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The copy with the header.</returns>
    public ScriptedResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return With(headers: Headers.Add((name, value)));
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string what = Kind switch
        {
            ScriptedResponseKind.Completion when RefusalText is not null => $"refusal \"{RefusalText}\"",
            ScriptedResponseKind.Completion when !Calls.IsEmpty => "tool calls " + string.Join(", ", Calls),
            ScriptedResponseKind.Completion => Content is null ? "completion (null content)" : $"completion \"{Content}\"",
            ScriptedResponseKind.Error => $"HTTP {StatusCode} {ErrorType}",
            ScriptedResponseKind.Raw => $"HTTP {StatusCode} raw body",
            _ => Kind.ToString(),
        };
        return Delay > TimeSpan.Zero ? $"{what} after {Delay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms" : what;
    }

    private ScriptedResponse WithRetryAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        long seconds = (long)Math.Ceiling(delay.TotalSeconds);
        return WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }

    private ScriptedResponse With(TimeSpan? delay = null, ImmutableArray<(string Name, string Value)>? headers = null) =>
        new(Kind, StatusCode)
        {
            Content = Content,
            RefusalText = RefusalText,
            FinishReason = FinishReason,
            Usage = Usage,
            Model = Model,
            ErrorMessage = ErrorMessage,
            ErrorType = ErrorType,
            ErrorCode = ErrorCode,
            RawBody = RawBody,
            ContentType = ContentType,
            Delay = delay ?? Delay,
            Headers = headers ?? Headers,
            Calls = Calls,
        };
}
