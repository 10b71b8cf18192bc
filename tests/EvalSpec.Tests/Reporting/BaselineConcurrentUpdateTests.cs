using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// Two updates of one baseline at once (two filtered runs, a run and <c>evalspec baseline update</c>) both land: each write
/// re-reads the file under its lock and merges into what is on disk, not into what it loaded when its run began.
/// (The same with two real test processes: tests/EvalSpec.EndToEnd.Tests/ConcurrentBaselineTests.)
/// </summary>
public sealed class BaselineConcurrentUpdateTests : IDisposable
{
    private const string Refund = "Shop.RefundEvals.RefundWindow";
    private const string Warranty = "Shop.RefundEvals.Warranty";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.Combine(Baseline.FileName);

    [Fact]
    public void Two_runs_that_loaded_the_same_baseline_both_land_their_rows_and_counts()
    {
        BaselineUpdate.Apply(Baseline.Empty(Path), Run([.. Many("RefundWindow", 3, VerdictOutcome.Pass), .. Many("Warranty", 3, VerdictOutcome.Pass)]), replace: false);

        // Both runs start (and load the baseline) before either finishes, as two filtered runs started together do.
        Baseline loadedByA = Baseline.Load(Path);
        Baseline loadedByB = Baseline.Load(Path);
        BaselineUpdate.Apply(loadedByA, Run(Many("RefundWindow", 3, VerdictOutcome.Fail)), replace: false);
        BaselineUpdate.Apply(loadedByB, Run(Many("Warranty", 3, VerdictOutcome.Fail)), replace: false);

        Baseline final = Baseline.Load(Path);
        final.Rows.Values.Should().OnlyContain(r => r.Outcome == VerdictOutcome.Fail, "neither run's failures may be lost");
        (final.Methods[Refund].Fail, final.Methods[Refund].Pass).Should().Be((3, 0));
        (final.Methods[Warranty].Fail, final.Methods[Warranty].Pass).Should().Be((3, 0));
    }

    [Fact]
    public void The_changes_reported_are_those_to_the_file_as_it_was_when_written()
    {
        BaselineUpdate.Apply(Baseline.Empty(Path), Run(Many("RefundWindow", 2, VerdictOutcome.Pass)), replace: false);
        Baseline stale = Baseline.Load(Path);
        BaselineUpdate.Apply(Baseline.Load(Path), Run(Many("Warranty", 2, VerdictOutcome.Pass)), replace: false);

        BaselineChanges changes = BaselineUpdate.Apply(stale, Run(Many("RefundWindow", 2, VerdictOutcome.Fail)), replace: false);

        changes.OutcomeChanged.Should().HaveCount(2);
        changes.Kept.Should().Be(2, "the Warranty rows another update wrote meanwhile are kept and counted");
        changes.Rows.Should().Be(4);
    }

    [Fact]
    public async Task Many_concurrent_updates_of_different_methods_all_land()
    {
        string[] methods = Enumerable.Range(0, 8).Select(i => "M" + i).ToArray();
        BaselineUpdate.Apply(Baseline.Empty(Path), Run(methods.SelectMany(m => Many(m, 2, VerdictOutcome.Pass)).ToArray()), replace: false);
        Baseline[] loaded = methods.Select(_ => Baseline.Load(Path)).ToArray();

        await Task.WhenAll(methods.Select((m, i) => Task.Run(() => BaselineUpdate.Apply(loaded[i], Run(Many(m, 2, VerdictOutcome.Fail)), replace: false))));

        Baseline final = Baseline.Load(Path);
        final.Rows.Should().HaveCount(16);
        final.Rows.Values.Should().OnlyContain(r => r.Outcome == VerdictOutcome.Fail);
        Directory.GetFiles(_folder.Path).Select(System.IO.Path.GetFileName).Should().Equal(Baseline.FileName);
    }

    [Fact]
    public void A_write_leaves_no_temporary_file_and_removes_one_a_killed_writer_left()
    {
        string leftover = _folder.Combine("." + Baseline.FileName.Replace('.', '_') + ".0badf00d" + EvalSpec.Persistence.AtomicFile.TemporarySuffix);
        File.WriteAllText(leftover, "{ \"format\": 2, \"rows\": { \"half");

        BaselineUpdate.Apply(Baseline.Empty(Path), Run(Many("RefundWindow", 2, VerdictOutcome.Pass)), replace: false);

        Directory.GetFiles(_folder.Path).Select(System.IO.Path.GetFileName).Should().Equal(Baseline.FileName);
    }
}
