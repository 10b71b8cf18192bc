using System;
using System.ClientModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>
/// What the real client throws when the server is slow, never answers, or drops the connection, and how a network
/// timeout can be told apart from the caller's own cancellation.
/// </summary>
public sealed class ConnectionFailureTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "Grade this answer.")];

    [Fact]
    public async Task A_slow_response_within_the_network_timeout_arrives_after_its_delay()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("late but fine").WithDelay(TimeSpan.FromMilliseconds(300)));
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("late but fine");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task A_hang_throws_TaskCanceledException_when_the_network_timeout_fires()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Hang());
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromMilliseconds(300));
        using var caller = new CancellationTokenSource();

        TaskCanceledException exception = (await client.Invoking(c => c.GetResponseAsync(Question, cancellationToken: caller.Token))
            .Should().ThrowExactlyAsync<TaskCanceledException>()).Which;

        // The caller's token is untouched: that is how a network timeout is told apart from a cancellation. The
        // exception carries the pipeline's own (cancelled) timeout token, not the caller's.
        caller.IsCancellationRequested.Should().BeFalse();
        exception.CancellationToken.Should().NotBe(caller.Token);
        exception.Message.Should().Contain("exceeded the configured timeout").And.Contain("NetworkTimeout");
        exception.InnerException.Should().BeOfType<TaskCanceledException>();
    }

    [Fact]
    public async Task A_slow_response_beyond_the_network_timeout_throws_like_a_hang()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("too late").WithDelay(TimeSpan.FromSeconds(30)));
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromMilliseconds(300));

        await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<TaskCanceledException>().WithMessage("*exceeded the configured timeout*");
    }

    [Fact]
    public async Task A_hang_throws_TaskCanceledException_carrying_the_callers_token_when_the_caller_cancels()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Hang());
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource();

        Task<ChatResponse> call = client.GetResponseAsync(Question, cancellationToken: caller.Token);
        await server.WaitForRequestsAsync(1);
        await caller.CancelAsync();

        TaskCanceledException exception = (await call.Awaiting(c => c)
            .Should().ThrowExactlyAsync<TaskCanceledException>()).Which;
        exception.CancellationToken.Should().Be(caller.Token);
        exception.Message.Should().NotContain("exceeded the configured timeout");
    }

    [Fact]
    public async Task A_caller_deadline_shorter_than_the_network_timeout_wins()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Hang());
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        TaskCanceledException exception = (await client.Invoking(c => c.GetResponseAsync(Question, cancellationToken: caller.Token))
            .Should().ThrowExactlyAsync<TaskCanceledException>()).Which;

        caller.IsCancellationRequested.Should().BeTrue();
        exception.CancellationToken.Should().Be(caller.Token);
    }

    [Fact]
    public async Task The_server_sees_a_timed_out_request_and_the_next_request_still_works()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Hang(), ScriptedResponse.Completion("recovered"));
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(1));

        await client.Invoking(c => c.GetResponseAsync(Question)).Should().ThrowAsync<TaskCanceledException>();
        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("recovered");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task With_sdk_retries_on_a_network_timeout_is_retried_and_the_timeout_applies_per_try()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        // A warm-up call first (JIT, connection), and a timeout that a loaded CI machine answers "second try" within:
        // the hang still times out, and the retry must come back in time.
        server.Enqueue(ScriptedResponse.Completion("warm"), ScriptedResponse.Hang(), ScriptedResponse.Completion("second try"));
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(2), maxRetries: 1);
        (await client.GetResponseAsync(Question)).Text.Should().Be("warm");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("second try");
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_dropped_connection_throws_ClientResultException_with_status_0_and_no_response()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Disconnect());
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(0);
        exception.GetRawResponse().Should().BeNull();
        exception.InnerException.Should().BeOfType<HttpRequestException>()
            .Which.InnerException.Should().BeOfType<IOException>();
    }

    [Fact]
    public async Task A_body_cut_short_throws_a_bare_IOException()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.TruncatedBody());
        IChatClient client = server.CreateChatClient("judge-model");

        await client.Invoking(c => c.GetResponseAsync(Question)).Should().ThrowExactlyAsync<IOException>();
    }

    [Fact]
    public async Task With_sdk_retries_on_a_body_cut_short_is_retried()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.TruncatedBody(), ScriptedResponse.Completion("second try"));
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 1);

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("second try");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task With_sdk_retries_on_a_dropped_connection_is_retried()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Disconnect(), ScriptedResponse.Completion("second try"));
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 1);

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("second try");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task With_sdk_retries_on_repeated_dropped_connections_throw_an_AggregateException_of_every_try()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Disconnect(), ScriptedResponse.Disconnect());
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 1);

        AggregateException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<AggregateException>()).Which;

        exception.Message.Should().StartWith("Retry failed after 2 tries.");
        exception.InnerExceptions.Should().HaveCount(2).And.AllBeOfType<ClientResultException>();
        exception.InnerExceptions.Cast<ClientResultException>().Select(e => e.Status).Should().Equal(0, 0);
    }
}
