using System;
using System.Collections.Generic;
using System.IO;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class BaselineMergeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalspec-baseline-" + Guid.NewGuid().ToString("n"));

    public BaselineMergeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_update_replaces_rows_that_ran_drops_rows_that_did_not_apply_and_keeps_the_rest()
    {
        string path = Path.Combine(_folder, Baseline.FileName);
        Baseline.Empty(path).WriteMerged(
            new Dictionary<string, BaselineEntry>
            {
                ["S.M/a/p/identity"] = Baseline.Entry(VerdictOutcome.Fail, "wrong", "checks: expected-answer"),
                ["S.M/a/p/lowercase"] = Baseline.Entry(VerdictOutcome.Pass, null, null),
                ["S.M/b/p/identity"] = Baseline.Entry(VerdictOutcome.Fail, "crashed", "exception: InvalidOperationException"),
            },
            Array.Empty<string>());

        Baseline.Load(path).WriteMerged(
            new Dictionary<string, BaselineEntry> { ["S.M/a/p/identity"] = Baseline.Entry(VerdictOutcome.Pass, null, null) },
            new[] { "S.M/a/p/lowercase" });

        Baseline reloaded = Baseline.Load(path);
        reloaded.Find("S.M/a/p/identity")!.Outcome.Should().Be(VerdictOutcome.Pass);
        reloaded.Find("S.M/a/p/lowercase").Should().BeNull("a relation row that did not apply has no outcome to remember");
        reloaded.Find("S.M/b/p/identity")!.Kind.Should().Be("exception: InvalidOperationException", "rows this run did not reach are kept");
    }
}
