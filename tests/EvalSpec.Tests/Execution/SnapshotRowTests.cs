using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;
using EvalSpec.Snapshots;
using EvalSpec.Tests.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// [Snapshot] rows run through <see cref="EvalRowRunner"/>: how the snapshot check joins the row's other checks, its trial
/// rule and a failed run. The run verifies (EVALSPEC_SNAPSHOTS is not accept) and its recording mode is not live.
/// </summary>
public sealed class SnapshotRowTests : IClassFixture<EvalRunFixture>, IDisposable
{
    private const string Template = "How many days do I have to return {product}?";
    private const string RenderedPrompt = "How many days do I have to return a laptop?";
    private const string GoodAnswer = "You can return it within 30 days of delivery.";

    private readonly EvalRunFixture _run;
    private readonly SnapshotFolder _folder = new();

    public SnapshotRowTests(EvalRunFixture run)
    {
        _run = run;
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_snapshot_mismatch_fails_a_row_whose_trials_all_pass_under_any_pass()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), SnapshotOutput.Exact, trials: 3, rule: TrialRule.AnyPass);
        WriteVerified(method, Document(RenderedPrompt, "You can return it within 14 days of delivery."));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("failed check(s): snapshot").And.Contain("snapshot: Fail").And.Contain("the output changed");
        JsonElement result = _run.ResultOf(RowId(method));
        result.GetProperty("outcome").GetString().Should().Be("fail");
        result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()).Should().Equal("pass", "pass", "pass");
        _folder.Exists(BaseName(method) + ".received.txt").Should().BeTrue();
    }

    [Fact]
    public async Task A_row_shown_by_a_later_trial_still_carries_the_first_trials_snapshot_check()
    {
        const string FirstAnswer = "Please contact our support team.";
        EvalMethodDescriptor method = Method((input, _) => Output(input.Trial == 0 ? FirstAnswer : GoodAnswer), SnapshotOutput.Exact, trials: 3, rule: TrialRule.AnyPass);
        WriteVerified(method, Document(RenderedPrompt, FirstAnswer));

        await Run(method);

        JsonElement result = _run.ResultOf(RowId(method));
        result.GetProperty("output").GetString().Should().Be(GoodAnswer, "the row shows a passing trial");
        result.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == "snapshot")
            .Select(c => c.GetProperty("outcome").GetString())
            .Should().Equal("pass");
    }

    [Fact]
    public async Task The_snapshot_check_of_the_first_trial_does_not_count_as_a_failed_trial()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), SnapshotOutput.Exact, trials: 2, rule: TrialRule.AllPass);

        await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();

        JsonElement result = _run.ResultOf(RowId(method));
        result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()).Should().Equal("pass", "pass");
        result.GetProperty("reason").GetString().Should().StartWith("failed check(s): snapshot; ");
    }

    [Fact]
    public async Task Auto_compares_the_output_exactly_when_model_calls_are_not_live()
    {
        EvalMethodDescriptor method = Method((_, _) => Output("You can return it within 14 days of delivery."), SnapshotOutput.Auto, expected: null);
        WriteVerified(method, Document(RenderedPrompt, GoodAnswer));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("Snapshot mismatch: the output changed").And.NotContain("means the same");
        _folder.Read(BaseName(method) + ".received.txt").Should().Be(Document(RenderedPrompt, "You can return it within 14 days of delivery."));
    }

    [Fact]
    public async Task Meaning_without_an_LLM_invariance_judge_compares_exactly_and_the_check_says_so()
    {
        EvalMethodDescriptor method = Method((_, _) => Output("You can return it within 14 days of delivery."), SnapshotOutput.Meaning, expected: null);
        WriteVerified(method, Document(RenderedPrompt, GoodAnswer));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("Snapshot mismatch").And.Contain("compared exactly, not by meaning").And.Contain("no LLM judge");
    }

    [Fact]
    public async Task When_the_eval_method_throws_the_verified_snapshot_is_kept_and_no_received_file_is_written()
    {
        EvalMethodDescriptor method = Method((_, _) => throw new InvalidOperationException("the bot is down"), SnapshotOutput.Auto);
        string verified = Document(RenderedPrompt, GoodAnswer);
        WriteVerified(method, verified);

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("the bot is down").And.Contain("snapshot: Pass").And.Contain("The prompt matches");
        _folder.Names().Should().Equal(BaseName(method) + ".verified.txt");
        _folder.Read(BaseName(method) + ".verified.txt").Should().Be(verified);
    }

    [Fact]
    public async Task When_the_eval_method_throws_a_changed_prompt_is_reported_but_nothing_is_written()
    {
        EvalMethodDescriptor method = Method((_, _) => throw new InvalidOperationException("the bot is down"), SnapshotOutput.Exact);
        WriteVerified(method, Document("How many days do I have to return a phone?", GoodAnswer));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("snapshot: Fail").And.Contain("the prompt changed").And.Contain("nothing was written or accepted");
        _folder.Names().Should().Equal(BaseName(method) + ".verified.txt");
    }

    [Fact]
    public async Task When_the_eval_method_throws_and_there_is_no_verified_file_nothing_is_written()
    {
        EvalMethodDescriptor method = Method((_, _) => throw new InvalidOperationException("the bot is down"), SnapshotOutput.Auto);

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("the bot is down").And.Contain("snapshot: Inconclusive");
        _folder.Names().Should().BeEmpty();
    }

    [Fact]
    public async Task A_prompt_only_snapshot_is_still_written_when_the_eval_method_throws()
    {
        EvalMethodDescriptor method = Method((_, _) => throw new InvalidOperationException("the bot is down"), SnapshotOutput.PromptOnly);

        await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();

        _folder.Read(BaseName(method) + ".received.txt").Should().Be("## Prompt\n" + RenderedPrompt + "\n");
    }

    [Fact]
    public async Task A_missing_snapshot_fails_its_rows_but_is_neither_a_relation_violation_nor_a_failing_prompt_variant()
    {
        // First run of a [Snapshot] eval: no verified file yet. The judges pass every row; only the snapshot is missing.
        var method = new EvalMethodDescriptor(
            typeof(SnapshotRowTests),
            nameof(A_missing_snapshot_fails_its_rows_but_is_neither_a_relation_violation_nor_a_failing_prompt_variant),
            rubric: null,
            threshold: 0.5,
            timeoutMilliseconds: 0,
            new[] { "product" },
            new[] { new PromptVariant("formal", Template), new PromptVariant("casual", "how long can i return {product}") },
            new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, "30 days") },
            new[] { new RelationDescriptor("repeat", RelationKind.Invariant, () => new Repeat(), null, 0.5, Change.Differs) },
            (_, _, _) => Output(GoodAnswer))
        {
            SnapshotOutput = SnapshotOutput.Exact,
            SnapshotDirectory = _folder.Path,
        };

        foreach ((string variant, string relation) in new[] { ("formal", "identity"), ("casual", "identity"), ("formal", "repeat") })
        {
            EvalRowFailedException failure = (await EvalRowRunner.RunAsync(_run.Host, this, method, "laptop", variant, relation).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;
            failure.Message.Should().Contain("failed check(s): snapshot");
            _run.ResultOf($"{method.Id}/laptop/{variant}/{relation}").GetProperty("outcome").GetString().Should().Be("fail");
        }

        EvalRunHost run = _run.Host;
        MethodRobustness robustness = run.Robustness.Single(m => m.Method == method.Id);
        robustness.Overall.Success.ApplicableRows.Should().Be(1);
        robustness.Overall.Success.ViolatedRows.Should().Be(0, "a missing verified file is not a violated relation");
        MethodMultiPrompt multiPrompt = run.MultiPrompt.Single(m => m.Method == method.Id);
        multiPrompt.Scores!.MaxP.Should().Be(1, "a missing verified file does not make a prompt variant fail");
        multiPrompt.Scores.AvgP.Should().Be(1);

        // The reports, the baseline and the gate compute the same metrics from results.jsonl.
        JsonElement relationRow = _run.ResultOf($"{method.Id}/laptop/formal/repeat");
        relationRow.GetProperty("outcomeWithoutSnapshot").GetString().Should().Be("pass", "the judges passed the row");
        RunData data = RunData.Load(run.RunDirectory);
        RunMetrics metrics = RunMetrics.Compute(data);
        metrics.Relations.Single(r => r.MethodId == method.Id && r.Relation is null).AttackSuccessRate.Should().Be(0);
    }

    private static ValueTask<object?> Output(object? output) => ValueTask.FromResult(output);

    private static string Document(string prompt, string output) => $"## Prompt\n{prompt}\n\n## Output\n{output}\n";

    private static string RowId(EvalMethodDescriptor method) => $"{typeof(SnapshotRowTests).FullName}.{method.MethodName}/laptop/formal/identity";

    private static string BaseName(EvalMethodDescriptor method) =>
        SnapshotNames.ForRow(typeof(SnapshotRowTests), method.MethodName, "laptop", "formal", "identity");

    private void WriteVerified(EvalMethodDescriptor method, string content) => _folder.Write(BaseName(method) + ".verified.txt", content);

    private Task Run(EvalMethodDescriptor method) => EvalRowRunner.RunAsync(_run.Host, this, method, "laptop", "formal", "identity");

    private EvalMethodDescriptor Method(
        Func<EvalInput, object?[], ValueTask<object?>> invoke,
        SnapshotOutput output,
        int trials = 1,
        TrialRule rule = TrialRule.AllPass,
        string? expected = "30 days",
        [CallerMemberName] string methodName = "") =>
        new(
            typeof(SnapshotRowTests),
            methodName,
            rubric: null,
            threshold: 0.5,
            timeoutMilliseconds: 0,
            new[] { "product" },
            new[] { new PromptVariant("formal", Template) },
            new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, expected) },
            Array.Empty<RelationDescriptor>(),
            (_, input, arguments) => invoke(input, arguments))
        {
            Trials = trials,
            TrialRule = rule,
            SnapshotOutput = output,
            SnapshotDirectory = _folder.Path,
        };
}
