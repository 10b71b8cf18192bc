using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>The run's spans and metrics, read with OpenTelemetry's in-memory exporter.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_row_gives_nested_run_row_judge_and_GenAI_model_call_spans_and_row_verdict_and_token_metrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using TracerProvider tracer = Sdk.CreateTracerProviderBuilder().AddSource(EvalTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        using MeterProvider meters = Sdk.CreateMeterProviderBuilder().AddMeter(EvalTelemetry.SourceName).AddInMemoryExporter(metrics).Build();
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = _ => ScriptedResponse.Completion("""{"reasoning":"polite","score":5,"verdict":"pass"}""", new ScriptedUsage(120, 12)),
        });

        string runId = "otel-" + Guid.NewGuid().ToString("N");
        var telemetry = new EvalTelemetry(new TelemetryOptions(), runId, "EvalSpec.Tests");
        var pipeline = new ModelCallPipeline(new EvalOptions(), RecordingMode.Live, warn: _ => { }, report: _ => { });
        IChatClient judgeClient = pipeline.Wrap(server.CreateChatClient("gpt-otel-judge"), "judge");
        var panel = new JudgePanel("rubric", new IJudge[] { new RubricJudge("polite", judgeClient, new LlmJudgeOptions { MaxRetries = 0 }) });
        PanelVerdict verdict;
        using (Activity? row = telemetry.StartRow("Suite.Method/c1/v1/identity", "Suite.Method", "c1", "v1", "identity"))
        {
            verdict = await panel.JudgeAsync(new JudgeRequest("Thank you for asking!") { Rubric = "Is it polite?" });
            telemetry.RowFinished(row, "Suite.Method", verdict.Outcome, notApplicable: false, TimeSpan.FromMilliseconds(250), verdict.Verdicts);
        }

        pipeline.Dispose();
        telemetry.Dispose();
        tracer.ForceFlush();
        meters.ForceFlush();

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        Activity run = spans.Single(s => s.DisplayName == "eval run" && (string?)s.GetTagItem("evalspec.run.id") == runId);
        List<Activity> mine = spans.Where(s => s.TraceId == run.TraceId).ToList();
        Activity rowSpan = mine.Single(s => s.DisplayName == "eval row");
        Activity judgeSpan = mine.Single(s => s.DisplayName == "judge polite");
        Activity call = mine.Single(s => s.GetTagItem("gen_ai.operation.name") as string == "chat");

        rowSpan.ParentSpanId.Should().Be(run.SpanId);
        rowSpan.GetTagItem("evalspec.row.id").Should().Be("Suite.Method/c1/v1/identity");
        rowSpan.GetTagItem("evalspec.outcome").Should().Be("pass");
        judgeSpan.ParentSpanId.Should().Be(rowSpan.SpanId);
        judgeSpan.GetTagItem("gen_ai.evaluation.name").Should().Be("polite");
        judgeSpan.GetTagItem("gen_ai.evaluation.score.label").Should().Be("pass");
        call.ParentSpanId.Should().Be(judgeSpan.SpanId);
        call.GetTagItem("gen_ai.request.model").Should().Be("gpt-otel-judge");
        call.GetTagItem("gen_ai.usage.input_tokens").Should().Be(120);
        call.GetTagItem("gen_ai.usage.output_tokens").Should().Be(12);

        Sum(metrics, "evalspec.rows", ("evalspec.outcome", "pass")).Should().BeGreaterThanOrEqualTo(1);
        Sum(metrics, "evalspec.judge.verdicts", ("gen_ai.evaluation.name", "polite")).Should().Be(1);
        metrics.Should().Contain(m => m.Name == "gen_ai.client.token.usage");
        metrics.Should().Contain(m => m.Name == "evalspec.row.duration");
    }

    [Fact]
    public void Without_a_listener_no_span_is_made()
    {
        using var telemetry = new EvalTelemetry(new TelemetryOptions(), "quiet", "EvalSpec.Tests");
        using Activity? row = telemetry.StartRow("r", "m", "c", "v", "identity");
        using Activity? judge = EvalTelemetry.StartJudge("j");

        // Another test of this assembly may listen at the same time: what is asserted is that no span is made from
        // nothing, i.e. a judge outside a row span has none.
        if (row is null)
        {
            judge.Should().BeNull();
        }
    }

    private static long Sum(List<Metric> metrics, string name, (string Key, string Value) tag)
    {
        long sum = 0;
        foreach (Metric metric in metrics.Where(m => m.Name == name))
        {
            foreach (MetricPoint point in metric.GetMetricPoints())
            {
                foreach (KeyValuePair<string, object?> item in point.Tags)
                {
                    if (item.Key == tag.Key && (item.Value as string) == tag.Value)
                    {
                        sum += point.GetSumLong();
                    }
                }
            }
        }

        return sum;
    }
}
