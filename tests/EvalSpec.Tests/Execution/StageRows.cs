using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Snapshots;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// Rows for the tests of one stage of the row pipeline: hand-built descriptors as generated tests have them, prepared by
/// the real prepare stage. Each test gets its own method name (so its own method id): memoised source runs never leak.
/// </summary>
internal static class StageRows
{
    public const string Template = "How many days do I have to return {product}?";
    public const string RenderedPrompt = "How many days do I have to return a laptop?";
    public const string GoodAnswer = "You can return it within 30 days of delivery.";
    public const string Identity = "identity";

    public static ValueTask<object?> Output(object? output) => ValueTask.FromResult(output);

    public static EvalMethodDescriptor Method(
        Func<EvalInput, ValueTask<object?>> invoke,
        string? expected = "30 days",
        string? rubric = null,
        RelationDescriptor[]? relations = null,
        SnapshotOutput? snapshot = null,
        string? snapshotDirectory = null,
        [CallerMemberName] string methodName = "") =>
        new(
            typeof(StageRows),
            methodName,
            rubric,
            threshold: 0.5,
            timeoutMilliseconds: 0,
            new[] { "product" },
            new[] { new PromptVariant("formal", Template) },
            new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, expected) },
            relations ?? Array.Empty<RelationDescriptor>(),
            (_, input, _) => invoke(input))
        {
            SnapshotOutput = snapshot,
            SnapshotDirectory = snapshotDirectory,
        };

    public static RelationDescriptor Invariant<TRelation>(string key, string? parameter = null)
        where TRelation : IMetamorphicRelation, new() =>
        new(key, RelationKind.Invariant, () => new TRelation(), parameter, 0.5, Change.Differs);

    public static PreparedRow Row(EvalRunHost run, EvalMethodDescriptor method, string relation = Identity) =>
        RowPreparation.Prepare(run, method, "laptop", "formal", relation);

    /// <summary>A run of the eval method as the invoke stage ends it, without calling anything.</summary>
    public static MethodRun Returned(string output, string prompt = RenderedPrompt) =>
        new(prompt, new Dictionary<string, object?> { ["product"] = "a laptop" }, output, output, null, TimeSpan.FromMilliseconds(5));

    public static MethodRun Threw(Exception error, string prompt = RenderedPrompt) =>
        new(prompt, new Dictionary<string, object?> { ["product"] = "a laptop" }, null, string.Empty, error, TimeSpan.FromMilliseconds(5));

    /// <summary>A relation that leaves every input as it is and notes nothing: never applicable.</summary>
    public sealed class UnchangedInput : IMetamorphicRelation
    {
        public string Transform(string input, MetamorphicContext context) => input;
    }

    /// <summary>A relation that throws while transforming.</summary>
    public sealed class BrokenRelation : IMetamorphicRelation
    {
        public const string Reason = "this relation cannot handle prompts";

        public string Transform(string input, MetamorphicContext context) => throw new NotSupportedException(Reason);
    }
}
