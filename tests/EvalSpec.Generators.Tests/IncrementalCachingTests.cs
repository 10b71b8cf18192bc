using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke in the IDE: edits that cannot change an eval method must reuse its
/// cached model and output (the rows, or the not-generated test of a method with errors), and an edit to one eval
/// method must not regenerate the others.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Registration = "(test framework registration)";
    private const string V3Reg = "(xUnit v3 run host registration)";
    private const string NotGenerated = " (not generated)";

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    private static readonly SourceFile RefundEvals = Scenarios.DesignExample.Single(f => f.Path == "RefundEvals.cs");

    private static readonly SourceFile PriceFormatter = new("PriceFormatter.cs", """
        namespace Shop;

        public static class PriceFormatter
        {
            public static string Format(decimal amount) => "$" + amount;
        }
        """);

    [Fact]
    public void Adding_an_unrelated_file_regenerates_no_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorRunResult rerun = Rerun(driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse(new SourceFile("Unrelated.cs", "namespace Shop; public sealed class Unrelated { }"))));

        AssertEverythingReused(rerun);
    }

    [Fact]
    public void Changing_a_method_body_in_an_unrelated_file_regenerates_no_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, PriceFormatter.Path, "\"$\" + amount", "amount + \" USD\""));

        AssertEverythingReused(rerun);
    }

    [Fact]
    public void Changing_the_body_of_an_eval_method_regenerates_no_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, RefundEvals.Path, "Task.FromResult(input.Prompt)", "Task.FromResult(input.Prompt.Trim())"));

        AssertEverythingReused(rerun);
    }

    [Fact]
    public void Changing_a_case_argument_regenerates_only_the_affected_eval_method()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, RefundEvals.Path, "[Case(\"laptop\"", "[Case(\"tablet\""));

        ReasonFor(rerun, TrackingNames.EvalMethods, "RefundWindow").Should().Be(IncrementalStepRunReason.Modified);
        ReasonFor(rerun, TrackingNames.ValidEvalMethods, "RefundWindow").Should().Be(IncrementalStepRunReason.Modified);
        ReasonFor(rerun, TrackingNames.EvalMethods, "Answer").Should().BeOneOf(Reused);
        ReasonFor(rerun, TrackingNames.ValidEvalMethods, "Answer").Should().BeOneOf(Reused);
        Reasons(rerun, TrackingNames.TestFrameworkRegistration).Should().AllSatisfy(r => r.Should().BeOneOf(Reused));
        ReasonFor(rerun, TrackingNames.ValidEvalClasses, "RefundWindow").Should().Be(IncrementalStepRunReason.Modified);
        ReasonFor(rerun, TrackingNames.ValidEvalClasses, "Answer").Should().BeOneOf(Reused);
        Dictionary<string, IncrementalStepRunReason> outputs = SourceOutputs(rerun);
        outputs.Keys.Should().BeEquivalentTo("RefundWindow", "Answer", Registration, V3Reg);
        outputs["RefundWindow"].Should().Be(IncrementalStepRunReason.Modified);
        outputs["Answer"].Should().BeOneOf(Reused, "the file of the other class must not be regenerated");
        outputs[Registration].Should().BeOneOf(Reused);
        outputs[V3Reg].Should().BeOneOf(Reused);
        DescriptorData.Json(rerun.GeneratedSources.Single(s => s.HintName.StartsWith("Shop.Evals.RefundEvals.", System.StringComparison.Ordinal)).SourceText.ToString())
            .Should().Contain("\"tablet\"").And.NotContain("\"laptop\"");
    }

    [Fact]
    public void Opting_out_of_the_test_framework_regenerates_no_eval_method_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorDriver optedOut = driver.WithUpdatedAnalyzerConfigOptions(GlobalOptionsProvider.With("build_property.EvalSpecGenerateTestFramework", "false"));
        GeneratorRunResult rerun = Rerun(optedOut, compilation);

        Reasons(rerun, TrackingNames.ValidEvalMethods).Should().AllSatisfy(r => r.Should().BeOneOf(Reused));
        Reasons(rerun, TrackingNames.TestFrameworkRegistration).Should().Equal(IncrementalStepRunReason.Modified);
        SourceOutputs(rerun).Where(p => p.Key != Registration && p.Key != V3Reg).Should().AllSatisfy(p => p.Value.Should().BeOneOf(Reused));
        rerun.GeneratedSources.Select(s => s.HintName).Should().NotContain(Emitting.TestFrameworkEmitter.HintName);
    }

    [Fact]
    public void Step_reasons_are_reported_for_every_eval_method()
    {
        // Guards the tests above: with step tracking on, each named step reports one output per eval method.
        (GeneratorDriver driver, _) = RunOnce();
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        MethodNames(first, TrackingNames.EvalMethods).Should().BeEquivalentTo("RefundWindow", "Answer");
        MethodNames(first, TrackingNames.ValidEvalMethods).Should().BeEquivalentTo("RefundWindow", "Answer");
        MethodNames(first, TrackingNames.ValidEvalClasses).Should().BeEquivalentTo("RefundWindow", "Answer");
        MethodNames(first, TrackingNames.NotGeneratedTests).Should().BeEmpty();
        Reasons(first, TrackingNames.EvalMethods).Should().AllBeEquivalentTo(IncrementalStepRunReason.New);
        SourceOutputs(first).Keys.Should().BeEquivalentTo("RefundWindow", "Answer", Registration, V3Reg);
    }

    [Fact]
    public void Step_reasons_of_an_invalid_method_are_reported_under_not_generated_tests()
    {
        // Guards the tests below: the invalid method is an EvalMethods output and a NotGeneratedTests output, not a valid one.
        (GeneratorDriver driver, _) = RunOnceWithInvalidMethod();
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        MethodNames(first, TrackingNames.EvalMethods).Should().BeEquivalentTo("RefundWindow", "Answer");
        MethodNames(first, TrackingNames.ValidEvalMethods).Should().BeEquivalentTo("Answer");
        MethodNames(first, TrackingNames.NotGeneratedTests).Should().BeEquivalentTo("RefundWindow");
        SourceOutputs(first).Keys.Should().BeEquivalentTo("RefundWindow" + NotGenerated, "Answer", Registration, V3Reg);
    }

    [Fact]
    public void Editing_an_unrelated_file_regenerates_no_not_generated_test()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnceWithInvalidMethod();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, PriceFormatter.Path, "\"$\" + amount", "amount + \" USD\""));

        rerun.Exception.Should().BeNull();
        Reasons(rerun, TrackingNames.EvalMethods).Should().HaveCount(2).And.AllSatisfy(r => r.Should().BeOneOf(Reused));
        Reasons(rerun, TrackingNames.NotGeneratedTests).Should().ContainSingle().Which.Should().BeOneOf(Reused);
        SourceOutputs(rerun).Should().HaveCount(4).And.AllSatisfy(p => p.Value.Should().BeOneOf(Reused, "'{0}' must not be regenerated", p.Key));
    }

    [Fact]
    public void Changing_the_body_of_an_invalid_method_regenerates_no_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnceWithInvalidMethod();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, "BrokenEvals.cs", "throw new System.NotSupportedException()", "throw new System.InvalidOperationException()"));

        Reasons(rerun, TrackingNames.NotGeneratedTests).Should().ContainSingle().Which.Should().BeOneOf(Reused);
        SourceOutputs(rerun).Should().AllSatisfy(p => p.Value.Should().BeOneOf(Reused, "'{0}' must not be regenerated", p.Key));
    }

    [Fact]
    public void Fixing_the_error_replaces_the_not_generated_test_by_the_rows_and_leaves_the_valid_method_alone()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnceWithInvalidMethod();

        GeneratorRunResult rerun = Rerun(driver, Edit(compilation, "BrokenEvals.cs", "{produkt}", "{product}"));

        ReasonFor(rerun, TrackingNames.EvalMethods, "RefundWindow").Should().Be(IncrementalStepRunReason.Modified);
        ReasonFor(rerun, TrackingNames.ValidEvalMethods, "RefundWindow").Should().Be(IncrementalStepRunReason.New);
        ReasonFor(rerun, TrackingNames.ValidEvalMethods, "Answer").Should().BeOneOf(Reused);
        ReasonFor(rerun, TrackingNames.ValidEvalClasses, "RefundWindow").Should().Be(IncrementalStepRunReason.Modified, "its bucket gained the class");
        ReasonFor(rerun, TrackingNames.ValidEvalClasses, "Answer").Should().BeOneOf(Reused, "a class coming back must not shift the other classes");
        SourceOutputs(rerun)["Answer"].Should().BeOneOf(Reused, "the other class's file must not be regenerated");
        rerun.GeneratedSources.Select(s => s.HintName).Should().NotContain(name => name.EndsWith(".EvalSpec.NotGenerated.g.cs", StringComparison.Ordinal))
            .And.Contain(name => name.StartsWith("Shop.Evals.BrokenEvals.", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_or_removing_a_class_leaves_the_files_of_the_other_classes_alone()
    {
        // The step's outputs are compared by position: a new class whose bucket comes before the others' must not shift them
        // (it would, were the classes handed on as a list, or the empty buckets left out).
        EvalClassBucket.IndexOf("global::Aaa.EarlyEvals").Should().BeLessThan(EvalClassBucket.IndexOf("global::Shop.Evals.RefundEvals"))
            .And.BeLessThan(EvalClassBucket.IndexOf("global::Support.Evals.FaqEvals"), "the test needs the new class's bucket first");
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();
        CSharpCompilation added = compilation.AddSyntaxTrees(GeneratorHarness.Parse(new SourceFile("EarlyEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Aaa;

            public partial class EarlyEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Is it first?")]
                public Task<string> First(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """)));

        GeneratorDriver afterAdding = driver.RunGenerators(added);
        GeneratorRunResult adding = afterAdding.GetRunResult().Results.Single();
        Dictionary<string, IncrementalStepRunReason> outputs = SourceOutputs(adding);
        outputs.Keys.Should().BeEquivalentTo("First", "RefundWindow", "Answer", Registration, V3Reg);
        outputs["First"].Should().Be(IncrementalStepRunReason.Modified, "its bucket gained the class");
        outputs["RefundWindow"].Should().BeOneOf(Reused);
        outputs["Answer"].Should().BeOneOf(Reused);

        GeneratorRunResult removing = Rerun(afterAdding, compilation);
        outputs = SourceOutputs(removing);
        outputs.Keys.Should().BeEquivalentTo("RefundWindow", "Answer", Registration, V3Reg);
        outputs["RefundWindow"].Should().BeOneOf(Reused);
        outputs["Answer"].Should().BeOneOf(Reused);
        removing.GeneratedSources.Select(s => s.HintName).Should().NotContain(name => name.StartsWith("Aaa.", StringComparison.Ordinal));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnceWithInvalidMethod()
    {
        var broken = new SourceFile("BrokenEvals.cs", InvalidEvalMethods.For(Parsing.EvalRule.UnknownPlaceholder).Source);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Scenarios.NoPrompt.Append(broken).Append(PriceFormatter));
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.DriverDiagnostics.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().ContainSingle("the broken method gets a not-generated test");
        return (run.Driver, compilation);
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Scenarios.DesignExample.Concat(Scenarios.NoPrompt).Append(PriceFormatter));
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.DriverDiagnostics.Should().BeEmpty();
        return (run.Driver, compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation compilation) =>
        driver.RunGenerators(compilation).GetRunResult().Results.Single();

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        string text = tree.GetText().ToString();
        text.Should().Contain(oldText, "the edit must change something");
        return compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(new SourceFile(path, text.Replace(oldText, newText, System.StringComparison.Ordinal))));
    }

    private static void AssertEverythingReused(GeneratorRunResult rerun)
    {
        rerun.Exception.Should().BeNull();
        Reasons(rerun, TrackingNames.EvalMethods).Should().HaveCount(2).And.AllSatisfy(r => r.Should().BeOneOf(Reused));
        Reasons(rerun, TrackingNames.ValidEvalMethods).Should().HaveCount(2).And.AllSatisfy(r => r.Should().BeOneOf(Reused));
        Reasons(rerun, TrackingNames.ValidEvalClasses).Should().HaveCount(2).And.AllSatisfy(r => r.Should().BeOneOf(Reused));
        rerun.TrackedSteps[TrackingNames.ValidEvalClasses].SelectMany(step => step.Outputs).Should()
            .HaveCount(EvalClassBucket.Count, "every bucket, empty or not, keeps its position").And.AllSatisfy(o => o.Reason.Should().BeOneOf(Reused));
        Reasons(rerun, TrackingNames.TestFrameworkRegistration).Should().ContainSingle().Which.Should().BeOneOf(Reused);
        Reasons(rerun, TrackingNames.XunitFlavor).Should().ContainSingle().Which.Should().BeOneOf(Reused);
        Reasons(rerun, TrackingNames.V3Registration).Should().ContainSingle().Which.Should().BeOneOf(Reused);
        SourceOutputs(rerun).Should().HaveCount(4).And.AllSatisfy(p => p.Value.Should().BeOneOf(Reused, "'{0}' must not be regenerated", p.Key));
    }

    /// <summary>A step's outputs, leaving out the empty buckets of classes (EvalClassBucket), which every run lists.</summary>
    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string trackingName) =>
        result.TrackedSteps.TryGetValue(trackingName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Where(o => o.Value is not EvalClassBucket { Classes.Count: 0 })
            : Enumerable.Empty<(object, IncrementalStepRunReason)>();

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string trackingName) =>
        Outputs(result, trackingName).Select(o => o.Reason).ToList();

    private static IEnumerable<string> MethodNames(GeneratorRunResult result, string trackingName) =>
        Outputs(result, trackingName).Select(o => MethodName(o.Value));

    private static IncrementalStepRunReason ReasonFor(GeneratorRunResult result, string trackingName, string methodName) =>
        Outputs(result, trackingName).Single(o => MethodName(o.Value) == methodName).Reason;

    /// <summary>The eval method a step's output is about (the methods of a class's output, joined by '+').</summary>
    private static string MethodName(object value) => value switch
    {
        EvalMethodModel model => model.Spec?.MethodName ?? model.NotGeneratedTest!.MethodName,
        EvalMethodSpec spec => spec.MethodName,
        EvalClassSpec type => string.Join("+", type.Methods.Select(m => m.MethodName)),
        EvalClassBucket bucket => string.Join("+", bucket.Classes.SelectMany(c => c.Methods).Select(m => m.MethodName)),
        NotGeneratedTestSpec test => test.MethodName,
        _ => throw new ArgumentException($"{value.GetType().Name} is not about one eval method.", nameof(value)),
    };

    /// <summary>
    /// The run reason of each RegisterSourceOutput call that emits something, named by the eval methods of the classes (or
    /// the registration) it emits; the calls for empty buckets of classes are left out.
    /// </summary>
    private static Dictionary<string, IncrementalStepRunReason> SourceOutputs(GeneratorRunResult result) =>
        SourceOutputSteps.Of(result)
            .Where(o => o.Value is not ValueTuple<EvalClassBucket, (string?, XunitFlavor)> { Item1.Classes.Count: 0 })
            .ToDictionary(
                o => o.Value switch
                {
                    ValueTuple<EvalClassBucket, (string?, XunitFlavor)> pair => MethodName(pair.Item1),
                    Model.V3Registration => V3Reg,
                    ValueTuple<NotGeneratedTestSpec, bool> pair => pair.Item1.MethodName + NotGenerated,
                    TestFrameworkRegistration => Registration,
                    object other => other.GetType().Name,
                },
                o => o.Reason);
}
