using System.Linq;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// EvalSpec registers its xUnit test framework for the assembly, once, only where it is wanted: the assembly
/// has eval methods, references xUnit, does not declare its own framework and has not opted out.
/// </summary>
public sealed class TestFrameworkRegistrationTests
{
    private const string OptOutProperty = "build_property.EvalSpecGenerateTestFramework";
    private const string Registration = "[assembly: global::Xunit.TestFrameworkAttribute(\"EvalSpec.Execution.EvalTestFramework\", \"EvalSpec.Xunit\")]";

    [Fact]
    public void Registration_is_emitted_once_for_an_assembly_with_several_eval_methods()
    {
        GeneratorRun run = Run(Scenarios.DesignExample.Concat(Scenarios.NoPrompt).Concat(Scenarios.ValueTaskOfNonString).ToArray());

        run.EvalMethodSources.Should().HaveCount(3, "one file per class: RefundEvals, FaqEvals, and ClassifierEvals with its two methods");
        run.EvalMethodSources.Sum(s => DescriptorData.All(s.SyntaxTree).Count()).Should().Be(4);
        run.HintNames.Should().ContainSingle(name => name == TestFrameworkEmitter.HintName);
        string allGenerated = string.Concat(run.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Occurrences(allGenerated, "TestFrameworkAttribute").Should().Be(1);
        run.Source(TestFrameworkEmitter.HintName).Should().Contain(Registration);
    }

    [Fact]
    public void Registered_framework_is_an_assembly_attribute_of_the_compilation()
    {
        GeneratorRun run = Run(Scenarios.GlobalNamespace);

        run.OutputCompilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "Xunit.TestFrameworkAttribute")
            .Select(a => string.Join(", ", a.ConstructorArguments.Select(c => c.Value)))
            .Should().Equal("EvalSpec.Execution.EvalTestFramework, EvalSpec.Xunit");
    }

    [Theory]
    [InlineData("[assembly: Xunit.TestFramework(\"My.Framework\", \"My.Assembly\")]")]
    [InlineData("[assembly: global::Xunit.TestFrameworkAttribute(\"My.Framework\", \"My.Assembly\")]")]
    [InlineData("using Xunit;\n[assembly: TestFramework(\"My.Framework\", \"My.Assembly\")]")]
    public void Registration_is_not_emitted_when_the_assembly_declares_its_own_framework(string declaration)
    {
        GeneratorRun run = Run(Scenarios.GlobalNamespace.Append(new SourceFile("AssemblyInfo.cs", declaration)).ToArray());

        run.EvalMethodSources.Should().ContainSingle();
        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName);
        run.CompilationWarningsAndErrors().Should().BeEmpty("the user's framework must be the only one declared");
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public void Registration_is_not_emitted_when_the_project_opts_out(string value)
    {
        GeneratorRun run = Run(Scenarios.GlobalNamespace, GlobalOptionsProvider.With(OptOutProperty, value));

        run.EvalMethodSources.Should().ContainSingle();
        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public void Registration_is_emitted_when_the_opt_out_property_is_not_false(string value)
    {
        GeneratorRun run = Run(Scenarios.GlobalNamespace, GlobalOptionsProvider.With(OptOutProperty, value));

        run.HintNames.Should().Contain(TestFrameworkEmitter.HintName);
    }

    [Fact]
    public void Registration_is_not_emitted_for_an_assembly_without_eval_methods()
    {
        GeneratorRun run = Run(new[] { new SourceFile("Plain.cs", "namespace Shop; public sealed class Plain { public int Answer() => 42; }") });

        run.Result.GeneratedSources.Should().BeEmpty();
    }

    [Fact]
    public void Registration_is_not_emitted_when_every_eval_method_is_invalid()
    {
        // The tests standing in for invalid methods are plain facts: xUnit's own framework runs them.
        GeneratorRun run = Run(new[] { new SourceFile("Broken.cs", InvalidEvalMethods.For(Parsing.EvalRule.UnknownPlaceholder).Source) });

        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName);
        run.NotGeneratedTestSources.Should().ContainSingle();
        run.Result.GeneratedSources.Should().ContainSingle();
    }

    [Fact]
    public void Registration_is_not_emitted_when_xunit_is_not_referenced()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.GlobalNamespace, referenceXunit: false));

        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName);
    }

    [Fact]
    public void Removing_the_opt_out_restores_the_registration()
    {
        GeneratorRun optedOut = Run(Scenarios.GlobalNamespace, GlobalOptionsProvider.With(OptOutProperty, "false"));

        GeneratorRunResult rerun = optedOut.Driver
            .WithUpdatedAnalyzerConfigOptions(GlobalOptionsProvider.With(OptOutProperty, "true"))
            .RunGenerators(optedOut.OutputCompilation.RemoveSyntaxTrees(optedOut.Result.GeneratedSources.Select(s => s.SyntaxTree)))
            .GetRunResult().Results.Single();

        rerun.GeneratedSources.Select(s => s.HintName).Should().Contain(TestFrameworkEmitter.HintName);
    }

    private static GeneratorRun Run(SourceFile[] files, AnalyzerConfigOptionsProvider? options = null)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files), options);
        run.DriverDiagnostics.Should().BeEmpty();
        return run;
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, System.StringComparison.Ordinal).Length) / value.Length;
}
