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
/// Redis's clock and the server stamps it when it arrives, and the time in between (the client's own work and the loopback
/// round trip) varies from request to request, so two requests admitted one full window apart can arrive slightly less
/// than a window apart. The server's window is therefore shortened by <see cref="ClockEdge"/> (150 ms): more than R
/// requests within 0.85 s at the server would mean the limit was broken, not that the delivery jittered.
/// </remarks>
[Collection(RedisCollection.Name)]
public sealed class SharedRateLimitTests
{
    private const int RequestsPerSecond = 8;
    private static readonly TimeSpan ClockEdge = TimeSpan.FromMilliseconds(150);
    private readonly RedisServer _redis;

    public SharedRateLimitTests(RedisServer redis) => _redis = redis;

    [RedisFact]
    public async Task Four_processes_sharing_a_limit_of_R_requests_per_second_never_send_more_than_R_together_and_all_finish()
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
            RateLimit = RequestsPerSecond,
            RateLimitWindow = TimeSpan.FromSeconds(1) - ClockEdge,
        });
        await using FakeOpenAIServer warmup = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = r => ScriptedResponse.Completion("warm") });
        string model = "gpt-limited-" + Guid.NewGuid().ToString("N")[..8];
        ModelCallsClient[] clients = Enumerable.Range(0, 4).Select(i => ModelCallsClient.Start(
            "--server", server.BaseAddress.ToString(), "--model", model, "--calls", "8", "--prefix", "process" + i,
            "--redis", _redis.Address, "--requests", RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture), "--window", "1", "--parallel", "8", "--warmup", warmup.BaseAddress.ToString())).ToArray();
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
            server.MaxRequestsInWindow(TimeSpan.FromSeconds(1) - ClockEdge).Should().BeLessThanOrEqualTo(RequestsPerSecond, "arrivals (ms): " + timeline);
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
