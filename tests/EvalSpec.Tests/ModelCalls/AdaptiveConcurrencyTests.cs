using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

public sealed class AdaptiveConcurrencyTests
{
    [Fact]
    public void A_rate_limited_answer_halves_the_calls_in_flight_down_to_one_and_successes_restore_them_one_per_round()
    {
        var time = new FakeTimeProvider();
        var limit = new AdaptiveConcurrency(8, time);

        limit.RateLimited(TimeSpan.Zero);
        limit.Limit.Should().Be(4);
        limit.RateLimited(TimeSpan.Zero);
        limit.RateLimited(TimeSpan.Zero);
        limit.RateLimited(TimeSpan.Zero);
        limit.Limit.Should().Be(1, "never below one call");

        // Additive increase: each success adds 1/limit, about one slot per round of successes (as many as the limit).
        limit.Succeeded();
        limit.Limit.Should().Be(2);
        limit.Succeeded();
        limit.Succeeded();
        limit.Limit.Should().Be(2, "2.5, then 2.9");
        limit.Succeeded();
        limit.Limit.Should().Be(3);
        for (int i = 0; i < 100; i++)
        {
            limit.Succeeded();
        }

        limit.Limit.Should().Be(8, "never above the ceiling");
        limit.Decreases.Should().Be(4);
    }

    [Fact]
    public async Task Calls_beyond_the_limit_wait_for_a_slot()
    {
        var limit = new AdaptiveConcurrency(2);
        IDisposable first = await limit.EnterAsync(CancellationToken.None);
        IDisposable second = await limit.EnterAsync(CancellationToken.None);
        Task<IDisposable> third = limit.EnterAsync(CancellationToken.None).AsTask();

        await Task.Delay(50);
        third.IsCompleted.Should().BeFalse();
        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        second.Dispose();
        limit.InFlight.Should().Be(0);
    }

    [Fact]
    public async Task New_calls_wait_out_the_servers_Retry_After()
    {
        var time = new FakeTimeProvider();
        var limit = new AdaptiveConcurrency(4, time);
        limit.RateLimited(TimeSpan.FromSeconds(5));

        Task<IDisposable> call = limit.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        call.IsCompleted.Should().BeFalse("the server asked for 5 s");
        time.Advance(TimeSpan.FromSeconds(5));
        (await call.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task A_waiting_call_that_is_cancelled_leaves_its_slot_to_the_next()
    {
        var limit = new AdaptiveConcurrency(1);
        IDisposable held = await limit.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<IDisposable> cancelled = limit.EnterAsync(cancel.Token).AsTask();
        Task<IDisposable> next = limit.EnterAsync(CancellationToken.None).AsTask();
        cancel.Cancel();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();

        held.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task On_HTTP_429_with_Retry_After_the_pipeline_slows_down_retries_and_every_call_answers()
    {
        // The server takes 3 requests per second and answers 429 with Retry-After: 1 beyond that; no request limit is
        // configured on the client, only the adaptive concurrency of a RateLimits entry.
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = r => ScriptedResponse.Completion("ok").WithDelay(TimeSpan.FromMilliseconds(50)),
            RateLimit = 3,
        });
        var options = new EvalOptions();
        options.RateLimits["gpt-429"] = new RateLimitOptions { MaxInFlight = 8, RetriesOn429 = 20 };
        using var pipeline = new ModelCallPipeline(options, RecordingMode.Live, warn: _ => { }, report: _ => { });
        IChatClient client = pipeline.Wrap(server.CreateChatClient("gpt-429"), "sut");

        string[] answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i => (await client.GetResponseAsync("q" + i)).Text));

        answers.Should().AllBe("ok");
        server.RateLimitedCount.Should().BeGreaterThan(0, "the test needs the server to push back");
        ModelCallGate gate = pipeline.Gates.Single();
        gate.Concurrency.Decreases.Should().BeGreaterThan(0);
        pipeline.Describe().Should().Contain("slowed down");
    }

    [Fact]
    public async Task Insufficient_quota_is_not_waited_out()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = r => ScriptedResponse.InsufficientQuota() });
        var options = new EvalOptions();
        options.RateLimits["default"] = new RateLimitOptions();
        using var pipeline = new ModelCallPipeline(options, RecordingMode.Live, warn: _ => { }, report: _ => { });
        IChatClient client = pipeline.Wrap(server.CreateChatClient("gpt-quota"), "sut");

        await FluentActions.Awaiting(() => client.GetResponseAsync("q")).Should().ThrowAsync<Exception>();
        server.Requests.Should().HaveCount(1);
        pipeline.Gates.Single().Concurrency.Decreases.Should().Be(0);
    }

    [Fact]
    public void Limits_are_found_by_provider_and_model_then_model_then_default()
    {
        var limits = new Dictionary<string, RateLimitOptions>(StringComparer.OrdinalIgnoreCase)
        {
            ["openai/gpt-4o"] = new() { Requests = 1 },
            ["gpt-4o"] = new() { Requests = 2 },
            ["default"] = new() { Requests = 3 },
        };

        ModelCallSettings.Find(limits, "openai", "gpt-4o")!.Requests.Should().Be(1);
        ModelCallSettings.Find(limits, "azure", "GPT-4o")!.Requests.Should().Be(2);
        ModelCallSettings.Find(limits, "openai", "other")!.Requests.Should().Be(3);
        limits.Remove("default");
        ModelCallSettings.Find(limits, "openai", "other").Should().BeNull();
    }

    [Fact]
    public async Task The_local_window_holds_requests_beyond_the_limit_until_the_window_moves()
    {
        var time = new FakeTimeProvider();
        using var window = new LocalCallWindow(new RateLimitOptions { Requests = 1000, Tokens = 100, Window = TimeSpan.FromSeconds(10) }, time);
        await window.AcquireAsync(CancellationToken.None);
        window.AddTokens(100);

        Task next = window.AcquireAsync(CancellationToken.None);
        await Task.Delay(50);
        next.IsCompleted.Should().BeFalse("the window's 100 tokens are used up");
        for (int i = 0; i < 20 && !next.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await next.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
