using System;
using System.Collections;
using System.IO;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>The <c>Cache</c>, <c>RateLimits</c> and <c>Telemetry</c> sections of evalspec.json and their EVALSPEC_ variables.</summary>
public sealed class ModelCallOptionsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string JsonPath => _folder.Combine("evalspec.json");

    [Fact]
    public void The_sections_bind_from_the_file()
    {
        EvalOptions options = Bind("""
            {
              "Cache": { "Redis": "redis.internal:6380", "Ttl": "1.00:00:00" },
              "RateLimits": { "openai/gpt-4o-mini": { "Requests": 500, "Tokens": 200000, "MaxInFlight": 4 }, "default": { "Requests": 60, "Window": "00:00:10" } },
              "Telemetry": { "OtlpEndpoint": "http://localhost:4318", "OtlpProtocol": "http/protobuf" }
            }
            """);

        options.Cache.Redis.Should().Be("redis.internal:6380");
        options.Cache.Ttl.Should().Be(TimeSpan.FromDays(1));
        options.RateLimits["OPENAI/gpt-4o-mini"].Should().BeEquivalentTo(new RateLimitOptions { Requests = 500, Tokens = 200000, MaxInFlight = 4 });
        options.RateLimits["default"].Window.Should().Be(TimeSpan.FromSeconds(10));
        options.Telemetry.OtlpProtocol.Should().Be("http/protobuf");
        options.Validate();
    }

    [Fact]
    public void The_cache_is_off_and_nothing_is_limited_by_default()
    {
        EvalOptions options = Bind("{}");

        options.Cache.Redis.Should().BeNull();
        options.Cache.Ttl.Should().Be(TimeSpan.FromDays(7));
        options.RateLimits.Should().BeEmpty();
        options.Telemetry.OtlpEndpoint.Should().BeNull();
    }

    [Fact]
    public void Variables_set_the_Redis_address_and_a_models_limits()
    {
        EvalOptions options = Bind(null, ("EVALSPEC_CACHE__REDIS", "127.0.0.1:6379"), ("EVALSPEC_RATELIMITS__DEFAULT__REQUESTS", "30"));

        options.Cache.Redis.Should().Be("127.0.0.1:6379");
        options.RateLimits["default"].Requests.Should().Be(30);
    }

    [Fact]
    public void A_misspelt_cache_setting_names_the_setting_meant()
    {
        File.WriteAllText(JsonPath, """{ "Cache": { "Reddis": "localhost:6379" } }""");
        Action load = () => EvalConfiguration.Load(JsonPath, new Hashtable());

        load.Should().Throw<EvalConfigurationException>().WithMessage("*Reddis*Did you mean \"Redis\"?*");
    }

    [Theory]
    [InlineData("""{ "Cache": { "Ttl": "00:00:00" } }""", "Cache:Ttl must be positive")]
    [InlineData("""{ "RateLimits": { "gpt": { "Requests": 0 } } }""", "RateLimits:gpt:Requests must be at least 1")]
    [InlineData("""{ "RateLimits": { "gpt": { "MaxInFlight": 0 } } }""", "RateLimits:gpt:MaxInFlight must be at least 1")]
    [InlineData("""{ "RateLimits": { "gpt": { "Window": "-00:00:01" } } }""", "RateLimits:gpt:Window must be positive")]
    [InlineData("""{ "Telemetry": { "OtlpEndpoint": "localhost:4317" } }""", "Telemetry:OtlpEndpoint 'localhost:4317' is not an http:// or https:// address")]
    [InlineData("""{ "Telemetry": { "OtlpProtocol": "udp" } }""", "Telemetry:OtlpProtocol 'udp' is not valid")]
    [InlineData("""{ "Cache": { "Redis": "localhost:6379,passwrd=hunter2secret" } }""", "Cache:Redis is not a valid Redis configuration string")]
    [InlineData("""{ "Cache": { "Redis": "," } }""", "Cache:Redis names no server")]
    public void An_out_of_range_setting_is_refused_naming_it(string json, string message)
    {
        EvalOptions options = Bind(json);

        Action validate = options.Validate;
        string error = validate.Should().Throw<EvalConfigurationException>().Which.Message;
        error.Should().Contain(message);
        error.Should().NotContain("hunter2secret", "a Redis configuration string may hold a password");
    }

    private EvalOptions Bind(string? json, params (string Name, string Value)[] variables)
    {
        if (json is not null)
        {
            File.WriteAllText(JsonPath, json);
        }

        IConfiguration configuration = EvalConfiguration.Load(JsonPath, new Hashtable(variables.ToDictionary(v => v.Name, v => (object)v.Value)));
        return EvalRunHost.BindOptions(configuration);
    }
}
