using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Recording;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

/// <summary>When a row's snapshot compares its output by meaning, and when exactly.</summary>
public sealed class SnapshotComparisonTests
{
    private static readonly JudgePanel Lexical = new("invariance", new IJudge[] { new TokenF1InvarianceJudge() });
    private static readonly JudgePanel WithModelJudge = new("invariance", new IJudge[] { new TokenF1InvarianceJudge(), new ModelJudge() });

    [Theory]
    [InlineData(RecordingMode.Auto)]
    [InlineData(RecordingMode.Record)]
    [InlineData(RecordingMode.Replay)]
    public void Auto_compares_exactly_whenever_the_outputs_are_recorded_or_replayed(RecordingMode recording)
    {
        SnapshotComparison.Decide(SnapshotOutput.Auto, recording, WithModelJudge).Should().Be(SnapshotComparison.Exact);
    }

    [Fact]
    public void Auto_compares_by_meaning_in_a_live_run_with_an_LLM_invariance_judge()
    {
        SnapshotComparison comparison = SnapshotComparison.Decide(SnapshotOutput.Auto, RecordingMode.Live, WithModelJudge);

        comparison.ByMeaning.Should().BeTrue();
        comparison.Note.Should().BeNull();
    }

    [Theory]
    [InlineData(RecordingMode.Auto)]
    [InlineData(RecordingMode.Replay)]
    public void Meaning_compares_by_meaning_in_any_recording_mode_with_an_LLM_invariance_judge(RecordingMode recording)
    {
        SnapshotComparison.Decide(SnapshotOutput.Meaning, recording, WithModelJudge).ByMeaning.Should().BeTrue();
    }

    [Theory]
    [InlineData(SnapshotOutput.Meaning, RecordingMode.Auto, "[Snapshot(Output = Meaning)]")]
    [InlineData(SnapshotOutput.Auto, RecordingMode.Live, "EVALSPEC_RECORDING=live")]
    public void Without_an_LLM_invariance_judge_a_comparison_by_meaning_is_made_exactly_and_says_so(SnapshotOutput output, RecordingMode recording, string asked)
    {
        SnapshotComparison comparison = SnapshotComparison.Decide(output, recording, Lexical);

        comparison.ByMeaning.Should().BeFalse();
        comparison.Note.Should().Contain("compared exactly, not by meaning").And.Contain(asked)
            .And.Contain(TokenF1InvarianceJudge.JudgeName).And.Contain("AddInvarianceJudge(new EquivalenceJudge");
    }

    [Theory]
    [InlineData(SnapshotOutput.Exact)]
    [InlineData(SnapshotOutput.PromptOnly)]
    public void Exact_and_prompt_only_never_ask_a_judge(SnapshotOutput output)
    {
        SnapshotComparison.Decide(output, RecordingMode.Live, WithModelJudge).Should().Be(SnapshotComparison.Exact);
    }

    private sealed class ModelJudge : IModelJudge
    {
        public string Name => "equivalence";

        public string? Model => "judge-model";

        public bool AllowSelfPreference => false;

        public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Verdict.Pass(Name, 1, "same"));
    }
}
