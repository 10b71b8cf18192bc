using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>
/// What the real client throws for each HTTP error the server sends, and where the status code, the error body and
/// <c>Retry-After</c> can be read. Retries of the SDK are off (maxRetries 0) unless a test says otherwise.
/// </summary>
public sealed class ErrorResponseTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "Grade this answer.")];

    [Fact]
    public async Task A_rate_limit_throws_ClientResultException_with_status_429_and_a_readable_Retry_After()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.RateLimited(retryAfter: TimeSpan.FromSeconds(7)));
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(429);
        exception.Message.Should().Contain("HTTP 429 (requests: rate_limit_exceeded)")
            .And.Contain("Rate limit reached for requests.");
        PipelineResponse raw = exception.GetRawResponse()!;
        raw.Status.Should().Be(429);
        raw.Headers.TryGetValue("Retry-After", out string? retryAfter).Should().BeTrue();
        retryAfter.Should().Be("7");
        raw.Headers.TryGetValue("x-request-id", out string? requestId).Should().BeTrue();
        requestId.Should().Be("req_fake_000001");
        ErrorCode(raw).Should().Be("rate_limit_exceeded");
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_Retry_After_delay_is_sent_in_whole_seconds_rounded_up()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.RateLimited(retryAfter: TimeSpan.FromMilliseconds(1500)));
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.GetRawResponse()!.Headers.TryGetValue("Retry-After", out string? retryAfter).Should().BeTrue();
        retryAfter.Should().Be("2");
    }

    [Fact]
    public async Task Insufficient_quota_is_429_too_but_without_Retry_After_and_with_code_insufficient_quota()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.InsufficientQuota());
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(429);
        exception.GetRawResponse()!.Headers.TryGetValue("Retry-After", out _).Should().BeFalse();
        ErrorCode(exception.GetRawResponse()!).Should().Be("insufficient_quota");
    }

    [Fact]
    public async Task A_server_error_throws_ClientResultException_with_status_500()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.ServerError());
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(500);
        exception.Message.Should().Contain("HTTP 500 (server_error: )");
        exception.GetRawResponse()!.Headers.TryGetValue("Retry-After", out _).Should().BeFalse();
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Service_unavailable_throws_ClientResultException_with_status_503_and_a_readable_Retry_After()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.ServiceUnavailable(retryAfter: TimeSpan.FromSeconds(3)));
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(503);
        exception.GetRawResponse()!.Headers.TryGetValue("Retry-After", out string? retryAfter).Should().BeTrue();
        retryAfter.Should().Be("3");
    }

    [Fact]
    public async Task A_wrong_api_key_throws_ClientResultException_with_status_401()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { RequiredApiKey = "sk-right" });
        server.Enqueue(ScriptedResponse.Completion("never sent"));
        IChatClient client = server.CreateChatClient("judge-model", apiKey: "sk-wrong");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(401);
        ErrorCode(exception.GetRawResponse()!).Should().Be("invalid_api_key");
        server.QueuedResponseCount.Should().Be(1, "a rejected request takes nothing from the script");
    }

    [Fact]
    public async Task The_right_api_key_is_accepted_when_the_server_requires_one()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { RequiredApiKey = "sk-right" });
        server.Enqueue(ScriptedResponse.Completion("ok"));
        IChatClient client = server.CreateChatClient("judge-model", apiKey: "sk-right");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("ok");
    }

    [Fact]
    public async Task A_custom_error_status_and_body_reach_the_exception()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Error(400, "This model's maximum context length is 8192 tokens.", "invalid_request_error", "context_length_exceeded"));
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(400);
        exception.Message.Should().Contain("HTTP 400 (invalid_request_error: context_length_exceeded)")
            .And.Contain("maximum context length");
    }

    [Fact]
    public async Task A_200_whose_body_is_not_JSON_throws_a_JsonException_not_a_ClientResultException()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Raw(200, "<html><body>Bad gateway</body></html>", "text/html"));
        IChatClient client = server.CreateChatClient("judge-model");

        // System.Text.Json throws its internal JsonReaderException, a JsonException.
        await client.Invoking(c => c.GetResponseAsync(Question)).Should().ThrowAsync<JsonException>();
    }

    [Fact]
    public async Task With_retries_off_a_retriable_failure_is_sent_exactly_once()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.ServiceUnavailable(), ScriptedResponse.Completion("never sent"));
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 0);

        await client.Invoking(c => c.GetResponseAsync(Question)).Should().ThrowExactlyAsync<ClientResultException>();

        server.Requests.Should().HaveCount(1);
        server.QueuedResponseCount.Should().Be(1);
    }

    [Fact]
    public async Task With_sdk_retries_on_a_rate_limited_request_is_sent_again_after_Retry_After()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.RateLimited(retryAfter: TimeSpan.FromSeconds(1)), ScriptedResponse.Completion("second try"));
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 1);

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("second try");
        server.Requests.Should().HaveCount(2);
        (server.Requests[1].ReceivedAt - server.Requests[0].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task With_sdk_retries_on_the_last_failure_is_thrown_when_they_run_out()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.RateLimited(retryAfter: TimeSpan.Zero),
            ScriptedResponse.RateLimited(retryAfter: TimeSpan.Zero),
            ScriptedResponse.ServerError());
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 2);

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync(Question))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(500);
        server.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(422, false)]
    [InlineData(501, false)]
    public async Task With_sdk_retries_on_only_transient_statuses_are_retried(int status, bool retried)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Error(status, "scripted failure", "server_error").WithHeader("Retry-After", "0"),
            ScriptedResponse.Completion("second try"));
        IChatClient client = server.CreateChatClient("judge-model", maxRetries: 1);

        Func<Task<ChatResponse>> call = () => client.GetResponseAsync(Question);

        if (retried)
        {
            (await call()).Text.Should().Be("second try");
            server.Requests.Should().HaveCount(2);
        }
        else
        {
            (await call.Should().ThrowExactlyAsync<ClientResultException>()).Which.Status.Should().Be(status);
            server.Requests.Should().HaveCount(1);
        }
    }

    private static string? ErrorCode(PipelineResponse response)
    {
        using JsonDocument body = JsonDocument.Parse(response.Content);
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
