using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using EvalSpec.Judging;

namespace EvalSpec.ModelCalls;

/// <summary>
/// The run's OpenTelemetry: the <see cref="ActivitySource"/> "EvalSpec" (a span for the run, each row, each judge, and each
/// model call through Microsoft.Extensions.AI's <c>OpenTelemetryChatClient</c>, which follows the GenAI semantic
/// conventions) and the <see cref="System.Diagnostics.Metrics.Meter"/> "EvalSpec" (rows by outcome, judge verdicts, row
/// duration; the model calls' token usage and duration come from the same chat client as <c>gen_ai.client.*</c>). One per
/// run, disposed at its end; with <see cref="TelemetryOptions.OtlpEndpoint"/> it also exports both over OTLP.
/// </summary>
internal sealed class EvalTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "EvalSpec";

    private readonly TracerProvider? _tracerProvider;
    private readonly MeterProvider? _meterProvider;
    private readonly Counter<long> _rows;
    private readonly Counter<long> _verdicts;
    private readonly Histogram<double> _rowDuration;
    private readonly Activity? _run;
    private int _disposed;

    /// <param name="options">The export settings.</param>
    /// <param name="runId">The run id (an attribute of the run span).</param>
    /// <param name="assembly">The test assembly's name.</param>
    public EvalTelemetry(TelemetryOptions options, string runId, string assembly)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            // Built before the source exists, so the run span is exported too.
            bool http = string.Equals(options.OtlpProtocol?.Trim(), ModelCallSettings.HttpProtobuf, StringComparison.OrdinalIgnoreCase);
            Uri endpoint = new(options.OtlpEndpoint);
            ResourceBuilder resource = ResourceBuilder.CreateDefault().AddService("evalspec");
            _tracerProvider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(SourceName)
                .AddOtlpExporter(o => Configure(o, endpoint, http, "v1/traces")).Build();
            _meterProvider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(SourceName)
                .AddOtlpExporter(o => Configure(o, endpoint, http, "v1/metrics")).Build();
        }

        Source = new ActivitySource(SourceName);
        Meter = new Meter(SourceName);
        _rows = Meter.CreateCounter<long>("evalspec.rows", "{row}", "Rows decided, by outcome (pass, fail, inconclusive, not_applicable).");
        _verdicts = Meter.CreateCounter<long>("evalspec.judge.verdicts", "{verdict}", "Judge verdicts, by judge and outcome (error for a judge that errored).");
        _rowDuration = Meter.CreateHistogram<double>("evalspec.row.duration", "s", "How long rows took, by outcome.");

        // The run span is not made current: rows run on the test framework's threads and name it as their parent.
        Activity? previous = Activity.Current;
        _run = Source.StartActivity("eval run", ActivityKind.Internal);
        _run?.SetTag("evalspec.run.id", runId);
        _run?.SetTag("evalspec.assembly", assembly);
        Activity.Current = previous;
    }

    /// <summary>The activity source "EvalSpec".</summary>
    public ActivitySource Source { get; }

    /// <summary>The meter "EvalSpec".</summary>
    public Meter Meter { get; }

    /// <summary>Starts a row's span (a child of the run's), current for the row's async flow; null when nobody listens.</summary>
    public Activity? StartRow(string rowId, string method, string caseId, string variant, string relation)
    {
        Activity? row = _run is null
            ? Source.StartActivity("eval row", ActivityKind.Internal)
            : Source.StartActivity("eval row", ActivityKind.Internal, _run.Context);
        if (row is not null)
        {
            row.SetTag("evalspec.row.id", rowId);
            row.SetTag("evalspec.method", method);
            row.SetTag("evalspec.case", caseId);
            row.SetTag("evalspec.variant", variant);
            row.SetTag("evalspec.relation", relation);
        }

        return row;
    }

    /// <summary>Records a decided row: its span's outcome, and the row and verdict metrics.</summary>
    public void RowFinished(Activity? span, string method, VerdictOutcome outcome, bool notApplicable, TimeSpan duration, IEnumerable<Verdict> verdicts)
    {
        string label = notApplicable ? "not_applicable" : outcome.ToString().ToLowerInvariant();
        var tags = new TagList { { "evalspec.method", method }, { "evalspec.outcome", label } };
        _rows.Add(1, tags);
        _rowDuration.Record(duration.TotalSeconds, tags);
        foreach (Verdict verdict in verdicts)
        {
            _verdicts.Add(1, new TagList { { "gen_ai.evaluation.name", verdict.Judge }, { "gen_ai.evaluation.score.label", VerdictLabel(verdict) } });
        }

        if (span is not null)
        {
            span.SetTag("evalspec.outcome", label);
            span.SetStatus(outcome == VerdictOutcome.Fail && !notApplicable ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        }
    }

    /// <summary>A verdict's label in spans and metrics: its outcome, or <c>error</c>.</summary>
    public static string VerdictLabel(Verdict verdict) => verdict.Errored ? "error" : verdict.Outcome.ToString().ToLowerInvariant();

    /// <summary>
    /// Starts a judge's span under the current row span, when one is current (found through <see cref="Activity.Current"/>,
    /// so that judges need no reference to the run); null otherwise.
    /// </summary>
    public static Activity? StartJudge(string judge)
    {
        if (Activity.Current is not { Source.Name: SourceName } parent)
        {
            return null;
        }

        Activity? span = parent.Source.StartActivity("judge " + judge, ActivityKind.Internal);
        span?.SetTag("gen_ai.evaluation.name", judge);
        return span;
    }

    /// <summary>Records a judge's verdict on its span (GenAI evaluation attributes).</summary>
    public static void JudgeFinished(Activity? span, Verdict verdict)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("gen_ai.evaluation.score.label", VerdictLabel(verdict));
        if (verdict.Score is double score)
        {
            span.SetTag("gen_ai.evaluation.score.value", score);
        }

        if (verdict.Model is { } model)
        {
            span.SetTag("gen_ai.request.model", model);
        }

        if (verdict.Errored)
        {
            span.SetStatus(ActivityStatusCode.Error, verdict.Rationale);
        }
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, bool http, string signalPath)
    {
        exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

        // Over HTTP an endpoint given in code is used as is: a bare address gets the signal's path, as the OTEL_ variables would.
        exporter.Endpoint = http && endpoint.AbsolutePath == "/" ? new Uri(endpoint, signalPath) : endpoint;
    }

    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _run?.Dispose();
        Source.Dispose();
        Meter.Dispose();

        // Disposing the providers flushes what is still buffered to the collector.
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
    }
}
