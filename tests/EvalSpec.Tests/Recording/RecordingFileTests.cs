using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>The recordings file: readable, diff-friendly, stable, and written safely by concurrent rows and runs.</summary>
public sealed class RecordingFileTests : RecordingTestBed
{
    [Fact]
    public async Task Re_recording_the_same_calls_writes_a_byte_identical_file()
    {
        byte[] first = await RecordThreeRowsAsync();
        File.Delete(SuiteFile);

        byte[] second = await RecordThreeRowsAsync();

        second.Should().Equal(first);
    }

    [Fact]
    public async Task Re_recording_the_same_answers_under_other_response_and_message_ids_writes_a_byte_identical_file()
    {
        byte[] first = await RecordThreeRowsAsync();
        File.Delete(SuiteFile);

        // The fake server numbers its response ids by arrival (real providers make them up at random): after two other
        // requests, the same answers come back with other ids.
        FakeOpenAIServer server = await StartServerAsync();
        await server.CreateChatClient("gpt-test").GetResponseAsync("warm up");
        await server.CreateChatClient("gpt-test").GetResponseAsync("warm up");
        RecordingSession session = Start(RecordingMode.Record);
        await MakeThreeCallsAsync(RecordedClient(server));
        session.Complete();

        File.ReadAllBytes(SuiteFile).Should().Equal(first);
        File.ReadAllText(SuiteFile).Should().NotContain("responseId").And.NotContain("messageId").And.NotContain("chatcmpl-fake");
    }

    [Fact]
    public async Task A_replayed_answer_gets_ids_derived_from_its_entry_that_are_the_same_in_every_replay()
    {
        await RecordThreeRowsAsync();
        FakeOpenAIServer server = await StartServerAsync();

        IReadOnlyList<ChatResponse> first = await ReplayThreeCallsAsync(RecordedClient(server));
        IReadOnlyList<ChatResponse> second = await ReplayThreeCallsAsync(RecordedClient(server));

        first.Select(r => r.ResponseId).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().MatchRegex("^evalspec-[0-9a-f]{16}$"));
        second.Select(r => r.ResponseId).Should().Equal(first.Select(r => r.ResponseId));
        first.Should().AllSatisfy(r => r.Messages.Single().MessageId.Should().Be(r.ResponseId + "-0"));
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_entry_that_has_its_own_response_id_replays_it()
    {
        await RecordThreeRowsAsync();
        File.WriteAllText(SuiteFile, File.ReadAllText(SuiteFile).Replace("\"finishReason\": \"stop\"", "\"responseId\": \"chatcmpl-recorded\",\n        \"finishReason\": \"stop\"", StringComparison.Ordinal));
        FakeOpenAIServer server = await StartServerAsync();

        IReadOnlyList<ChatResponse> replayed = await ReplayThreeCallsAsync(RecordedClient(server));

        replayed.Should().AllSatisfy(r => r.ResponseId.Should().Be("chatcmpl-recorded"));
        replayed.Should().AllSatisfy(r => r.Messages.Single().MessageId.Should().Be("chatcmpl-recorded-0"));
    }

    [Fact]
    public async Task The_file_is_indented_json_with_lf_line_endings_no_bom_and_entries_sorted_by_context()
    {
        byte[] bytes = await RecordThreeRowsAsync();

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        string text = Encoding.UTF8.GetString(bytes);
        text.Should().NotContain("\r").And.EndWith("}\n").And.Contain("\n  \"entries\": [\n");
        text.Should().Contain("\"lastUserMessage\": \"Rückgabe für Kopfhörer?\"", "non-ASCII text stays readable");
        text.Should().NotContain("createdAt", "timestamps change between identical runs");
        text.Should().NotContain("rawRepresentation");

        using JsonDocument document = JsonDocument.Parse(bytes);
        document.RootElement.GetProperty("format").GetInt32().Should().Be(1);
        document.RootElement.GetProperty("suite").GetString().Should().Be(Suite);
        JsonElement[] entries = document.RootElement.GetProperty("entries").EnumerateArray().ToArray();
        entries.Select(e => e.GetProperty("context").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal).And.HaveCount(3);
        JsonElement entry = entries[0];
        entry.EnumerateObject().Select(p => p.Name).Should().Equal("context", "client", "kind", "hash", "occurrence", "request", "response");
        entry.GetProperty("client").GetString().Should().Be("sut");
        entry.GetProperty("kind").GetString().Should().Be("chat");
        entry.GetProperty("hash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        entry.GetProperty("request").GetProperty("model").GetString().Should().Be("gpt-test");
        entry.GetProperty("request").GetProperty("temperature").GetDouble().Should().Be(0);
        entry.GetProperty("response").GetProperty("messages")[0].GetProperty("contents")[0].GetProperty("text").GetString().Should().StartWith("answer to ");
        entry.GetProperty("response").GetProperty("finishReason").GetString().Should().Be("stop");
        entry.GetProperty("response").GetProperty("usage").GetProperty("totalTokenCount").GetInt32().Should().Be(15);
    }

    [Fact]
    public async Task Fifty_concurrent_rows_are_all_recorded_and_replayed()
    {
        FakeOpenAIServer server = await StartServerAsync(request => ScriptedResponse.Completion("answer to " + request.LastUserMessage).WithDelay(TimeSpan.FromMilliseconds(10)));
        IChatClient client = RecordedClient(server);
        RecordingSession record = Start(RecordingMode.Auto);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            using (Row($"case-{i:00}/formal"))
            {
                await client.GetResponseAsync($"Question {i}");
            }
        })));

        JournalLines().Should().HaveCount(50, "every answer is in the run's journal before its call returns");
        File.Exists(SuiteFile).Should().BeFalse("the file is written once, at the end of the run");
        record.Complete();
        EntriesOf(SuiteFile).Should().HaveCount(50);
        JournalLines().Should().BeEmpty("the journal is deleted once the file holds its answers");
        record.Statistics.Recorded.Should().Be(50);
        await server.DisposeAsync();

        Start(RecordingMode.Replay);
        string[] answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            using (Row($"case-{i:00}/formal"))
            {
                return (await client.GetResponseAsync($"Question {i}")).Text;
            }
        })));
        answers.Should().Equal(Enumerable.Range(0, 50).Select(i => $"answer to Question {i}"));
    }

    [Fact]
    public async Task Two_runs_recording_into_the_same_folder_keep_each_others_entries()
    {
        // Two sessions writing one file at the same time, like two target frameworks' test processes: each write merges
        // with what is on disk under the file's lock.
        var first = new RecordingSession(RecordingMode.Auto, Directory);
        var second = new RecordingSession(RecordingMode.Auto, Directory);
        JsonElement answer = JsonDocument.Parse("""{"messages":[{"role":"assistant","contents":[{"$type":"text","text":"ok"}]}]}""").RootElement;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).Record(Call($"row-{i:00}"), answer))));
        first.Complete();
        second.Complete();

        EntriesOf(SuiteFile).Select(e => e.GetProperty("context").GetString()).Should().BeEquivalentTo(Enumerable.Range(0, 40).Select(i => $"{Suite}.M/row-{i:00}/source/0"));

        static RecordingCall Call(string row) => new(
            new EvalSpec.Execution.EvalCallContext(Suite, Suite + ".M/" + row, 0, "source"),
            "sut",
            RequestFingerprint.ChatKind,
            new string('a', 64),
            () => new System.Text.Json.Nodes.JsonObject());
    }

    [Fact]
    public async Task A_file_with_two_entries_of_one_key_is_refused_naming_the_file_the_key_and_both_entries()
    {
        await RecordThreeRowsAsync();

        // A bad merge: both sides' versions of the laptop entry, the second with another answer.
        string text = File.ReadAllText(SuiteFile);
        int start = text.IndexOf("    {\n      \"context\": \"Shop.RefundEvals.RefundWindow/laptop/formal/source/0\"", StringComparison.Ordinal);
        int end = text.IndexOf("\n    }", start, StringComparison.Ordinal) + "\n    }".Length;
        string entry = text[start..end];
        File.WriteAllText(SuiteFile, text.Insert(end, ",\n" + entry.Replace("answer to Refund window for laptops?", "a failing answer that was fixed", StringComparison.Ordinal)));
        string hash = EntriesOf(SuiteFile)[1].GetProperty("hash").GetString()!;
        int firstLine = text[..start].Count(c => c == '\n') + 1;
        int secondLine = firstLine + entry.Count(c => c == '\n') + 1;
        FakeOpenAIServer server = await StartServerAsync();
        Start(RecordingMode.Replay);

        Func<Task> replay = async () =>
        {
            using (Row("laptop/formal"))
            {
                await RecordedClient(server).GetResponseAsync("Refund window for laptops?", new ChatOptions { Temperature = 0 });
            }
        };

        string message = (await replay.Should().ThrowAsync<EvalConfigurationException>()).Which.Message;
        message.Should().Contain(SuiteFile)
            .And.Contain("Shop.RefundEvals.RefundWindow/laptop/formal/source/0").And.Contain(hash[..16]).And.Contain("occurrence 0")
            .And.Contain($"entry 1 (line {firstLine})").And.Contain($"entry 2 (line {secondLine})");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Replaying_every_call_leaves_the_file_untouched()
    {
        await RecordThreeRowsAsync();
        DateTime written = File.GetLastWriteTimeUtc(SuiteFile);
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession auto = Start(RecordingMode.Auto);

        await MakeThreeCallsAsync(RecordedClient(server));
        auto.Complete();

        File.GetLastWriteTimeUtc(SuiteFile).Should().Be(written);
        auto.Statistics.FilesWritten.Should().Be(0);
        server.Requests.Should().BeEmpty();
    }

    private async Task<byte[]> RecordThreeRowsAsync()
    {
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession session = Start(RecordingMode.Record);
        await MakeThreeCallsAsync(RecordedClient(server));
        session.Complete();
        await server.DisposeAsync();
        return File.ReadAllBytes(SuiteFile);
    }

    private async Task<IReadOnlyList<ChatResponse>> ReplayThreeCallsAsync(IChatClient client)
    {
        RecordingSession session = Start(RecordingMode.Replay);
        IReadOnlyList<ChatResponse> responses = await MakeThreeCallsAsync(client);
        session.Complete();
        return responses;
    }

    private static async Task<IReadOnlyList<ChatResponse>> MakeThreeCallsAsync(IChatClient client)
    {
        var responses = new List<ChatResponse>();
        foreach ((string row, string prompt) in new[] { ("laptop/formal", "Refund window for laptops?"), ("headphones/de", "Rückgabe für Kopfhörer?"), ("phone/formal", "Refund window for phones?") })
        {
            using (Row(row))
            {
                responses.Add(await client.GetResponseAsync(prompt, new ChatOptions { Temperature = 0 }));
            }
        }

        return responses;
    }
}
