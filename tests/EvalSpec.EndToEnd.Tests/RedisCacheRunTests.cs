using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The shared response cache in real `dotnet test` runs of tests/fixtures/ConfiguredJudgeSuite (judges from configuration,
/// over HTTP to the OpenAI-compatible server) with <c>EVALSPEC_CACHE__REDIS</c> pointing at a real redis-server: a second
/// live run of the suite is decided from Redis and sends the server nothing.
/// </summary>
public sealed class RedisCacheRunTests : IAsyncLifetime
{
    private const string Key = "grader-credential-canary-7f3e9a1b";
    private FakeOpenAIServer _server = null!;
    private LocalRedis _redis = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = request => request.LastUserMessage!.Contains("within 30 days", StringComparison.Ordinal)
                ? ScriptedResponse.Completion("""{"reasoning":"States the 30-day window.","score":5,"verdict":"pass"}""")
                : ScriptedResponse.Completion("""{"reasoning":"No refund window.","score":1,"verdict":"fail"}"""),
        });
        _redis = new LocalRedis();
        _project = ScratchCopy.Of("ConfiguredJudgeSuite");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [RedisFact]
    public async Task A_second_live_run_with_the_Redis_cache_is_decided_without_calling_the_provider()
    {
        await _redis.StartAsync();

        SuiteRun first = await Run();
        Outcome(first, "a laptop").Should().Be("pass", first.Process.ToString());
        Outcome(first, "a phone").Should().Be("fail", first.Process.ToString());
        _server.Requests.Should().HaveCount(4, "two rows, two judges");
        (await _redis.CliAsync("--scan", "--pattern", "evalspec:chat:*")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4);

        SuiteRun second = await Run();
        Outcome(second, "a laptop").Should().Be("pass", second.Process.ToString());
        Outcome(second, "a phone").Should().Be("fail", second.Process.ToString());
        _server.Requests.Should().HaveCount(4, "the second run paid nothing");
        (await _redis.CliAsync("--scan", "--pattern", "*")).Should().NotContain(Key);
    }

    private static string Outcome(SuiteRun run, string caseId) =>
        run.Rows.Single(r => r.GetProperty("case").GetString() == caseId).GetProperty("outcome").GetString()!;

    private Task<SuiteRun> Run() => SuiteRun.RunProjectAsync(_project, new Dictionary<string, string>
    {
        ["EVALSPEC_RECORDING"] = "live",
        ["EVALSPEC_CACHE__REDIS"] = _redis.Address,
        ["FIXTURE_GRADER_ACCESS"] = Key,
        ["EVALSPEC_JUDGES__GRADER-A__ENDPOINT"] = _server.BaseAddress.ToString(),
        ["EVALSPEC_JUDGES__GRADER-B__ENDPOINT"] = _server.BaseAddress.ToString(),
    });
}

/// <summary>
/// A fact that needs Debian's <c>redis-server</c>: skipped without it, saying so, unless <c>EVALSPECDEV_REQUIRE_REDIS=1</c>
/// (set by .ci/run, which installs it): then it runs and fails.
/// </summary>
internal sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (LocalRedis.Executable is null && Environment.GetEnvironmentVariable(LocalRedis.RequireVariable) != "1")
        {
            Skip = "redis-server is not installed (/usr/bin/redis-server): install Debian's redis-server package (.ci/run does), or set "
                + LocalRedis.RequireVariable + "=1 to make its absence a failure.";
        }
    }
}
