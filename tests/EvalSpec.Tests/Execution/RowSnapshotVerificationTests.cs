using System;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Snapshots;
using EvalSpec.Tests.Snapshots;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Execution.StageRows;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The snapshot stage alone (<see cref="RowSnapshotVerification"/>): the snapshot check of a row from its prompt and the run
/// it is given, against real files in a temporary folder (the run verifies: EVALSPEC_SNAPSHOTS is not accept).
/// </summary>
public sealed class RowSnapshotVerificationTests : IClassFixture<EvalRunFixture>, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly EvalRunFixture _run;
    private readonly SnapshotFolder _folder = new();

    public RowSnapshotVerificationTests(EvalRunFixture run)
    {
        _run = run;
    }

    public void Dispose() => _folder.Dispose();

    private static string Document(string prompt, string output) => $"## Prompt\n{prompt}\n\n## Output\n{output}\n";

    private static string BaseName(EvalMethodDescriptor method) =>
        SnapshotNames.ForRow(typeof(StageRows), method.MethodName, "laptop", "formal", Identity);

    private EvalMethodDescriptor Snapshotted(SnapshotOutput output = SnapshotOutput.Exact, [System.Runtime.CompilerServices.CallerMemberName] string methodName = "") =>
        Method(_ => throw new InvalidOperationException("the snapshot stage must not call the eval method"), snapshot: output, snapshotDirectory: _folder.Path, methodName: methodName);

    private async Task<PanelVerdict?> Verify(EvalMethodDescriptor method, MethodRun judged, int trial = 0) =>
        (await Stage(method, judged, trial))?.Check;

    private Task<RowSnapshot?> Stage(EvalMethodDescriptor method, MethodRun judged, int trial = 0) =>
        RowSnapshotVerification.VerifyAsync(_run.Host, Row(_run.Host, method), trial, RenderedPrompt, followUpPrompt: null, judged, Generous);

    [Fact]
    public async Task The_stage_says_what_the_counts_recorded_a_match_and_a_missing_file()
    {
        EvalMethodDescriptor matching = Snapshotted(methodName: "Counted_match");
        _folder.Write(BaseName(matching) + ".verified.txt", Document(RenderedPrompt, GoodAnswer));
        RowSnapshot? matched = await Stage(matching, Returned(GoodAnswer));
        RowSnapshot? missing = await Stage(Snapshotted(methodName: "Counted_missing"), Returned(GoodAnswer));

        matched!.Counted.Should().Be(SnapshotOutcome.Matched);
        matched.MatchedByMeaning.Should().BeFalse();
        missing!.Counted.Should().Be(SnapshotOutcome.Missing);
    }

    [Fact]
    public async Task A_matching_snapshot_is_a_passing_check()
    {
        EvalMethodDescriptor method = Snapshotted();
        _folder.Write(BaseName(method) + ".verified.txt", Document(RenderedPrompt, GoodAnswer));

        PanelVerdict? check = await Verify(method, Returned(GoodAnswer));

        check!.Panel.Should().Be("snapshot");
        check.Outcome.Should().Be(VerdictOutcome.Pass);
        check.Score.Should().Be(1);
        _folder.Names().Should().Equal(BaseName(method) + ".verified.txt");
    }

    [Fact]
    public async Task A_changed_output_is_a_failed_check_and_the_received_file_is_written()
    {
        EvalMethodDescriptor method = Snapshotted();
        _folder.Write(BaseName(method) + ".verified.txt", Document(RenderedPrompt, "You can return it within 14 days of delivery."));

        PanelVerdict? check = await Verify(method, Returned(GoodAnswer));

        check!.Outcome.Should().Be(VerdictOutcome.Fail);
        check.Score.Should().Be(0);
        check.Rationale.Should().Contain("the output changed");
        _folder.Read(BaseName(method) + ".received.txt").Should().Be(Document(RenderedPrompt, GoodAnswer));
    }

    [Fact]
    public async Task A_new_snapshot_is_a_failed_check_until_it_is_accepted_and_the_received_file_is_written()
    {
        EvalMethodDescriptor method = Snapshotted();

        PanelVerdict? check = await Verify(method, Returned(GoodAnswer));

        check!.Outcome.Should().Be(VerdictOutcome.Fail);
        _folder.Names().Should().Equal(BaseName(method) + ".received.txt");
        _folder.Read(BaseName(method) + ".received.txt").Should().Be(Document(RenderedPrompt, GoodAnswer));
    }

    [Fact]
    public async Task A_failed_run_compares_the_prompt_only_and_writes_nothing()
    {
        EvalMethodDescriptor method = Snapshotted();
        string verified = Document(RenderedPrompt, GoodAnswer);
        _folder.Write(BaseName(method) + ".verified.txt", verified);

        PanelVerdict? check = await Verify(method, Threw(new InvalidOperationException("the bot is down")));

        check!.Outcome.Should().Be(VerdictOutcome.Pass);
        check.Rationale.Should().Contain("The prompt matches");
        _folder.Names().Should().Equal(BaseName(method) + ".verified.txt");
        _folder.Read(BaseName(method) + ".verified.txt").Should().Be(verified);
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_read_is_an_inconclusive_check_naming_it()
    {
        EvalMethodDescriptor method = Snapshotted();
        Directory.CreateDirectory(_folder.File(BaseName(method) + ".verified.txt"));

        PanelVerdict? check = await Verify(method, Returned(GoodAnswer));

        check!.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        check.Rationale.Should().StartWith($"the snapshot {BaseName(method)} could not be verified");
    }

    [Fact]
    public async Task Only_the_first_trial_and_only_a_Snapshot_eval_are_verified()
    {
        EvalMethodDescriptor snapshotted = Snapshotted();
        EvalMethodDescriptor plain = Method(_ => Output(GoodAnswer));

        (await Verify(snapshotted, Returned(GoodAnswer), trial: 1)).Should().BeNull();
        (await Verify(plain, Returned(GoodAnswer))).Should().BeNull();
        _folder.Names().Should().BeEmpty();
    }
}
