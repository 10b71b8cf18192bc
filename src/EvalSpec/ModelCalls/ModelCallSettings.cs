using System;
using System.Collections.Generic;
using System.Globalization;

namespace EvalSpec.ModelCalls;

/// <summary>Checks the <c>Cache</c>, <c>RateLimits</c> and <c>Telemetry</c> options, naming the setting and what to do.</summary>
internal static class ModelCallSettings
{
    /// <summary>The OTLP protocol of <see cref="TelemetryOptions.OtlpProtocol"/> over gRPC (the default).</summary>
    public const string Grpc = "grpc";

    /// <summary>The OTLP protocol of <see cref="TelemetryOptions.OtlpProtocol"/> over HTTP with protobuf bodies.</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <exception cref="EvalConfigurationException">A setting is out of range.</exception>
    public static void Validate(EvalOptions options)
    {
        var problems = new List<string>();
        if (options.Cache.Ttl <= TimeSpan.Zero)
        {
            problems.Add($"Cache:Ttl must be positive (got {options.Cache.Ttl}). Set it in evalspec.json (\"Cache\": {{ \"Ttl\": \"7.00:00:00\" }}) or with EVALSPEC_CACHE__TTL.");
        }

        if (!string.IsNullOrWhiteSpace(options.Cache.Redis))
        {
            try
            {
                if (StackExchange.Redis.ConfigurationOptions.Parse(options.Cache.Redis).EndPoints.Count == 0)
                {
                    problems.Add("Cache:Redis names no server: give host:port (EVALSPEC_CACHE__REDIS=localhost:6379).");
                }
            }
            catch (ArgumentException ex)
            {
                // Never the value in the message: it may hold a password.
                problems.Add($"Cache:Redis is not a valid Redis configuration string ({ex.Message}): give host:port, e.g. localhost:6379, and any password in EVALSPEC_CACHE__REDIS (host:port,password=...).");
            }
        }

        foreach (KeyValuePair<string, RateLimitOptions> entry in options.RateLimits)
        {
            string where = "RateLimits:" + entry.Key;
            RateLimitOptions limit = entry.Value;
            if (limit.Requests is < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}:Requests must be at least 1 (got {limit.Requests}); remove it for no request limit."));
            }

            if (limit.Tokens is < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}:Tokens must be at least 1 (got {limit.Tokens}); remove it for no token limit."));
            }

            if (limit.Window <= TimeSpan.Zero)
            {
                problems.Add($"{where}:Window must be positive (got {limit.Window}); use a duration such as \"00:01:00\".");
            }

            if (limit.MaxInFlight < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}:MaxInFlight must be at least 1 (got {limit.MaxInFlight})."));
            }

            if (limit.RetriesOn429 < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}:RetriesOn429 must be 0 or more (got {limit.RetriesOn429})."));
            }

            if (limit.MaxRetryAfter < TimeSpan.Zero)
            {
                problems.Add($"{where}:MaxRetryAfter must not be negative (got {limit.MaxRetryAfter}).");
            }
        }

        TelemetryOptions telemetry = options.Telemetry;
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint)
            && (!Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"Telemetry:OtlpEndpoint '{telemetry.OtlpEndpoint}' is not an http:// or https:// address; use e.g. http://localhost:4317 (EVALSPEC_TELEMETRY__OTLPENDPOINT).");
        }

        if (!string.IsNullOrWhiteSpace(telemetry.OtlpProtocol) && telemetry.OtlpProtocol.Trim().ToLowerInvariant() is not (Grpc or HttpProtobuf))
        {
            problems.Add($"Telemetry:OtlpProtocol '{telemetry.OtlpProtocol}' is not valid: use grpc or http/protobuf.");
        }

        if (problems.Count > 0)
        {
            throw new EvalConfigurationException(string.Join("\n", problems));
        }
    }

    /// <summary>
    /// The entry of <paramref name="limits"/> for a call: <c>provider/model</c>, else <c>model</c>, else <c>default</c>;
    /// null when none applies (the call is not limited).
    /// </summary>
    public static RateLimitOptions? Find(IDictionary<string, RateLimitOptions> limits, string provider, string model) =>
        limits.TryGetValue(provider + "/" + model, out RateLimitOptions? exact) ? exact
        : limits.TryGetValue(model, out RateLimitOptions? byModel) ? byModel
        : limits.TryGetValue(DefaultKey, out RateLimitOptions? fallback) ? fallback
        : null;

    /// <summary>The <c>RateLimits</c> key that applies to every model without an entry of its own.</summary>
    public const string DefaultKey = "default";
}
