using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// An OpenAI-compatible HTTP server on <c>127.0.0.1</c> (Kestrel, a free port) that answers
/// <c>POST /v1/chat/completions</c> with scripted behaviours and records every request it receives, so the real
/// OpenAI client can be tested against completions, errors, rate limits, slow or hanging responses and dropped
/// connections without a model.
/// </summary>
/// <remarks>
/// <para>
/// For each chat completion request the server takes the first behaviour available from: the queue of the
/// request's <c>model</c> (<see cref="EnqueueForModel"/>), the shared queue (<see cref="Enqueue"/>), the
/// <see cref="Responder"/>; with none of them it answers HTTP 500 saying that nothing was scripted. Queues are
/// consumed in request arrival order, so under concurrency prefer per-model queues or a <see cref="Responder"/>
/// that decides from the request's content: those keep the outcome independent of scheduling.
/// </para>
/// <para>All members are thread-safe. Dispose the server to stop it; requests still held are then aborted.</para>
/// </remarks>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private const string ChatCompletionsPath = "/v1/chat/completions";
    private static readonly TimeSpan TruncationPause = TimeSpan.FromMilliseconds(200);

    private readonly WebApplication _app;
    private readonly FakeOpenAIServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<ScriptedResponse> _sharedQueue = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _modelQueues = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private volatile Func<RecordedRequest, ScriptedResponse>? _responder;
    private Uri? _baseAddress;
    private int _disposed;
    private int _rateLimited;
    private readonly Queue<DateTimeOffset> _accepted = new();

    private FakeOpenAIServer(WebApplication app, FakeOpenAIServerOptions options)
    {
        _app = app;
        _options = options;
        _responder = options.Responder;
    }

    /// <summary>
    /// Gets the base address to give the OpenAI client as its endpoint: <c>http://127.0.0.1:{port}/v1/</c>.
    /// </summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>
    /// Gets or sets the behaviour for a chat completion request that no queued response claims. It is called
    /// concurrently, once per request, and may inspect the request (model, messages, headers). If it throws, the
    /// request is answered with HTTP 500 and the exception's message.
    /// </summary>
    public Func<RecordedRequest, ScriptedResponse>? Responder
    {
        get => _responder;
        set => _responder = value;
    }

    /// <summary>
    /// Gets a snapshot of every request received so far, on any path, in the order the server finished reading
    /// them (<see cref="RecordedRequest.Sequence"/> order).
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Gets how many requests were answered HTTP 429 because of <see cref="FakeOpenAIServerOptions.RateLimit"/>.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>
    /// Gets the most chat completion requests received within any window of length <paramref name="window"/> (a sliding
    /// window over <see cref="RecordedRequest.ReceivedAt"/>: every request starts one), for tests of client-side rate limits.
    /// </summary>
    /// <param name="window">The window's length.</param>
    /// <returns>The largest count; 0 when no request was received.</returns>
    public int MaxRequestsInWindow(TimeSpan window)
    {
        DateTimeOffset[] times = Requests.Where(r => r.Path == ChatCompletionsPath).Select(r => r.ReceivedAt).Order().ToArray();
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.Length; last++)
        {
            // The window (times[last] - window, times[last]]: requests exactly one window apart are in different windows.
            while (times[first] <= times[last] - window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    /// <summary>Gets the number of queued responses not yet taken by a request, over all queues.</summary>
    public int QueuedResponseCount => _sharedQueue.Count + _modelQueues.Values.Sum(q => q.Count);

    /// <summary>Starts a server on a free port of <c>127.0.0.1</c>.</summary>
    /// <param name="options">The server's settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server; dispose it to stop it.</returns>
    public static async Task<FakeOpenAIServer> StartAsync(
        FakeOpenAIServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOpenAIServerOptions();

        // The empty builder reads no configuration, environment variables or appsettings files, and adds no
        // logging providers: the server is the same on every machine and silent in test output.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });

        WebApplication app = builder.Build();
        var server = new FakeOpenAIServer(app, options);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server._baseAddress = new Uri(address.TrimEnd('/') + "/v1/");
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Queues behaviours for the next chat completion requests, whatever their model.</summary>
    /// <param name="responses">The behaviours, taken one per request in this order.</param>
    public void Enqueue(params ReadOnlySpan<ScriptedResponse> responses)
    {
        foreach (ScriptedResponse response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            _sharedQueue.Enqueue(response);
        }
    }

    /// <summary>
    /// Queues behaviours for the next chat completion requests whose <c>model</c> is <paramref name="model"/>
    /// (compared ordinally). They are taken before the shared queue.
    /// </summary>
    /// <param name="model">The model id the requests name.</param>
    /// <param name="responses">The behaviours, taken one per request in this order.</param>
    public void EnqueueForModel(string model, params ReadOnlySpan<ScriptedResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(model);
        ConcurrentQueue<ScriptedResponse> queue = _modelQueues.GetOrAdd(model, static _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (ScriptedResponse response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            queue.Enqueue(response);
        }
    }

    /// <summary>Completes when the server has received at least <paramref name="count"/> requests in total.</summary>
    /// <param name="count">The number of requests to wait for.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the count is reached, and is cancelled if the server is disposed first.</returns>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            if (_disposed != 0)
            {
                return Task.FromCanceled(new CancellationToken(canceled: true));
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Creates the settings of a real OpenAI client that talks to this server: <see cref="BaseAddress"/> as endpoint,
    /// the given network timeout, and a <see cref="ClientRetryPolicy"/> with <paramref name="maxRetries"/>.
    /// </summary>
    /// <param name="networkTimeout">
    /// The client's per-try network timeout; <see langword="null"/> keeps the SDK's default (100 seconds).
    /// </param>
    /// <param name="maxRetries">
    /// Retries of the SDK's own <see cref="ClientRetryPolicy"/>: it retries HTTP 408, 429, 500, 502, 503 and 504,
    /// dropped connections and network timeouts, waiting <c>Retry-After</c> when sent and 0.8 s doubling otherwise.
    /// 0, the default here, turns it off so that a resilience layer on top can be tested alone; the SDK's own default
    /// would be 3.
    /// </param>
    /// <returns>Options for <see cref="ChatClient"/> or <see cref="OpenAIClient"/>.</returns>
    public OpenAIClientOptions CreateClientOptions(TimeSpan? networkTimeout = null, int maxRetries = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        var options = new OpenAIClientOptions
        {
            Endpoint = BaseAddress,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
        };
        if (networkTimeout is { } timeout)
        {
            options.NetworkTimeout = timeout;
        }

        return options;
    }

    /// <summary>
    /// Creates the real client under test: the OpenAI SDK's <see cref="ChatClient"/> for <paramref name="model"/>,
    /// configured by <see cref="CreateClientOptions"/>, adapted to <see cref="IChatClient"/> by
    /// Microsoft.Extensions.AI.OpenAI.
    /// </summary>
    /// <param name="model">The model id the client sends as <c>model</c>.</param>
    /// <param name="apiKey">The API key, sent as <c>Authorization: Bearer {apiKey}</c>.</param>
    /// <param name="networkTimeout">The client's per-try network timeout; <see langword="null"/> keeps the SDK's default.</param>
    /// <param name="maxRetries">Retries of the SDK's own retry policy; 0 turns it off.</param>
    /// <returns>The chat client.</returns>
    public IChatClient CreateChatClient(
        string model, string apiKey = "test-key", TimeSpan? networkTimeout = null, int maxRetries = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        return new ChatClient(model, new ApiKeyCredential(apiKey), CreateClientOptions(networkTimeout, maxRetries))
            .AsIChatClient();
    }

    /// <summary>Stops the server: held requests are aborted, pending <see cref="WaitForRequestsAsync"/> calls cancelled.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections that did not close within the grace period are dropped by DisposeAsync below.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);

        (int Count, TaskCompletionSource Signal)[] waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach ((_, TaskCompletionSource signal) in waiters)
        {
            signal.TrySetCanceled();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        DateTimeOffset receivedAt = _options.TimeProvider.GetUtcNow();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(aborted.Token).ConfigureAwait(false);
            }

            RecordedRequest request = Record(context.Request, receivedAt, body);
            ScriptedResponse response = Choose(context.Request, request);
            await SendAsync(context, request, response, aborted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away (timeout, cancellation) or the server is stopping: nothing left to answer.
            context.Abort();
        }
    }

    private RecordedRequest Record(HttpRequest http, DateTimeOffset receivedAt, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in http.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        RecordedRequest request;
        List<TaskCompletionSource>? reached = null;
        lock (_gate)
        {
            request = new RecordedRequest(
                _requests.Count + 1, receivedAt, http.Method, http.Path.Value ?? "/", http.QueryString.Value ?? string.Empty, headers, body);
            _requests.Add(request);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _requests.Count)
                {
                    (reached ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock: continuations must not run while it is held.
        reached?.ForEach(signal => signal.TrySetResult());
        return request;
    }

    private ScriptedResponse Choose(HttpRequest http, RecordedRequest request)
    {
        if (_options.RequiredApiKey is { } key && request.Authorization != "Bearer " + key)
        {
            return ScriptedResponse.Error(
                401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }

        if (!HttpMethods.IsPost(http.Method) || request.Path != ChatCompletionsPath)
        {
            return ScriptedResponse.Error(
                404, $"Invalid URL ({http.Method} {request.Path})", "invalid_request_error");
        }

        if (request.Body is null)
        {
            return ScriptedResponse.Error(
                400,
                "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
                "invalid_request_error");
        }

        if (_options.RateLimit is { } limit && !Admit(request.ReceivedAt, limit))
        {
            Interlocked.Increment(ref _rateLimited);
            return ScriptedResponse.RateLimited(TimeSpan.FromSeconds(1));
        }

        if (request.Model is { } model
            && _modelQueues.TryGetValue(model, out ConcurrentQueue<ScriptedResponse>? modelQueue)
            && modelQueue.TryDequeue(out ScriptedResponse? forModel))
        {
            return forModel;
        }

        if (_sharedQueue.TryDequeue(out ScriptedResponse? shared))
        {
            return shared;
        }

        if (_responder is { } responder)
        {
            try
            {
                return responder(request) ?? throw new InvalidOperationException("The responder returned null.");
            }
            catch (Exception exception)
            {
                return ScriptedResponse.Error(
                    500, $"FakeOpenAIServer: the responder threw for request {request}: {exception.Message}", "fake_server_error");
            }
        }

        return ScriptedResponse.Error(
            500, $"FakeOpenAIServer: nothing is scripted for request {request}.", "fake_server_error");
    }

    /// <summary>Whether a request received at <paramref name="at"/> is within the rate limit (and counts it if so).</summary>
    private bool Admit(DateTimeOffset at, int limit)
    {
        lock (_accepted)
        {
            while (_accepted.Count > 0 && _accepted.Peek() <= at - _options.RateLimitWindow)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= limit)
            {
                return false;
            }

            _accepted.Enqueue(at);
            return true;
        }
    }

    private async Task SendAsync(HttpContext context, RecordedRequest request, ScriptedResponse response, CancellationToken cancellationToken)
    {
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        switch (response.Kind)
        {
            case ScriptedResponseKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                return;

            case ScriptedResponseKind.Disconnect:
                context.Abort();
                return;

            case ScriptedResponseKind.TruncatedBody:
                byte[] completion = OpenAIWireFormat.Completion(response, request, _options.TimeProvider.GetUtcNow());
                WriteHead(context.Response, request, response, completion.Length);
                await context.Response.Body.WriteAsync(completion.AsMemory(0, completion.Length / 2), cancellationToken).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

                // A reset discards what the client has not read yet, so give it time to read the head and the
                // first half: the client must see a response that breaks off, not a connection that never answered.
                await Task.Delay(TruncationPause, cancellationToken).ConfigureAwait(false);
                context.Abort();
                return;

            default:
                byte[] body = response.Kind switch
                {
                    ScriptedResponseKind.Completion => OpenAIWireFormat.Completion(response, request, _options.TimeProvider.GetUtcNow()),
                    ScriptedResponseKind.Error => OpenAIWireFormat.Error(response.ErrorMessage!, response.ErrorType!, response.ErrorCode),
                    _ => Encoding.UTF8.GetBytes(response.RawBody!),
                };
                WriteHead(context.Response, request, response, body.Length);
                await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private static void WriteHead(HttpResponse http, RecordedRequest request, ScriptedResponse response, int contentLength)
    {
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        http.ContentLength = contentLength;
        http.Headers["x-request-id"] = OpenAIWireFormat.RequestId(request);
        foreach ((string name, string value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }
    }
}
