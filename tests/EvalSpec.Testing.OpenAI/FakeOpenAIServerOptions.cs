using System;

namespace EvalSpec.Testing.OpenAI;

/// <summary>Settings of a <see cref="FakeOpenAIServer"/>, fixed when it starts.</summary>
public sealed class FakeOpenAIServerOptions
{
    /// <summary>
    /// Gets the initial <see cref="FakeOpenAIServer.Responder"/>: the behaviour for a chat completion request that no
    /// queued response claims. <see langword="null"/> (the default) answers such a request with HTTP 500 and an error
    /// message saying that nothing was scripted for it.
    /// </summary>
    public Func<RecordedRequest, ScriptedResponse>? Responder { get; init; }

    /// <summary>
    /// Gets the API key the server insists on. When set, a request whose <c>Authorization</c> header is not exactly
    /// <c>Bearer {RequiredApiKey}</c> gets OpenAI's HTTP 401 <c>invalid_api_key</c> error (and is still recorded).
    /// <see langword="null"/> (the default) accepts any request.
    /// </summary>
    public string? RequiredApiKey { get; init; }

    /// <summary>
    /// Gets the clock for <see cref="RecordedRequest.ReceivedAt"/>, the completions' <c>created</c> field and the
    /// waits of <see cref="ScriptedResponse.WithDelay"/>; <see cref="TimeProvider.System"/> by default. (A manual
    /// clock must be advanced for delayed responses to be sent.)
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Gets the most chat completion requests the server answers within any <see cref="RateLimitWindow"/> (a sliding
    /// window over the times it received them); a request over it gets OpenAI's HTTP 429 with <c>Retry-After: 1</c>
    /// instead of its scripted behaviour (and is still recorded). <see langword="null"/> (the default): no limit.
    /// </summary>
    public int? RateLimit { get; init; }

    /// <summary>Gets the window of <see cref="RateLimit"/>; one second by default.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(1);
}
