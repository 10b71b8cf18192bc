using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>
/// Rate limits shared through a real Redis by four separate processes against one OpenAI-compatible test server.
/// </summary>
/// <remarks>
/// The server measures what it receives in a sliding window. Tolerance for clock edges: the limiter admits a request on
/// Redis's clock and the server stamps it when it arrives, and the time in between (the client's own work, the thread pool
/// of a process on a loaded machine, the loopback round trip, Kestrel in this test process) varies from request to request:
/// in a full parallel test run on 2 cores a batch of requests arrived 470 ms later than the next batch's admission would
/// suggest, and 576 ms in a CI run beside other builds (load average about 50: seven of the first eight requests arrived
/// together 576 ms after the first, then each later batch 2 s after the one before, as admitted). So the limit is R
/// requests per 3 s and the server's window is shortened by <see cref="ClockEdge"/> (1 s, a third of the window): more
/// than R requests within 2 s at the server would mean the limit was broken, not that the delivery jittered. Without the shared limit (each process limited on its own) the same test sees 4R at once and fails.
/// </remarks>
[Collection(RedisCollection.Name)]
public sealed class SharedRateLimitTests
{
    private const int RequestsPerWindow = 8;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ClockEdge = TimeSpan.FromSeconds(1);
    private readonly RedisServer _redis;

    public SharedRateLimitTests(RedisServer redis) => _redis = redis;

    [RedisFact]
    public async Task Four_processes_sharing_a_limit_of_R_requests_per_window_never_send_more_than_R_together_and_all_finish()
    {
        if (!_redis.Running)
        {
            await _redis.StartAsync();
        }

        // The server also enforces the limit (429 with Retry-After over it), so a limiter that let too much through would
        // show twice: in the window count and in 429s.
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = r => ScriptedResponse.Completion("ok " + r.LastUserMessage).WithDelay(TimeSpan.FromMilliseconds(20)),
            RateLimit = RequestsPerWindow,
            RateLimitWindow = Window - ClockEdge,
        });
        await using FakeOpenAIServer warmup = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = r => ScriptedResponse.Completion("warm") });
        string model = "gpt-limited-" + Guid.NewGuid().ToString("N")[..8];
        ModelCallsClient[] clients = Enumerable.Range(0, 4).Select(i => ModelCallsClient.Start(
            "--server", server.BaseAddress.ToString(), "--model", model, "--calls", "8", "--prefix", "process" + i,
            "--redis", _redis.Address, "--requests", RequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture), "--window", Window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parallel", "8", "--warmup", warmup.BaseAddress.ToString())).ToArray();
        try
        {
            ClientResult[] results = await Task.WhenAll(clients.Select(c => c.WaitAsync()));

            foreach (ClientResult result in results)
            {
                result.ExitCode.Should().Be(0, result.Output);
                result.Int("failures").Should().Be(0);
                result.Int("redisFailures").Should().Be(0, result.Output);
            }

            DateTimeOffset start = server.Requests[0].ReceivedAt;
            string timeline = string.Join(", ", server.Requests.Select(r => ((r.ReceivedAt - start).TotalMilliseconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture)));
            server.MaxRequestsInWindow(Window - ClockEdge).Should().BeLessThanOrEqualTo(RequestsPerWindow, "arrivals (ms): " + timeline);
            server.RateLimitedCount.Should().Be(0);
            server.Requests.Should().HaveCount(32);
        }
        finally
        {
            foreach (ModelCallsClient client in clients)
            {
                client.Dispose();
            }
        }
    }
}
