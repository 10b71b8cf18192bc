using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// On xUnit v3 (with EvalSpec.Xunit.V3) the generator emits one test method per eval method with a row table of strings,
/// and registers the run host as an assembly fixture with test-level parallelism; the rows are the v2 rows, name for name.
/// </summary>
public sealed class XunitV3ShapeTests
{
    private const string OptOutProperty = "build_property.EvalSpecGenerateTestFramework";

    [Fact]
    public void Design_example_on_xunit_v3_gets_a_row_table_and_one_test_method() =>
        Verify(nameof(Design_example_on_xunit_v3_gets_a_row_table_and_one_test_method), Scenarios.DesignExample);

    [Fact]
    public void Static_eval_methods_on_xunit_v3_get_a_static_test_method() =>
        Verify(nameof(Static_eval_methods_on_xunit_v3_get_a_static_test_method), Scenarios.StaticMethods);

    [Fact]
    public void Nested_classes_on_xunit_v3_are_redeclared_around_the_test_method() =>
        Verify(nameof(Nested_classes_on_xunit_v3_are_redeclared_around_the_test_method), Scenarios.NestedTypesAndRecord);

    [Fact]
    public void Every_scenario_compiles_warning_free_against_xunit_v3_and_the_adapter()
    {
        foreach ((string name, SourceFile[] files) in Scenarios.All)
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(files));

            run.DriverDiagnostics.Should().BeEmpty(name);
            run.CompilationWarningsAndErrors().Should().BeEmpty("scenario {0} must compile on xUnit v3", name);
            run.Tests().Should().BeEmpty("no [Fact] per row is generated on xUnit v3 ({0})", name);
        }
    }

    [Fact]
    public void Row_table_holds_the_v2_rows_with_the_same_display_names_and_keys()
    {
        foreach ((string name, SourceFile[] files) in Scenarios.All)
        {
            GeneratorRun v2 = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));
            GeneratorRun v3 = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(files));

            IEnumerable<string> v2Rows = v2.Tests().Select(t => t.DisplayName + " | " + string.Join("; ", t.Traits.Split("; ").Where(trait => !trait.StartsWith("Category=", StringComparison.Ordinal) && !trait.StartsWith("EvalMethod=", StringComparison.Ordinal))));
            IEnumerable<string> v3Rows = v3.EvalMethodSources.SelectMany(s => DescriptorData.All(s.SyntaxTree)).SelectMany(d => DescriptorData.Rows(d.Data))
                .Select(row => row.DisplayName + " | Case=" + row.CaseId + "; Variant=" + row.VariantKey + "; Relation=" + row.RelationKey + string.Concat(row.Tags.Select(tag => "; Tag=" + tag)));

            v3Rows.Should().Equal(v2Rows, "scenario {0}: the same rows in the same order", name);
        }
    }

    [Fact]
    public void Test_method_points_at_the_eval_method_in_the_users_file()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(Scenarios.DesignExample));

        // RefundWindow is declared on line 16 of RefundEvals.cs (Scenarios.DesignExample).
        run.EvalMethodSources.Single().SourceText.ToString()
            .Should().Contain("[global::EvalSpec.XunitV3.EvalRowsAttribute(nameof(__EvalSpec_RefundWindow), \"RefundWindow\", SourceFilePath = \"RefundEvals.cs\", SourceLineNumber = 16)]");
    }

    [Fact]
    public void Run_host_fixture_and_parallelization_are_registered_once_and_no_v2_framework()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(Scenarios.DesignExample.Concat(Scenarios.NoPrompt).ToArray()));

        run.HintNames.Should().ContainSingle(n => n == TestFrameworkEmitter.V3HintName);
        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName, "the v2 test framework must not be registered on xUnit v3");
        AssemblyAttributes(run).Should().Equal(
            "Xunit.AssemblyFixtureAttribute(typeof(EvalSpec.XunitV3.EvalRunFixture))",
            "Xunit.v3.ParallelizationAttribute(Mode = Xunit.Sdk.ParallelMode.All, MaxThreads = -1)");
    }

    [Fact]
    public void Parallelization_is_left_to_an_assembly_that_declares_its_own()
    {
        SourceFile own = new("AssemblyInfo.cs", "[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.Collections)]");
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(Scenarios.GlobalNamespace.Append(own)));

        run.CompilationWarningsAndErrors().Should().BeEmpty();
        run.Source(TestFrameworkEmitter.V3HintName).Should().Contain("AssemblyFixtureAttribute").And.NotContain("ParallelizationAttribute");
    }

    [Fact]
    public void Opting_out_keeps_the_run_host_and_drops_the_parallelization()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(Scenarios.GlobalNamespace), GlobalOptionsProvider.With(OptOutProperty, "false"));

        run.Source(TestFrameworkEmitter.V3HintName).Should().Contain("AssemblyFixtureAttribute").And.NotContain("ParallelizationAttribute");
    }

    [Fact]
    public void Xunit_v3_without_the_adapter_gets_no_rows_and_no_registration()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.DesignExample, XunitV3.WithoutAdapter));

        run.EvalMethodSources.Should().BeEmpty("the rows could not compile without EvalSpec.Xunit.V3; ES1025 names the package");
        run.HintNames.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Fact]
    public void Editing_an_unrelated_file_regenerates_nothing_on_xunit_v3()
    {
        SourceFile other = new("Other.cs", "namespace Shop; public static class Other { public static int Value() => 1; }");
        CSharpCompilation compilation = GeneratorHarness.CreateV3Compilation(Scenarios.DesignExample.Append(other));
        GeneratorDriver driver = GeneratorHarness.Run(compilation).Driver;

        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(new SourceFile("Other.cs", tree.ToString().Replace("=> 1", "=> 2", StringComparison.Ordinal))));
        GeneratorRunResult rerun = GeneratorHarness.Run(driver, edited).Result;

        IncrementalStepRunReason[] reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];
        rerun.TrackedSteps[TrackingNames.XunitFlavor].SelectMany(s => s.Outputs).Should().ContainSingle().Which.Reason.Should().BeOneOf(reused);
        rerun.TrackedSteps[TrackingNames.ValidEvalMethods].SelectMany(s => s.Outputs).Should().AllSatisfy(o => o.Reason.Should().BeOneOf(reused));
        rerun.TrackedSteps[TrackingNames.V3Registration].SelectMany(s => s.Outputs).Should().ContainSingle().Which.Reason.Should().BeOneOf(reused);
        rerun.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput].SelectMany(s => s.Outputs)
            .Should().NotBeEmpty().And.AllSatisfy(o => o.Reason.Should().BeOneOf(reused));
    }

    private static void Verify(string testName, SourceFile[] files)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateV3Compilation(files));

        run.DriverDiagnostics.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
        Baselines.Verify(testName, run.Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    /// <summary>The rows of a generated row table: case id, variant key, relation key, display name, tags.</summary>
    private static IEnumerable<string> AssemblyAttributes(GeneratorRun run) =>
        run.OutputCompilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ContainingNamespace.ToDisplayString().StartsWith("Xunit", StringComparison.Ordinal) == true)
            .Select(a => a.ApplicationSyntaxReference!.GetSyntax().ToString().Replace("global::", string.Empty, StringComparison.Ordinal));
}
