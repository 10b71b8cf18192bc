using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Recording;

namespace EvalSpec.Snapshots;

/// <summary>
/// How an eval row's snapshot compares a changed output: exactly, or by meaning with the invariance panel. Decided from
/// <see cref="SnapshotAttribute.Output"/>, the recording mode and the judges of the invariance panel.
/// </summary>
/// <param name="ByMeaning">Whether a changed output is shown to the invariance panel, which may find it means the same.</param>
/// <param name="Note">
/// When a comparison by meaning was asked for but the output is compared exactly: why, for the snapshot check's
/// rationale. Null otherwise.
/// </param>
internal sealed record SnapshotComparison(bool ByMeaning, string? Note)
{
    /// <summary>Exact comparison, as asked.</summary>
    public static readonly SnapshotComparison Exact = new(false, null);

    /// <summary>
    /// <see cref="SnapshotOutput.Meaning"/> compares by meaning; <see cref="SnapshotOutput.Auto"/> only in live runs, because
    /// an output that is recorded (auto, record) is replayed on the build server and compared exactly there, so the
    /// verified file must hold exactly that output. Either way only with an LLM judge (<see cref="IModelJudge"/>) on
    /// the invariance panel: the default token-F1 judge, and embeddings, pass "within 14 days" for "within 30 days".
    /// </summary>
    public static SnapshotComparison Decide(SnapshotOutput output, RecordingMode recording, JudgePanel invariancePanel)
    {
        bool byMeaning = output == SnapshotOutput.Meaning || (output == SnapshotOutput.Auto && recording == RecordingMode.Live);
        if (!byMeaning)
        {
            return Exact;
        }

        if (invariancePanel.Judges.Any(judge => judge is IModelJudge))
        {
            return new SnapshotComparison(true, null);
        }

        string asked = output == SnapshotOutput.Meaning ? "[Snapshot(Output = Meaning)]" : "[Snapshot] in a live run (EVALSPEC_RECORDING=live)";
        string judges = string.Join(", ", invariancePanel.Judges.Select(judge => judge.Name));
        return new SnapshotComparison(
            false,
            $"The output was compared exactly, not by meaning as {asked} asks: the invariance panel has no LLM judge (only {judges}), "
            + "and a word-overlap or embedding score would pass \"within 14 days\" for \"within 30 days\". To compare by meaning, register one in the "
            + "startup: setup.AddInvarianceJudge(new EquivalenceJudge(\"equivalence\", chatClient)).");
    }
}
