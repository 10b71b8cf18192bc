using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>
/// The shared response cache on a real Redis, used by separate processes (tests/EvalSpec.Testing.ModelCallsClient) that
/// call the OpenAI-compatible test server through the real OpenAI client.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedCacheTests
{
    /// <summary>An API key shaped like OpenAI's: never in Redis, neither as the client's key nor quoted in an answer.</summary>
    private const string CanaryKey = "sk-proj-CANARYcacheKey0123456789abcdefXYZ";

    private readonly RedisServer _redis;

    public SharedCacheTests(RedisServer redis) => _redis = redis;

    private static ScriptedResponse Answer(RecordedRequest request) =>
        ScriptedResponse.Completion(
            request.LastUserMessage!.EndsWith(" 0", StringComparison.Ordinal)
                ? "the key is " + CanaryKey
                : "answer to " + request.LastUserMessage + " #" + request.Sequence,
            new ScriptedUsage(10, 5));

    [RedisFact]
    public async Task A_second_process_asking_the_same_requests_is_answered_from_Redis_and_pays_nothing()
    {
        await EnsureRedisAsync();
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        string prefix = "cache-" + Guid.NewGuid().ToString("N");
        string[] arguments = { "--server", server.BaseAddress.ToString(), "--model", "gpt-cache", "--calls", "6", "--prefix", prefix, "--redis", _redis.Address, "--key", CanaryKey };

        ClientResult first = await ModelCallsClient.RunAsync(arguments);
        first.ExitCode.Should().Be(0, first.Output);
        first.Int("misses").Should().Be(6);
        first.Int("writes").Should().Be(6);
        server.Requests.Should().HaveCount(6);

        ClientResult second = await ModelCallsClient.RunAsync(arguments);
        second.ExitCode.Should().Be(0, second.Output);
        second.Int("hits").Should().Be(6, second.Output);
        server.Requests.Should().HaveCount(6, "the second process must not call the provider at all");

        // The same answers (each request's own: the server numbers its answers), except the one that quoted a key, which
        // was redacted before it was stored.
        second.Answers.Skip(1).Should().Equal(first.Answers.Skip(1));
        first.Answers[0].Should().Contain(CanaryKey);
        second.Answers[0].Should().Be("the key is [REDACTED]");
    }

    [RedisFact]
    public async Task Another_endpoint_serving_the_same_model_is_not_answered_from_the_first_ones_cache()
    {
        await EnsureRedisAsync();
        await using FakeOpenAIServer first = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        await using FakeOpenAIServer second = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        string prefix = "endpoint-" + Guid.NewGuid().ToString("N");
        string[] Arguments(FakeOpenAIServer server) => new[] { "--server", server.BaseAddress.ToString(), "--model", "gpt-cache", "--calls", "3", "--prefix", prefix, "--redis", _redis.Address, "--key", "test-key" };

        ClientResult one = await ModelCallsClient.RunAsync(Arguments(first));
        ClientResult other = await ModelCallsClient.RunAsync(Arguments(second));
        ClientResult again = await ModelCallsClient.RunAsync(Arguments(first));

        one.ExitCode.Should().Be(0, one.Output);
        other.Int("hits").Should().Be(0, "another server's answers are not this one's: " + other.Output);
        second.Requests.Should().HaveCount(3);
        again.Int("hits").Should().Be(3, "the first endpoint's answers are still cached: " + again.Output);
        first.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("https://alice:s3cret@example.openai.azure.com/openai/deployments/a?api-key=KEY", "https://example.openai.azure.com/openai/deployments/a")]
    [InlineData("https://example.openai.azure.com:443/openai/deployments/a", "https://example.openai.azure.com/openai/deployments/a")]
    public void The_endpoint_in_a_key_is_its_scheme_host_port_and_path_only(string given, string same)
    {
        EvalCachingChatClient.EndpointOf(new Uri(given)).Should().Be(EvalCachingChatClient.EndpointOf(new Uri(same)), "user information and the query (where keys live) are not part of it");
        EvalCachingChatClient.EndpointOf(new Uri(given)).Should().NotBe(EvalCachingChatClient.EndpointOf(new Uri("https://example.openai.azure.com/openai/deployments/b")));
        EvalCachingChatClient.EndpointOf(null).Should().Be("any");
    }

    [RedisFact]
    public async Task Redis_holds_no_secret_in_its_keys_or_values_and_every_entry_expires()
    {
        await EnsureRedisAsync();
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        string prefix = "secrets-" + Guid.NewGuid().ToString("N");
        ClientResult run = await ModelCallsClient.RunAsync("--server", server.BaseAddress.ToString(), "--model", "gpt-secrets", "--calls", "3", "--prefix", prefix, "--redis", _redis.Address, "--key", CanaryKey);
        run.ExitCode.Should().Be(0, run.Output);

        string[] keys = (await _redis.CliAsync("--scan", "--pattern", "evalspec:*")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        keys.Should().Contain(k => k.StartsWith("evalspec:chat:v2:", StringComparison.Ordinal));
        foreach (string key in keys)
        {
            key.Should().NotContain("CANARY");
            string type = (await _redis.CliAsync("TYPE", key)).Trim();
            string value = type == "hash" ? await _redis.CliAsync("HGETALL", key) : type == "string" ? await _redis.CliAsync("GET", key) : string.Empty;
            value.Should().NotContain("CANARY", $"the value of {key} ({type})");
            long ttl = long.Parse((await _redis.CliAsync("TTL", key)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            ttl.Should().BeInRange(1, (long)TimeSpan.FromDays(7).TotalSeconds, $"{key} must expire with the configured TTL");
        }
    }

    [RedisFact]
    public async Task Record_mode_asks_the_provider_even_when_Redis_has_the_answer_and_stores_the_fresh_one()
    {
        await EnsureRedisAsync();
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        string prefix = "record-" + Guid.NewGuid().ToString("N");
        string[] arguments = { "--server", server.BaseAddress.ToString(), "--model", "gpt-record", "--calls", "3", "--prefix", prefix, "--redis", _redis.Address };

        (await ModelCallsClient.RunAsync(arguments)).ExitCode.Should().Be(0);
        ClientResult record = await ModelCallsClient.RunAsync([.. arguments, "--mode", "record"]);

        record.ExitCode.Should().Be(0, record.Output);
        record.Int("hits").Should().Be(0);
        record.Int("writes").Should().Be(3);
        server.Requests.Should().HaveCount(6, "a Record run records the provider's answers, never the cache's");
        ClientResult after = await ModelCallsClient.RunAsync(arguments);
        after.Answers.Skip(1).Should().Equal(record.Answers.Skip(1), "the fresh answers replaced the cached ones");
    }

    [RedisFact]
    public async Task Redis_stopped_mid_run_gives_one_warning_and_every_call_still_answers_from_the_provider()
    {
        await EnsureRedisAsync();
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Answer });
        string prefix = "down-" + Guid.NewGuid().ToString("N");
        try
        {
            using ModelCallsClient client = ModelCallsClient.Start("--server", server.BaseAddress.ToString(), "--model", "gpt-down", "--calls", "8", "--prefix", prefix, "--redis", _redis.Address, "--pause-after", "3", "--requests", "100");
            await client.Paused;
            _redis.Stop();
            client.Resume();
            ClientResult result = await client.WaitAsync();

            result.ExitCode.Should().Be(0, result.Output);
            result.Int("failures").Should().Be(0);
            result.Int("writes").Should().Be(3, "the calls before Redis stopped were stored, none after");
            result.Int("redisFailures").Should().BeGreaterThan(0);
            result.Int("warnings").Should().Be(1, result.Output);
            result.Output.Should().Contain("Redis at " + _redis.Address + " cannot be used");
            server.Requests.Should().HaveCount(8);
        }
        finally
        {
            await _redis.StartAsync();
        }
    }

    [Fact]
    public async Task Replay_mode_builds_no_cache_so_it_never_consults_Redis()
    {
        var options = new EvalOptions();
        options.Cache.Redis = "127.0.0.1:1";
        using var pipeline = new ModelCallPipeline(options, RecordingMode.Replay, warn: _ => { }, report: _ => { });
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        IChatClient client = pipeline.Wrap(server.CreateChatClient("gpt-replay"), "sut");

        pipeline.Cache.Should().BeNull();
        client.GetService<DistributedCachingChatClient>().Should().BeNull();
    }

    [Fact]
    public async Task Without_Redis_configured_calls_go_to_the_provider_without_a_cache()
    {
        using var pipeline = new ModelCallPipeline(new EvalOptions(), RecordingMode.Live, warn: _ => { }, report: _ => { });
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = r => ScriptedResponse.Completion("ok") });
        IChatClient client = pipeline.Wrap(server.CreateChatClient("gpt-none"), "sut");

        (await client.GetResponseAsync("hello")).Text.Should().Be("ok");
        (await client.GetResponseAsync("hello")).Text.Should().Be("ok");
        pipeline.Cache.Should().BeNull();
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Disposing_the_pipeline_at_the_end_of_a_run_leaves_the_users_client_open()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = r => ScriptedResponse.Completion("ok") });
        IChatClient provider = server.CreateChatClient("gpt-owned");
        var pipeline = new ModelCallPipeline(new EvalOptions(), RecordingMode.Live, warn: _ => { }, report: _ => { });
        (await pipeline.Wrap(provider, "sut").GetResponseAsync("one")).Text.Should().Be("ok");
        pipeline.Dispose();

        (await provider.GetResponseAsync("two")).Text.Should().Be("ok");
    }

    private async Task EnsureRedisAsync()
    {
        if (!_redis.Running)
        {
            await _redis.StartAsync();
        }
    }
}
