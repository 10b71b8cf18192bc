using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvalSpec.Recording;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>Streamed chat calls and embeddings are recorded and replayed like plain chat calls.</summary>
public sealed class StreamingAndEmbeddingTests : RecordingTestBed
{
    [Fact]
    public async Task A_stream_is_passed_on_as_it_comes_recorded_whole_and_replayed_as_updates()
    {
        var model = new InMemoryStreamingChatClient();
        IChatClient client = model.WithEvalSpecRecording("sut");
        Start(RecordingMode.Record);
        List<ChatResponseUpdate> live;
        using (Row())
        {
            live = await client.GetStreamingResponseAsync("Ada").ToListAsync();
        }

        CurrentSession.Complete();
        model.Fail = true;
        Start(RecordingMode.Replay);
        List<ChatResponseUpdate> replayed;
        using (Row())
        {
            replayed = await client.GetStreamingResponseAsync("Ada").ToListAsync();
        }

        live.Select(u => u.Text).Where(t => t.Length > 0).Should().Equal("Hello, ", "Ada", "!");
        ChatResponse fromReplay = replayed.ToChatResponse();
        fromReplay.Text.Should().Be("Hello, Ada!");
        fromReplay.FinishReason.Should().Be(ChatFinishReason.Stop);
        fromReplay.ModelId.Should().Be("stream-model");
        fromReplay.Usage!.TotalTokenCount.Should().Be(8);
        model.Calls.Should().Be(1);
    }

    [Fact]
    public async Task A_streamed_recording_replays_for_a_plain_call_of_the_same_request()
    {
        var model = new InMemoryStreamingChatClient();
        IChatClient client = model.WithEvalSpecRecording("sut");
        Start(RecordingMode.Record);
        using (Row())
        {
            await client.GetStreamingResponseAsync("Ada").ToListAsync();
        }

        CurrentSession.Complete();
        model.Fail = true;
        Start(RecordingMode.Replay);
        using (Row())
        {
            (await client.GetResponseAsync("Ada")).Text.Should().Be("Hello, Ada!");
        }
    }

    [Fact]
    public async Task An_abandoned_stream_is_not_recorded()
    {
        IChatClient client = new InMemoryStreamingChatClient().WithEvalSpecRecording("sut");
        RecordingSession session = Start(RecordingMode.Auto);
        using (Row())
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("Ada"))
            {
                break;
            }
        }

        session.Complete();
        File.Exists(SuiteFile).Should().BeFalse();
        session.Statistics.Recorded.Should().Be(0);
    }

    [Fact]
    public async Task Embeddings_are_recorded_and_replayed_bit_for_bit_with_each_vector_on_one_line()
    {
        var model = new InMemoryEmbeddingGenerator();
        IEmbeddingGenerator<string, Embedding<float>> generator = model.WithEvalSpecRecording("embedder");
        Start(RecordingMode.Record);
        using (Row())
        {
            await generator.GenerateAsync(["refund window", "Rückgabe"]);
        }

        CurrentSession.Complete();
        model.Fail = true;
        Start(RecordingMode.Replay);
        GeneratedEmbeddings<Embedding<float>> replayed;
        using (Row())
        {
            replayed = await generator.GenerateAsync(["refund window", "Rückgabe"]);
        }

        replayed.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(
            new[] { InMemoryEmbeddingGenerator.VectorOf("refund window"), InMemoryEmbeddingGenerator.VectorOf("Rückgabe") },
            o => o.WithStrictOrdering().Using<float>(c => BitConverter.SingleToInt32Bits(c.Subject).Should().Be(BitConverter.SingleToInt32Bits(c.Expectation))).WhenTypeIs<float>());
        replayed.Should().OnlyContain(e => e.ModelId == "mini-embed");
        replayed.Usage!.InputTokenCount.Should().Be(2);
        model.Calls.Should().Be(1);

        JsonElement entry = EntriesOf(SuiteFile).Single();
        entry.GetProperty("kind").GetString().Should().Be("embeddings");
        entry.GetProperty("request").GetProperty("inputs").EnumerateArray().Select(i => i.GetString()).Should().Equal("refund window", "Rückgabe");
        File.ReadAllLines(SuiteFile).Where(line => line.Contains("\"vector\"", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(line => Regex.IsMatch(line, @"^\s*""vector"": \[[^\[\]]+\],?$"));
    }

    [Fact]
    public async Task Embeddings_of_other_inputs_are_a_replay_miss()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new InMemoryEmbeddingGenerator().WithEvalSpecRecording("embedder");
        Start(RecordingMode.Record);
        using (Row())
        {
            await generator.GenerateAsync(["refund window"]);
        }

        CurrentSession.Complete();
        Start(RecordingMode.Replay);

        Func<Task> other = async () =>
        {
            using (Row())
            {
                await generator.GenerateAsync(["return policy"]);
            }
        };

        (await other.Should().ThrowAsync<RecordingMissException>()).Which.Message.Should().Contain("model mini-embed").And.Contain("first \"return policy\"");
    }
}
