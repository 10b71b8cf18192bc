using System;
using System.IO;
using System.Linq;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class TrajectoryMetricsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Line(string method, string @case, string trajectory = "") =>
        $$"""{"rowId":"Shop.Agent.{{method}}/{{@case}}/v/identity","suite":"Shop.Agent","method":"{{method}}","case":"{{@case}}","variant":"v","relation":"identity","outcome":"pass","checks":[]{{trajectory}}}""";

    private static string Trajectory(int steps, params string[] calls) =>
        $$""","trajectory":{"steps":{{steps}},"toolCalls":[{{string.Join(",", calls)}}]}""";

    private string Write(params string[] lines)
    {
        string path = _folder.Combine(RunResultsReader.FileName);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public void Counts_calls_per_row_failed_and_repeated_calls_and_steps_per_method()
    {
        string path = Write(
            Line("Refund", "a", Trajectory(3, """{"call":1,"name":"get_order","arguments":{"id":"A"},"result":"x"}""", """{"call":2,"name":"refund","arguments":{"id":"A"},"error":"InvalidOperationException: down"}""")),
            Line("Refund", "b", Trajectory(4,
                """{"call":1,"name":"get_order","arguments":{"id":"B"},"result":"x"}""",
                """{"call":2,"name":"get_order","arguments":{"id":"B"},"result":"x"}""",
                """{"call":3,"name":"get_order","arguments":{"id":"C"},"result":"x"}""",
                """{"call":4,"name":"Get_order","arguments":{"id":"B"},"result":"x"}""")),
            Line("Refund", "c"),
            Line("Chat", "d"));

        TrajectoryMetrics metrics = TrajectoryMetrics.FromResults(path).Single();

        metrics.Should().BeEquivalentTo(new { Method = "Shop.Agent.Refund", Rows = 2, ToolCalls = 6, MaxCallsPerRow = 4, FailedCalls = 1, RepeatedCalls = 1, Steps = 7, CallsPerRow = 3.0, StepsPerRow = 3.5 });
        TrajectoryMetrics.Describe([metrics]).Should().Be("Agent rows: 2, 6 tool call(s) (3 per row, at most 4), 1 failed, 1 repeated; 3.5 steps per row");
    }

    [Fact]
    public void A_run_without_agent_rows_has_no_trajectory_metrics()
    {
        TrajectoryMetrics.FromResults(Write(Line("Chat", "d"))).Should().BeEmpty();
        TrajectoryMetrics.Describe([]).Should().BeNull();
        TrajectoryMetrics.FromResults(_folder.Combine("missing.jsonl")).Should().BeEmpty();
    }

    [Fact]
    public void A_malformed_trajectory_counts_what_it_can_read()
    {
        RunRow row = RunResultsReader.Read(Write(Line("Refund", "a", ""","trajectory":{"steps":"three","toolCalls":[1,{"name":"x"},null]}"""))).Single();

        row.Trajectory.Should().Be(new RowTrajectory(0, 1, 0, 0));
    }

    [Fact]
    public void The_markdown_report_has_an_agent_rows_table()
    {
        string path = Write(Line("Refund", "a", Trajectory(2, """{"call":1,"name":"get_order","arguments":{"id":"A"},"result":"x"}""")));
        RunData data = RunData.Load(Path.GetDirectoryName(path)!);

        string markdown = MarkdownReport.Render(RunReportModel.Build(data));

        markdown.Should().Contain("### Agent rows").And.Contain("| Agent.Refund | 1 | 1 | 1 | 1 | 0 | 0 | 2 |");
    }

    [Fact]
    public void The_markdown_report_lists_the_tool_calls_of_failing_agent_rows_only()
    {
        string failing = Line("Refund", "b", Trajectory(2, """{"call":1,"name":"refund","arguments":{"amount":5,"id":"B-2"},"error":"InvalidOperationException: declined"}""")).Replace("\"outcome\":\"pass\"", "\"outcome\":\"fail\"", StringComparison.Ordinal);
        string passing = Line("Refund", "a", Trajectory(2, """{"call":1,"name":"get_order","arguments":{"id":"A-17"},"result":"delivered"}"""));
        RunData data = RunData.Load(Path.GetDirectoryName(Write(passing, failing))!);

        string markdown = MarkdownReport.Render(RunReportModel.Build(data));

        markdown.Should().Contain("Tool calls of failing and inconclusive agent rows")
            .And.Contain("#1 refund(")
            .And.Contain("-> ERROR: InvalidOperationException: declined")
            .And.NotContain("get_order(");
    }
}
