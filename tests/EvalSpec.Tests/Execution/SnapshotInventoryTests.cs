using System;
using System.Collections.Generic;
using System.IO;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

public sealed class SnapshotInventoryTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "evalspec-inventory");

    [Fact]
    public void Case_ids_that_differ_only_in_letter_case_collide_with_each_other_in_every_variant_and_relation()
    {
        EvalMethodDescriptor method = Method("Refund", SnapshotOutput.Exact, "Laptop", "laptop", "phone");

        IReadOnlyDictionary<string, IReadOnlyList<string>> collisions = SnapshotInventory.FindCaseCollisions(new[] { method }, Project);

        string upper = Path.Combine(Project, "snapshots", "SnapshotInventoryTests.Refund.Laptop.formal.identity");
        string lower = Path.Combine(Project, "snapshots", "SnapshotInventoryTests.Refund.laptop.formal.identity");
        collisions.Keys.Should().BeEquivalentTo(upper, lower);
        collisions[upper].Should().Equal("SnapshotInventoryTests.Refund.laptop.formal.identity");
        collisions[lower].Should().Equal("SnapshotInventoryTests.Refund.Laptop.formal.identity");
    }

    [Fact]
    public void Distinct_keys_and_evals_without_snapshots_do_not_collide()
    {
        EvalMethodDescriptor snapshotted = Method("Refund", SnapshotOutput.Exact, "laptop", "phone");
        EvalMethodDescriptor notSnapshotted = Method("Warranty", null, "Laptop", "laptop");

        SnapshotInventory.FindCaseCollisions(new[] { snapshotted, notSnapshotted }, Project).Should().BeEmpty();
    }

    private static EvalMethodDescriptor Method(string name, SnapshotOutput? output, params string[] caseIds) =>
        new(
            typeof(SnapshotInventoryTests),
            name,
            rubric: null,
            threshold: 0.5,
            timeoutMilliseconds: 0,
            new[] { "product" },
            new[] { new PromptVariant("formal", "Refund window for {product}?") },
            Array.ConvertAll(caseIds, id => new EvalCaseDescriptor(id, new object?[] { id }, null)),
            Array.Empty<RelationDescriptor>(),
            (_, _, _) => new System.Threading.Tasks.ValueTask<object?>("answer"))
        {
            SnapshotOutput = output,
            SnapshotDirectory = "snapshots",
        };
}
