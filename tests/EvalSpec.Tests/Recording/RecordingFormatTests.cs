using System;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Persistence;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using EvalSpec.Tests.Persistence;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// The recordings file's format: a file written by a real recording (chat calls through the OpenAI client, embeddings)
/// satisfies docs/schemas/recordings.schema.json, and a file from a newer EvalSpec is refused, never rewritten.
/// </summary>
public sealed class RecordingFormatTests : RecordingTestBed
{
    [Fact]
    public async Task A_recorded_file_with_chat_and_embedding_entries_satisfies_the_schema()
    {
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession session = Start(RecordingMode.Record);
        IChatClient client = RecordedClient(server);
        IEmbeddingGenerator<string, Embedding<float>> embedder = new InMemoryEmbeddingGenerator().WithEvalSpecRecording("embedder");
        using (Row("laptop/formal"))
        {
            await client.GetResponseAsync("Refund window for laptops?", new ChatOptions { Temperature = 0 });
            await client.GetResponseAsync("Refund window for laptops?", new ChatOptions { Temperature = 0 });
            await embedder.GenerateAsync(new[] { "refund window" });
        }

        session.Complete();

        string text = File.ReadAllText(SuiteFile);
        text.Should().Contain("\"kind\": \"embeddings\"").And.Contain("\"occurrence\": 1");
        CommittedFileSchemas.Errors(CommittedFileFormats.Recordings.Schema, text).Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_of_a_newer_format_is_refused_with_the_EvalSpec_version_and_left_as_it_is()
    {
        string newer = "{\n  \"format\": 2,\n  \"suite\": \"" + Suite + "\",\n  \"entries\": []\n}\n";
        File.WriteAllText(SuiteFile, newer);
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession session = Start(RecordingMode.Record);

        Func<Task> record = async () =>
        {
            using (Row("laptop/formal"))
            {
                await RecordedClient(server).GetResponseAsync("Refund window for laptops?");
            }
        };

        (await record.Should().ThrowAsync<EvalConfigurationException>()).Which.Message.Should()
            .Contain(SuiteFile).And.Contain("format 2").And.Contain("newer than this one")
            .And.Contain("Update the EvalSpec package").And.NotContain("delete");
        session.Complete();
        File.ReadAllText(SuiteFile).Should().Be(newer);
    }
}
