using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>What the real client returns for each kind of HTTP 200 completion, and what it sends.</summary>
public sealed class CompletionRoundTripTests
{
    private static readonly ChatMessage[] Question =
    [
        new(ChatRole.System, "You are a strict grader."),
        new(ChatRole.User, "Is 30 days the refund window?"),
    ];

    [Fact]
    public async Task A_completion_arrives_with_its_text_model_usage_and_finish_reason()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("{\"verdict\":\"pass\"}", new ScriptedUsage(42, 7)));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("{\"verdict\":\"pass\"}");
        response.ModelId.Should().Be("judge-model");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().Be(42);
        response.Usage.OutputTokenCount.Should().Be(7);
        response.Usage.TotalTokenCount.Should().Be(49);
        response.ResponseId.Should().Be("chatcmpl-fake-000001");
    }

    [Fact]
    public async Task The_reported_model_and_finish_reason_are_the_scripted_ones()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("The refund win", finishReason: "length", model: "judge-model-2025-01-01"));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.ModelId.Should().Be("judge-model-2025-01-01");
        response.FinishReason.Should().Be(ChatFinishReason.Length);
    }

    [Fact]
    public async Task A_content_filter_finish_reason_arrives_as_ContentFilter()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion(string.Empty, finishReason: "content_filter"));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.FinishReason.Should().Be(ChatFinishReason.ContentFilter);
    }

    [Fact]
    public async Task Unscripted_usage_is_the_word_count_of_the_messages_and_of_the_reply()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("Yes, it is."));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        // "You are a strict grader." (5) + "Is 30 days the refund window?" (6); "Yes, it is." (3).
        response.Usage!.InputTokenCount.Should().Be(11);
        response.Usage.OutputTokenCount.Should().Be(3);
    }

    [Fact]
    public async Task The_request_carries_the_model_and_the_messages_in_order()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("ok"));
        IChatClient client = server.CreateChatClient("judge-model");

        await client.GetResponseAsync(Question);

        RecordedRequest request = server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/chat/completions");
        request.Model.Should().Be("judge-model");
        request.Messages.Should().Equal(
            new RecordedMessage("system", "You are a strict grader."),
            new RecordedMessage("user", "Is 30 days the refund window?"));
        request.LastUserMessage.Should().Be("Is 30 days the refund window?");
        request.Headers["Content-Type"].Should().StartWith("application/json");
    }

    [Fact]
    public async Task The_Authorization_header_carries_the_api_key_as_a_bearer_token()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("ok"), ScriptedResponse.Completion("ok"));

        await server.CreateChatClient("judge-model").GetResponseAsync(Question);
        await server.CreateChatClient("judge-model", apiKey: "sk-other").GetResponseAsync(Question);

        server.Requests.Select(r => r.Authorization).Should().Equal("Bearer test-key", "Bearer sk-other");
    }

    [Fact]
    public async Task A_json_schema_response_format_reaches_the_server_as_OpenAI_response_format()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("{\"score\":0.9}"));
        IChatClient client = server.CreateChatClient("judge-model");
        JsonElement schema = JsonDocument.Parse(
            """{"type":"object","properties":{"score":{"type":"number"}},"required":["score"],"additionalProperties":false}""").RootElement;
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict", "A judge's verdict."),
        };

        await client.GetResponseAsync(Question, options);

        JsonElement format = server.Requests.Single().Body!.Value.GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        JsonElement jsonSchema = format.GetProperty("json_schema");
        jsonSchema.GetProperty("name").GetString().Should().Be("verdict");
        jsonSchema.GetProperty("description").GetString().Should().Be("A judge's verdict.");
        JsonElement.DeepEquals(jsonSchema.GetProperty("schema"), schema).Should().BeTrue();
        jsonSchema.TryGetProperty("strict", out _).Should().BeFalse("M.E.AI sends no strict flag unless asked");
    }

    [Fact]
    public async Task A_strict_json_schema_is_requested_through_the_strict_additional_property()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("{\"score\":0.9}"));
        IChatClient client = server.CreateChatClient("judge-model");
        JsonElement schema = JsonDocument.Parse(
            """{"type":"object","properties":{"score":{"type":"number"}},"required":["score"],"additionalProperties":false}""").RootElement;
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict"),
            AdditionalProperties = new() { ["strict"] = true },
        };

        await client.GetResponseAsync(Question, options);

        JsonElement jsonSchema = server.Requests.Single().Body!.Value.GetProperty("response_format").GetProperty("json_schema");
        jsonSchema.GetProperty("strict").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Malformed_json_content_arrives_verbatim()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("{\"verdict\": \"pass\", \"score\": "));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("{\"verdict\": \"pass\", \"score\": ");
    }

    [Fact]
    public async Task Free_text_content_arrives_verbatim()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("Sure! The answer looks correct to me.\n\nScore: 9/10"));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("Sure! The answer looks correct to me.\n\nScore: 9/10");
    }

    [Fact]
    public async Task Empty_content_arrives_as_one_empty_TextContent()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion(string.Empty));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().BeEmpty();
        response.Messages.Should().ContainSingle()
            .Which.Contents.Should().ContainSingle()
            .Which.Should().BeOfType<TextContent>().Which.Text.Should().BeEmpty();
    }

    [Fact]
    public async Task Null_content_arrives_as_a_message_without_contents()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion(null));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().BeEmpty();
        response.Messages.Should().ContainSingle().Which.Contents.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refusal_arrives_as_ErrorContent_with_code_Refusal_and_no_text()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Refusal("I can't grade this content."));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().BeEmpty();
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        ErrorContent refusal = response.Messages.Should().ContainSingle()
            .Which.Contents.Should().ContainSingle()
            .Which.Should().BeOfType<ErrorContent>().Subject;
        refusal.ErrorCode.Should().Be("Refusal");
        refusal.Message.Should().Be("I can't grade this content.");
    }

    [Fact]
    public async Task A_refusal_written_as_text_is_ordinary_text()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.Completion("I'm sorry, but I can't help with that."));
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse response = await client.GetResponseAsync(Question);

        response.Text.Should().Be("I'm sorry, but I can't help with that.");
        response.Messages.SelectMany(m => m.Contents).Should().AllBeOfType<TextContent>();
    }
}
