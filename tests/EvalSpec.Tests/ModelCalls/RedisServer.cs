using System;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>
/// The <see cref="LocalRedis"/> the Redis tests share (<see cref="RedisCollection"/>), started when redis-server is
/// installed; or one test's own (<c>new RedisServer()</c>, then <see cref="InitializeAsync"/>).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly LocalRedis _redis = new();

    /// <summary>Set by .ci/run: a missing redis-server fails the Redis tests instead of skipping them.</summary>
    public const string RequireVariable = LocalRedis.RequireVariable;

    /// <summary>The redis-server executable, or null when it is not installed.</summary>
    public static string? Executable => LocalRedis.Executable;

    public string Address => _redis.Address;

    public bool Running => _redis.Running;

    public Task InitializeAsync() => Executable is null ? Task.CompletedTask : _redis.StartAsync();

    public Task StartAsync() => _redis.StartAsync();

    public void Stop() => _redis.Stop();

    public Task<string> CliAsync(params string[] arguments) => _redis.CliAsync(arguments);

    public Task DisposeAsync() => _redis.DisposeAsync().AsTask();
}

/// <summary>
/// The tests that share one <see cref="RedisServer"/>: they run one after another, and apart from the rest of the assembly,
/// whose load would delay requests between the rate limiter's admission and the test server's clock.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}

/// <summary>
/// A fact that needs Debian's <c>redis-server</c>. Without it the test is reported as skipped with the reason, unless
/// <c>EVALSPECDEV_REQUIRE_REDIS=1</c> (set by .ci/run, which installs it): then it runs and fails.
/// </summary>
internal sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && Environment.GetEnvironmentVariable(RedisServer.RequireVariable) != "1")
        {
            Skip = "redis-server is not installed (/usr/bin/redis-server): install Debian's redis-server package (.ci/run does), or set "
                + RedisServer.RequireVariable + "=1 to make its absence a failure.";
        }
    }
}
