using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>What the request key covers: everything that changes the answer, nothing that does not.</summary>
public sealed class RequestKeyTests
{
    private const string PinnedKey = "e9862c83b52cd69c987fb53ccd1064257316f53057ea93a95e70b7102eea2950";

    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"verdict":{"type":"string"}}}""").RootElement;

    public static TheoryData<string> Changes => new()
    {
        "client name", "model", "default model", "user message", "system message", "role", "extra message", "temperature", "top-p",
        "max tokens", "seed", "stop sequences", "json response format", "json schema", "schema name", "tools", "tool description",
        "tool schema", "tool mode", "additional property", "instructions", "image content",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_key_changes_with_anything_that_changes_the_answer(string change)
    {
        string client = "sut";
        string? model = "gpt-4o-mini";
        List<ChatMessage> messages = Conversation();
        ChatOptions options = Options();
        switch (change)
        {
            case "client name": client = "judge-a"; break;
            case "model": options.ModelId = "gpt-4o"; break;
            case "default model": model = "gpt-4o"; break;
            case "user message": messages[1] = new ChatMessage(ChatRole.User, "What is the refund window for headphones?"); break;
            case "system message": messages[0] = new ChatMessage(ChatRole.System, "You are terse."); break;
            case "role": messages[1] = new ChatMessage(ChatRole.Assistant, messages[1].Text); break;
            case "extra message": messages.Add(new ChatMessage(ChatRole.User, "Thanks")); break;
            case "temperature": options.Temperature = 0.7f; break;
            case "top-p": options.TopP = 0.5f; break;
            case "max tokens": options.MaxOutputTokens = 100; break;
            case "seed": options.Seed = 7; break;
            case "stop sequences": options.StopSequences = ["END"]; break;
            case "json response format": options.ResponseFormat = ChatResponseFormat.Json; break;
            case "json schema": options.ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse("""{"type":"object","properties":{"score":{"type":"number"}}}""").RootElement, "verdict"); break;
            case "schema name": options.ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "answer"); break;
            case "tools": options.Tools = [AIFunctionFactory.Create(() => "30 days", "refund_window", "The refund window.")]; break;
            case "tool description": options.Tools = [AIFunctionFactory.Create((string product) => "30 days", "lookup", "Looks a product's policy up.")]; break;
            case "tool schema": options.Tools = [AIFunctionFactory.Create((string product, int days) => "30 days", "lookup", "Looks a policy up.")]; break;
            case "tool mode": options.ToolMode = ChatToolMode.RequireAny; break;
            case "additional property": options.AdditionalProperties = new() { ["strict"] = true }; break;
            case "instructions": options.Instructions = "Answer in French."; break;
            case "image content": messages[1].Contents.Add(new DataContent(new byte[] { 1, 2, 3 }, "image/png")); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        string changed = RequestFingerprint.Chat(client, options.ModelId ?? model, messages, options);

        changed.Should().NotBe(BaseKey(), change);
    }

    [Fact]
    public void The_key_ignores_message_ids_timestamps_and_the_order_additional_properties_were_set_in()
    {
        List<ChatMessage> messages = Conversation();
        messages[0].MessageId = "msg-1";
        messages[1].CreatedAt = DateTimeOffset.UtcNow;
        ChatOptions first = Options();
        first.AdditionalProperties = new() { ["a"] = 1, ["b"] = "two" };
        ChatOptions second = Options();
        second.AdditionalProperties = new() { ["b"] = "two", ["a"] = 1 };

        RequestFingerprint.Chat("sut", "gpt-4o-mini", messages, first)
            .Should().Be(RequestFingerprint.Chat("sut", "gpt-4o-mini", Conversation(), second));
    }

    [Fact]
    public void An_explicit_model_id_equal_to_the_clients_default_gives_the_same_key()
    {
        ChatOptions explicitModel = Options();
        explicitModel.ModelId = "gpt-4o-mini";

        RequestFingerprint.Chat("sut", explicitModel.ModelId, Conversation(), explicitModel).Should().Be(BaseKey());
    }

    [Fact]
    public void The_key_of_a_known_request_is_pinned_so_that_committed_recordings_keep_replaying()
    {
        // A change here invalidates every committed recording: bump RequestFingerprint's version on purpose, never by accident.
        ChatOptions options = new() { Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "verdict") };
        ChatMessage[] messages = [new ChatMessage(ChatRole.System, "You answer refund questions."), new ChatMessage(ChatRole.User, "What is the refund window for laptops?")];

        RequestFingerprint.Chat("sut", "gpt-4o-mini", messages, options).Should().Be(PinnedKey);
    }

    [Fact]
    public void Embedding_keys_change_with_inputs_model_dimensions_and_client()
    {
        string key = RequestFingerprint.Embeddings("embedder", "mini", ["a", "b"], null);

        new[]
        {
            RequestFingerprint.Embeddings("embedder", "mini", ["b", "a"], null),
            RequestFingerprint.Embeddings("embedder", "large", ["a", "b"], null),
            RequestFingerprint.Embeddings("embedder", "mini", ["a", "b"], new EmbeddingGenerationOptions { Dimensions = 64 }),
            RequestFingerprint.Embeddings("other", "mini", ["a", "b"], null),
        }.Should().OnlyHaveUniqueItems().And.NotContain(key);
    }

    private static string BaseKey() => RequestFingerprint.Chat("sut", "gpt-4o-mini", Conversation(), Options());

    private static List<ChatMessage> Conversation() =>
    [
        new ChatMessage(ChatRole.System, "You answer refund questions."),
        new ChatMessage(ChatRole.User, "What is the refund window for laptops?"),
    ];

    private static ChatOptions Options() => new()
    {
        Temperature = 0,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "verdict"),
        Tools = [AIFunctionFactory.Create((string product) => "30 days", "lookup", "Looks a policy up.")],
    };
}

/// <summary>The key over real HTTP: a recording made with one API key and server replays for another.</summary>
public sealed class RequestKeyOverHttpTests : RecordingTestBed
{
    [Fact]
    public async Task A_different_api_key_endpoint_or_cancellation_token_replays_the_same_recording()
    {
        FakeOpenAIServer recordingServer = await StartServerAsync();
        Start(RecordingMode.Record);
        using (Row())
        {
            await RecordedClient(recordingServer, apiKey: "sk-first").GetResponseAsync("Refund window?", new ChatOptions { Temperature = 0 });
        }

        CurrentSession.Complete();
        FakeOpenAIServer otherServer = await StartServerAsync();
        using var cancellation = new CancellationTokenSource();
        Start(RecordingMode.Replay);

        using (Row())
        {
            ChatResponse replayed = await RecordedClient(otherServer, apiKey: "sk-second")
                .GetResponseAsync("Refund window?", new ChatOptions { Temperature = 0 }, cancellation.Token);
            replayed.Text.Should().Be("answer to Refund window?");
        }

        otherServer.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_changed_temperature_over_http_is_a_miss()
    {
        FakeOpenAIServer server = await StartServerAsync();
        Start(RecordingMode.Record);
        using (Row())
        {
            await RecordedClient(server).GetResponseAsync("Refund window?", new ChatOptions { Temperature = 0 });
        }

        CurrentSession.Complete();
        Start(RecordingMode.Replay);

        Func<Task> warmer = async () =>
        {
            using (Row())
            {
                await RecordedClient(server).GetResponseAsync("Refund window?", new ChatOptions { Temperature = 0.9f });
            }
        };

        await warmer.Should().ThrowAsync<RecordingMissException>();
    }
}
