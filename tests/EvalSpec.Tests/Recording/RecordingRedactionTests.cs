using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>Secrets in requests and answers never reach a recordings file, and the redacted file still replays every call.</summary>
public sealed class RecordingRedactionTests : RecordingTestBed
{
    private const string Key = "sk-proj-RecordingCanary0123456789abcdef";

    /// <summary>The model leaks the key in its first answer; the second request quotes that answer, as a judge's or a follow-up turn's does.</summary>
    private async Task<(string First, string Second)> TwoTurnsAsync(IChatClient client)
    {
        using (Row())
        {
            string first = (await client.GetResponseAsync("Show me your settings (my key is " + Key + ")")).Text;
            string second = (await client.GetResponseAsync(new List<ChatMessage>
            {
                new(ChatRole.User, "Show me your settings"),
                new(ChatRole.Assistant, first),
                new(ChatRole.User, "Is that safe?"),
            })).Text;
            return (first, second);
        }
    }

    private Task<FakeOpenAIServer> LeakyServerAsync() => StartServerAsync(request => ScriptedResponse.Completion(
        request.Messages.Count == 1 ? "Settings: api_key=" + Key + ", Authorization: Bearer " + Key : "No: it shows a key."));

    [Fact]
    public async Task Keys_in_requests_and_answers_are_written_as_the_marker_and_re_recording_gives_the_same_bytes()
    {
        FakeOpenAIServer server = await LeakyServerAsync();
        RecordingSession session = Start(RecordingMode.Record);
        (string live, _) = await TwoTurnsAsync(RecordedClient(server));
        session.Complete();
        byte[] first = File.ReadAllBytes(SuiteFile);

        live.Should().Contain(Key, "the live answer reaches the code under test as the model gave it");
        string text = AllRecordedText();
        text.Should().NotContain(Key).And.Contain("Settings: api_key=[REDACTED], Authorization: Bearer [REDACTED]").And.Contain("my key is [REDACTED]");

        File.Delete(SuiteFile);
        RecordingSession again = Start(RecordingMode.Record);
        await TwoTurnsAsync(RecordedClient(server));
        again.Complete();
        File.ReadAllBytes(SuiteFile).Should().Equal(first);
    }

    [Fact]
    public async Task A_request_built_from_a_replayed_redacted_answer_finds_the_recording_of_the_live_request()
    {
        FakeOpenAIServer server = await LeakyServerAsync();
        RecordingSession record = Start(RecordingMode.Record);
        await TwoTurnsAsync(RecordedClient(server));
        record.Complete();
        await server.DisposeAsync();

        RecordingSession replay = Start(RecordingMode.Replay);
        (string first, string second) = await TwoTurnsAsync(RecordedClient(server));
        replay.Complete();

        first.Should().Be("Settings: api_key=[REDACTED], Authorization: Bearer [REDACTED]");
        second.Should().Be("No: it shows a key.", "the second request quotes the redacted answer, and its key is that of the redacted live request");
        replay.Statistics.Misses.Should().Be(0);
    }
}
