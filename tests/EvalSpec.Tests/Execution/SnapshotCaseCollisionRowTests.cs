using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A [Snapshot] eval whose case ids differ only in letter case, run through <see cref="EvalRowRunner"/>: the run finds
/// the collision among the assembly's eval descriptors (this class's static field, as generated code declares them) and
/// fails the row's snapshot check without touching the snapshot folder.
/// </summary>
public sealed class SnapshotCaseCollisionRowTests : IClassFixture<EvalRunFixture>
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "evalspec-tests", "case-collision-snapshots");

    /// <summary>Found by reflection like a generated descriptor.</summary>
    internal static readonly EvalMethodDescriptor CaseCollision = new(
        typeof(SnapshotCaseCollisionRowTests),
        "CaseCollision",
        rubric: null,
        threshold: 0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "How many days do I have to return {product}?") },
        new[]
        {
            new EvalCaseDescriptor("Laptop", new object?[] { "a laptop" }, null),
            new EvalCaseDescriptor("laptop", new object?[] { "the laptop" }, null),
        },
        Array.Empty<RelationDescriptor>(),
        (_, _, _) => ValueTask.FromResult<object?>("You can return it within 30 days."))
    {
        SnapshotOutput = EvalSpec.SnapshotOutput.Exact,
        SnapshotDirectory = Folder,
    };

    private readonly EvalRunFixture _run;

    public SnapshotCaseCollisionRowTests(EvalRunFixture run)
    {
        _run = run;
    }

    [Fact]
    public async Task Rows_whose_snapshot_names_differ_only_in_case_fail_naming_each_other_and_write_nothing()
    {
        Func<Task> row = () => EvalRowRunner.RunAsync(_run.Host, this, CaseCollision, "Laptop", "formal", "identity");

        EvalRowFailedException failure = (await row.Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("snapshot: Fail")
            .And.Contain("SnapshotCaseCollisionRowTests.CaseCollision.Laptop.formal.identity differs from SnapshotCaseCollisionRowTests.CaseCollision.laptop.formal.identity only in letter case");
        JsonElement result = _run.ResultOf($"{typeof(SnapshotCaseCollisionRowTests).FullName}.CaseCollision/Laptop/formal/identity");
        result.GetProperty("outcome").GetString().Should().Be("fail");
        Directory.Exists(Folder).Should().BeFalse("nothing is read or written for a colliding name");
    }
}
