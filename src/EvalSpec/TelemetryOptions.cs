namespace EvalSpec;

/// <summary>
/// OpenTelemetry export (section <c>Telemetry</c> of evalspec.json). EvalSpec always emits its spans (<c>ActivitySource</c>
/// "EvalSpec") and metrics (<c>Meter</c> "EvalSpec"), which cost nothing unless something listens; setting
/// <see cref="OtlpEndpoint"/> makes the run export them itself. docs/concurrency.md, "OpenTelemetry".
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// An OTLP endpoint (<c>http://localhost:4317</c> for gRPC, or a <c>http://host:4318</c> address with
    /// <see cref="OtlpProtocol"/> <c>http/protobuf</c>) the run exports its spans and metrics to. Unset: no export. Set with
    /// <c>EVALSPEC_TELEMETRY__OTLPENDPOINT</c>.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol: <c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>
    /// Whether model call spans carry the messages and answers (OpenTelemetry's <c>EnableSensitiveData</c>). Default false:
    /// prompts and answers may hold personal data, and span exporters are not redacted.
    /// </summary>
    public bool IncludeMessages { get; set; }
}
