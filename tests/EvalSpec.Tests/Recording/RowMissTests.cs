using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Replay is strict: a miss fails its row even when the code under test catches it, so the session keeps each row's misses
/// for the row runner, and an embedding similarity that was not recorded does not fall back to token F1 unseen.
/// </summary>
public sealed class RowMissTests : RecordingTestBed
{
    private const string Identity = "laptop/formal/identity";
    private const string Typos = "laptop/formal/typos";

    [Fact]
    public async Task A_miss_that_the_code_under_test_catches_is_still_kept_for_its_row()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession replay = Start(RecordingMode.Replay);

        string answer;
        using (Row(Identity))
        {
            answer = await AnswerWithFallbackAsync(client, "What is the refund window for laptop?");
        }

        answer.Should().Be("Sorry, I cannot answer that right now.", "the system under test turned the miss into a normal answer");
        RecordingMissException miss = replay.MissesFor(RowId(Identity)).Should().ContainSingle().Which;
        miss.Context.Should().Be(RowId(Identity) + "/source/0");
        miss.ClientName.Should().Be("sut");
        replay.MissesFor(RowId("headphones/formal/identity")).Should().BeEmpty();
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_relation_row_gets_the_misses_of_the_source_run_it_used_but_not_the_judge_misses_of_the_identity_row()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession replay = Start(RecordingMode.Replay);

        using (Row(Identity, phase: EvalCallContext.SourcePhase))
        {
            await AnswerWithFallbackAsync(client, "Refund window for laptop?");
        }

        using (Row(Identity, phase: EvalCallContext.JudgePhase))
        {
            await AnswerWithFallbackAsync(client, "Rate the answer about laptops");
        }

        using (Row(Typos, phase: EvalCallContext.FollowUpPhase))
        {
            await AnswerWithFallbackAsync(client, "Refund windw for laptp?");
        }

        replay.MissesFor(RowId(Identity)).Select(m => m.Context).Should().Equal(RowId(Identity) + "/source/0", RowId(Identity) + "/judge/0");
        replay.MissesFor(RowId(Typos), sourceRowId: RowId(Identity)).Select(m => m.Context)
            .Should().Equal(RowId(Identity) + "/source/0", RowId(Typos) + "/follow-up/0");
        replay.MissesFor(RowId(Identity), sourceRowId: RowId(Identity)).Should().HaveCount(2, "an identity row's source misses are its own, counted once");
    }

    [Fact]
    public async Task Auto_mode_records_instead_of_missing_so_no_row_has_misses()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession auto = Start(RecordingMode.Auto);

        using (Row(Identity))
        {
            (await AnswerWithFallbackAsync(client, "Refund window for laptop?")).Should().Be("answer to Refund window for laptop?");
        }

        auto.MissesFor(RowId(Identity)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_failure_of_a_row_with_misses_shows_the_first_in_full_and_the_keys_of_the_others()
    {
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession replay = Start(RecordingMode.Replay);
        using (Row(Identity))
        {
            await AnswerWithFallbackAsync(RecordedClient(server), "Refund window for laptop?");
            await AnswerWithFallbackAsync(RecordedClient(server, name: "judge-a"), "Is 30 days right?");
        }

        IReadOnlyList<RecordingMissException> misses = replay.MissesFor(RowId(Identity));
        string failure = RecordingSession.DescribeMisses(misses);

        failure.Split('\n')[0].Should().StartWith("2 model call(s) of this row had no recording (replay mode), so the row fails whatever its output");
        failure.Should().Contain(misses[0].Message, "the first miss says how to record it")
            .And.EndWith("Also missing: " + misses[1].Key + " ('judge-a' in " + RowId(Identity) + "/source/0)");
    }

    [Fact]
    public async Task An_input_similarity_whose_embeddings_were_not_recorded_fails_instead_of_falling_back_to_token_F1()
    {
        var model = new InMemoryEmbeddingGenerator();
        var similarity = new InputSimilarity(model.WithEvalSpecRecording("embedder"));
        Start(RecordingMode.Replay);

        Func<Task> compute = () => similarity.ComputeAsync("Refund window for laptop?", "Refund windw for laptp?", TimeSpan.FromSeconds(10), CancellationToken.None);

        (await compute.Should().ThrowAsync<RecordingMissException>()).Which.ClientName.Should().Be("embedder");
        similarity.Fallbacks.Should().Be(0);
        model.Calls.Should().Be(0);
    }

    [Fact]
    public async Task An_input_similarity_whose_embedding_model_fails_still_falls_back_to_token_F1_and_counts_it()
    {
        var model = new InMemoryEmbeddingGenerator { Fail = true };
        var similarity = new InputSimilarity(model.WithEvalSpecRecording("embedder"));
        Start(RecordingMode.Auto);

        double value = await similarity.ComputeAsync("refund window for laptop", "refund window for a laptop", TimeSpan.FromSeconds(10), CancellationToken.None);

        value.Should().BeApproximately(TextTokens.F1("refund window for a laptop", "refund window for laptop"), 1e-9);
        similarity.Fallbacks.Should().Be(1);
    }

    private static string RowId(string row) => Suite + ".RefundWindow/" + row;

    /// <summary>A system under test with a fallback answer: it catches whatever the model call throws.</summary>
    private static async Task<string> AnswerWithFallbackAsync(IChatClient client, string question)
    {
        try
        {
            return (await client.GetResponseAsync(question)).Text;
        }
        catch (Exception)
        {
            return "Sorry, I cannot answer that right now.";
        }
    }
}
