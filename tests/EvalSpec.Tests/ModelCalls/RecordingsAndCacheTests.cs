using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using EvalSpec.Tests.Recording;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>
/// How recordings and the shared cache meet, as a run wires them (the session's <see cref="RecordingSession.ModelCalls"/>
/// behind a recording client): recordings answer first; Replay never reaches the cache; a call the recordings do not answer
/// is looked up in Redis. Each test starts its own redis-server (the recording session is process-wide, so these tests run
/// in the recording collection, apart from the shared Redis of the other cache tests).
/// </summary>
public sealed class RecordingsAndCacheTests : RecordingTestBed
{
    [RedisFact]
    public async Task In_Auto_mode_a_call_without_a_recording_is_answered_from_the_cache_and_recorded()
    {
        RedisServer redis = new();
        await redis.InitializeAsync();
        try
        {
            FakeOpenAIServer server = await StartServerAsync();
            IChatClient client = RecordedClient(server);
            var options = new EvalOptions();
            options.Cache.Redis = redis.Address;

            // A live run (nothing recorded) fills the cache.
            RecordingSession live = Start(RecordingMode.Live);
            live.ModelCalls = new ModelCallPipeline(options, RecordingMode.Live, report: _ => { });
            string first;
            using (Row())
            {
                first = (await client.GetResponseAsync("How long is the refund window?")).Text;
            }

            live.Complete();
            live.ModelCalls.Dispose();
            server.Requests.Should().HaveCount(1);

            // An Auto run without recordings: the recording misses, the cache answers, the provider is not asked.
            RecordingSession auto = Start(RecordingMode.Auto);
            auto.ModelCalls = new ModelCallPipeline(options, RecordingMode.Auto, report: _ => { });
            using (Row())
            {
                (await client.GetResponseAsync("How long is the refund window?")).Text.Should().Be(first);
            }

            auto.ModelCalls.Cache!.Hits.Should().Be(1);
            auto.Complete(null);
            auto.ModelCalls.Dispose();
            server.Requests.Should().HaveCount(1, "the second run paid nothing");
            File.ReadAllText(SuiteFile).Should().Contain(first, "Auto records the cached answer like a live one");

            // Replay reads the recording and never the cache (which it does not even build).
            RecordingSession replay = Start(RecordingMode.Replay);
            replay.ModelCalls = new ModelCallPipeline(options, RecordingMode.Replay, report: _ => { });
            replay.ModelCalls.Cache.Should().BeNull();
            using (Row())
            {
                (await client.GetResponseAsync("How long is the refund window?")).Text.Should().Be(first);
                await FluentActions.Awaiting(() => client.GetResponseAsync("A question never recorded")).Should().ThrowAsync<RecordingMissException>();
            }

            replay.Complete(null);
            replay.ModelCalls.Dispose();
            server.Requests.Should().HaveCount(1);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task Trials_of_a_row_get_their_own_cached_answers()
    {
        RedisServer redis = new();
        await redis.InitializeAsync();
        try
        {
            FakeOpenAIServer server = await StartServerAsync(r => ScriptedResponse.Completion("answer #" + r.Sequence));
            IChatClient client = RecordedClient(server);
            var options = new EvalOptions();
            options.Cache.Redis = redis.Address;
            string[] firstRun = await AskInTrialsAsync(client, options);
            string[] secondRun = await AskInTrialsAsync(client, options);

            firstRun.Should().OnlyHaveUniqueItems("each trial asks the model again");
            secondRun.Should().Equal(firstRun, "and each trial finds its own answer in the cache");
            server.Requests.Should().HaveCount(3);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private async Task<string[]> AskInTrialsAsync(IChatClient client, EvalOptions options)
    {
        RecordingSession session = Start(RecordingMode.Live);
        using var pipeline = new ModelCallPipeline(options, RecordingMode.Live, report: _ => { });
        session.ModelCalls = pipeline;
        var answers = new string[3];
        for (int trial = 0; trial < 3; trial++)
        {
            using (Row(trial: trial))
            {
                answers[trial] = (await client.GetResponseAsync("Same question")).Text;
            }
        }

        session.Complete();
        return answers;
    }
}
