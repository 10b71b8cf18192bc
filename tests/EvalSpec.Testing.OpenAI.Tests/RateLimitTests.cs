using System;
using System.ClientModel;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>The server's own rate limit (HTTP 429 over it) and its sliding-window count of what it received.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_limit_within_the_window_get_429_with_Retry_After_and_are_still_recorded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = _ => ScriptedResponse.Completion("ok"),
            RateLimit = 2,
            TimeProvider = time,
        });
        IChatClient client = server.CreateChatClient("gpt-limited");

        (await client.GetResponseAsync("one")).Text.Should().Be("ok");
        (await client.GetResponseAsync("two")).Text.Should().Be("ok");
        ClientResultException limited = (await FluentActions.Awaiting(() => client.GetResponseAsync("three")).Should().ThrowAsync<ClientResultException>()).Which;
        limited.Status.Should().Be(429);
        limited.GetRawResponse()!.Headers.TryGetValue("Retry-After", out string? retryAfter).Should().BeTrue();
        retryAfter.Should().Be("1");

        time.Advance(TimeSpan.FromSeconds(1));
        (await client.GetResponseAsync("four")).Text.Should().Be("ok", "the window has moved on");
        server.Requests.Should().HaveCount(4);
        server.RateLimitedCount.Should().Be(1);
    }

    [Fact]
    public async Task The_sliding_window_count_is_the_most_requests_received_within_any_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = _ => ScriptedResponse.Completion("ok"), TimeProvider = time });
        IChatClient client = server.CreateChatClient("gpt-window");

        server.MaxRequestsInWindow(TimeSpan.FromSeconds(1)).Should().Be(0);
        foreach (int milliseconds in new[] { 0, 600, 900, 1000, 1700 })
        {
            time.SetUtcNow(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMilliseconds(milliseconds));
            await client.GetResponseAsync("q" + milliseconds);
        }

        // (0, 1000] holds 600, 900 and 1000; the request at 0 is exactly one window before 1000, so not in it.
        server.MaxRequestsInWindow(TimeSpan.FromSeconds(1)).Should().Be(3);
        server.MaxRequestsInWindow(TimeSpan.FromMilliseconds(301)).Should().Be(2);
        server.MaxRequestsInWindow(TimeSpan.FromSeconds(10)).Should().Be(5);
    }
}
