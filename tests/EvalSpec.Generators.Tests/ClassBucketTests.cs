using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The classes reach the emitter in buckets of fixed positions (<see cref="EvalClassBucket"/>), because the incremental
/// pipeline compares a step's outputs by position: a class added or removed must change its own bucket only.
/// </summary>
public sealed class ClassBucketTests
{
    // Evals3 and Evals15 share a bucket (checked below); Evals4 has its own.
    private static string Class(string name, string caseText) => $$"""
        using System.Threading.Tasks;
        using EvalSpec;

        namespace Shop.Evals;

        public partial class {{name}}
        {
            [Eval] [Prompt("plain", "{question}")] [Case("{{caseText}}")]
            public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
        }
        """;

    [Fact]
    public void Every_bucket_keeps_its_position_and_a_removed_class_changes_its_own_bucket_only()
    {
        EvalMethodSpec a = Spec("Evals3"), b = Spec("Evals4"), c = Spec("Evals15");

        ImmutableArray<EvalClassBucket> all = EvalClassBucket.Of(ImmutableArray.Create(a, b, c));
        ImmutableArray<EvalClassBucket> withoutB = EvalClassBucket.Of(ImmutableArray.Create(c, a));

        all.Should().HaveCount(EvalClassBucket.Count);
        withoutB.Should().HaveCount(EvalClassBucket.Count);
        all.Select(x => x.Index).Should().Equal(Enumerable.Range(0, EvalClassBucket.Count));
        int removed = EvalClassBucket.IndexOf(b.FullyQualifiedTypeName);
        Enumerable.Range(0, EvalClassBucket.Count).Where(i => !all[i].Equals(withoutB[i])).Should().Equal(removed);
        all.SelectMany(x => x.Classes).Select(x => x.FullyQualifiedTypeName).Should().OnlyHaveUniqueItems().And.HaveCount(3);
    }

    [Fact]
    public void Classes_sharing_a_bucket_each_get_their_file_and_are_emitted_again_together()
    {
        EvalClassBucket.IndexOf("global::Shop.Evals.Evals3").Should().Be(EvalClassBucket.IndexOf("global::Shop.Evals.Evals15"), "the test needs two classes in one bucket");
        EvalClassBucket.IndexOf("global::Shop.Evals.Evals4").Should().NotBe(EvalClassBucket.IndexOf("global::Shop.Evals.Evals3"));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[]
        {
            new SourceFile("Evals3.cs", Class("Evals3", "three")),
            new SourceFile("Evals4.cs", Class("Evals4", "four")),
            new SourceFile("Evals15.cs", Class("Evals15", "fifteen")),
        });
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.CompilationWarningsAndErrors().Should().BeEmpty();
        run.EvalMethodSources.Select(s => s.HintName).Should().HaveCount(3)
            .And.Contain(n => n.StartsWith("Shop.Evals.Evals3.", System.StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("Shop.Evals.Evals15.", System.StringComparison.Ordinal));

        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Evals3.cs");
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(new SourceFile("Evals3.cs", Class("Evals3", "three edited"))));
        GeneratorRunResult rerun = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Dictionary<string, IncrementalStepRunReason> reasons = SourceOutputSteps.Of(rerun)
            .Where(o => o.Value is System.ValueTuple<EvalClassBucket, (string?, XunitFlavor)> { Item1.Classes.Count: > 0 })
            .ToDictionary(o => string.Join("+", ((System.ValueTuple<EvalClassBucket, (string?, XunitFlavor)>)o.Value).Item1.Classes.Select(x => x.FullyQualifiedTypeName)), o => o.Reason);
        reasons["global::Shop.Evals.Evals15+global::Shop.Evals.Evals3"].Should().Be(IncrementalStepRunReason.Modified, "the bucket-mate is emitted again with the edited class");
        reasons["global::Shop.Evals.Evals4"].Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        DescriptorData.Of(rerun.GeneratedSources.Single(s => s.HintName.StartsWith("Shop.Evals.Evals3.", System.StringComparison.Ordinal)).SourceText.ToString())
            .Cases.Single().Id.Should().Be("three edited");
    }

    private static EvalMethodSpec Spec(string name) => GeneratorHarness.ParseMethod(Class(name, name), "Shop.Evals." + name, "Answer").Spec!;
}
