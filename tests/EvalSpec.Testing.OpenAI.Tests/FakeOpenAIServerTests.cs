using System;
using System.ClientModel;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>The fake server itself: its address, its wire format, how it picks a behaviour, what it records.</summary>
public sealed class FakeOpenAIServerTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task The_base_address_is_a_loopback_v1_address_on_a_free_port()
    {
        await using FakeOpenAIServer first = await FakeOpenAIServer.StartAsync();
        await using FakeOpenAIServer second = await FakeOpenAIServer.StartAsync();

        first.BaseAddress.Host.Should().Be("127.0.0.1");
        first.BaseAddress.AbsolutePath.Should().Be("/v1/");
        first.BaseAddress.Port.Should().BeGreaterThan(0).And.NotBe(second.BaseAddress.Port);
    }

    [Fact]
    public async Task A_completion_has_the_shape_of_OpenAIs_chat_completion_object()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("hello", new ScriptedUsage(3, 1)));

        using HttpResponseMessage response = await PostChatAsync(server, """{"model":"m","messages":[{"role":"user","content":"hi"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("x-request-id").Should().Equal("req_fake_000001");
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        root.GetProperty("id").GetString().Should().Be("chatcmpl-fake-000001");
        root.GetProperty("object").GetString().Should().Be("chat.completion");
        root.GetProperty("created").GetInt64().Should().BePositive();
        root.GetProperty("model").GetString().Should().Be("m");
        JsonElement choice = root.GetProperty("choices").EnumerateArray().Should().ContainSingle().Subject;
        choice.GetProperty("index").GetInt32().Should().Be(0);
        choice.GetProperty("finish_reason").GetString().Should().Be("stop");
        JsonElement message = choice.GetProperty("message");
        message.GetProperty("role").GetString().Should().Be("assistant");
        message.GetProperty("content").GetString().Should().Be("hello");
        message.GetProperty("refusal").ValueKind.Should().Be(JsonValueKind.Null);
        JsonElement usage = root.GetProperty("usage");
        usage.GetProperty("prompt_tokens").GetInt32().Should().Be(3);
        usage.GetProperty("completion_tokens").GetInt32().Should().Be(1);
        usage.GetProperty("total_tokens").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task A_refusal_has_null_content_and_the_refusal_field()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Refusal("No."));

        using HttpResponseMessage response = await PostChatAsync(server, """{"model":"m","messages":[]}""");

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement message = body.RootElement.GetProperty("choices")[0].GetProperty("message");
        message.GetProperty("content").ValueKind.Should().Be(JsonValueKind.Null);
        message.GetProperty("refusal").GetString().Should().Be("No.");
    }

    [Fact]
    public async Task An_error_has_the_shape_of_OpenAIs_error_object()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.RateLimited(TimeSpan.FromSeconds(20)).WithHeader("x-ratelimit-remaining-requests", "0"));

        using HttpResponseMessage response = await PostChatAsync(server, """{"model":"m","messages":[]}""");

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(20));
        response.Headers.GetValues("x-ratelimit-remaining-requests").Should().Equal("0");
        string body = await response.Content.ReadAsStringAsync();
        body.Should().Be(
            """{"error":{"message":"Rate limit reached for requests. Please try again later.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""");
    }

    [Fact]
    public async Task A_model_queue_is_taken_before_the_shared_queue_and_the_shared_queue_before_the_responder()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = _ => ScriptedResponse.Completion("responder");
        server.Enqueue(ScriptedResponse.Completion("shared"));
        server.EnqueueForModel("judge-a", ScriptedResponse.Completion("model a"));
        IChatClient judgeA = server.CreateChatClient("judge-a");

        string[] texts =
        [
            (await judgeA.GetResponseAsync("1")).Text,
            (await judgeA.GetResponseAsync("2")).Text,
            (await judgeA.GetResponseAsync("3")).Text,
        ];

        texts.Should().Equal("model a", "shared", "responder");
    }

    [Fact]
    public async Task A_responder_can_choose_by_the_content_of_the_messages()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = request => request.LastUserMessage!.Contains("refund", StringComparison.Ordinal)
                ? ScriptedResponse.Completion("{\"verdict\":\"pass\"}")
                : ScriptedResponse.ServerError(),
        });
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse refund = await client.GetResponseAsync("Grade the refund answer.");
        Func<Task> other = () => client.GetResponseAsync("Grade the shipping answer.");

        refund.Text.Should().Be("{\"verdict\":\"pass\"}");
        (await other.Should().ThrowExactlyAsync<ClientResultException>()).Which.Status.Should().Be(500);
    }

    [Fact]
    public async Task An_unscripted_request_gets_a_500_that_names_the_request()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync("hi"))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(500);
        exception.Message.Should().Contain("nothing is scripted for request #1 POST /v1/chat/completions model=judge-model");
    }

    [Fact]
    public async Task A_throwing_responder_gets_a_500_with_its_message()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = _ => throw new InvalidOperationException("no rule for this prompt"),
        });
        IChatClient client = server.CreateChatClient("judge-model");

        ClientResultException exception = (await client.Invoking(c => c.GetResponseAsync("hi"))
            .Should().ThrowExactlyAsync<ClientResultException>()).Which;

        exception.Status.Should().Be(500);
        exception.Message.Should().Contain("no rule for this prompt");
    }

    [Fact]
    public async Task An_unknown_path_gets_OpenAIs_404_and_is_recorded()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("not for this path"));

        using HttpResponseMessage response = await Http.GetAsync(new Uri(server.BaseAddress, "models?limit=1"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Invalid URL (GET /v1/models)");
        RecordedRequest request = server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/v1/models");
        request.QueryString.Should().Be("?limit=1");
        request.Body.Should().BeNull();
        server.QueuedResponseCount.Should().Be(1);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_OpenAIs_400_and_is_recorded_verbatim()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();

        using HttpResponseMessage response = await PostChatAsync(server, "model=m");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        RecordedRequest request = server.Requests.Should().ContainSingle().Subject;
        request.RawBody.Should().Be("model=m");
        request.Body.Should().BeNull();
        request.Model.Should().BeNull();
        request.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task A_request_records_its_headers_case_insensitively_and_its_arrival_time()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("ok"));
        DateTimeOffset before = DateTimeOffset.UtcNow;

        await server.CreateChatClient("judge-model").GetResponseAsync("hi");

        RecordedRequest request = server.Requests.Single();
        request.Headers["authorization"].Should().Be("Bearer test-key");
        request.Headers.Should().ContainKey("User-Agent");
        request.Headers["user-agent"].Should().Contain("OpenAI");
        request.ReceivedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Array_content_parts_are_recorded_as_their_joined_text()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("ok"));

        using HttpResponseMessage response = await PostChatAsync(
            server,
            """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"first"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"second"}]}]}""");

        server.Requests.Single().Messages.Should().Equal(new RecordedMessage("user", "first\nsecond"));
    }

    [Fact]
    public async Task WaitForRequestsAsync_completes_once_the_count_is_reached()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("1"), ScriptedResponse.Completion("2"));
        IChatClient client = server.CreateChatClient("judge-model");
        Task two = server.WaitForRequestsAsync(2);

        await client.GetResponseAsync("a");
        two.IsCompleted.Should().BeFalse();
        await client.GetResponseAsync("b");

        await two.WaitAsync(TimeSpan.FromSeconds(10));
        server.WaitForRequestsAsync(1).IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Disposing_the_server_releases_a_held_request_at_once()
    {
        FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Hang());
        IChatClient client = server.CreateChatClient("judge-model", networkTimeout: TimeSpan.FromSeconds(60));
        Task<ChatResponse> call = client.GetResponseAsync("hi");
        await server.WaitForRequestsAsync(1);
        Task pending = server.WaitForRequestsAsync(5);

        await server.DisposeAsync();

        (await call.Awaiting(c => c).Should().ThrowExactlyAsync<ClientResultException>().WaitAsync(TimeSpan.FromSeconds(10)))
            .Which.Status.Should().Be(0);
        await pending.Awaiting(p => p).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task The_clock_of_the_options_stamps_requests_and_completions()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { TimeProvider = clock });
        server.Enqueue(ScriptedResponse.Completion("ok"));

        ChatResponse response = await server.CreateChatClient("judge-model").GetResponseAsync("hi");

        server.Requests.Single().ReceivedAt.Should().Be(clock.Now);
        response.CreatedAt.Should().Be(clock.Now);
    }

    private static Task<HttpResponseMessage> PostChatAsync(FakeOpenAIServer server, string body) =>
        Http.PostAsync(
            new Uri(server.BaseAddress, "chat/completions"),
            new StringContent(body, Encoding.UTF8, "application/json"),
            CancellationToken.None);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
