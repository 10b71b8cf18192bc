using System.Linq;
using System.Runtime.CompilerServices;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The generated text of representative suites, compared with reviewed baselines in Baselines/&lt;test&gt;/&lt;hint name&gt;.
/// Rewrite them with EVALSPECDEV_UPDATE_BASELINES=1 and review the diff like any code change.
/// </summary>
public sealed class GeneratedSourceBaselineTests
{
    [Fact]
    public void Design_example_expands_every_case_by_every_variant_by_identity_and_each_relation() =>
        VerifyEvalMethodSources(Scenarios.DesignExample);

    [Fact]
    public void Prompt_without_a_key_is_keyed_by_a_hash_of_its_template() =>
        VerifyEvalMethodSources(Scenarios.UnkeyedPrompt);

    [Fact]
    public void Method_without_prompts_gets_an_implicit_default_variant_left_out_of_display_names() =>
        VerifyEvalMethodSources(Scenarios.NoPrompt);

    [Fact]
    public void Nested_partial_classes_and_records_are_redeclared_around_the_tests() =>
        VerifyEvalMethodSources(Scenarios.NestedTypesAndRecord);

    [Fact]
    public void Class_in_the_global_namespace_is_emitted_without_a_namespace() =>
        VerifyEvalMethodSources(Scenarios.GlobalNamespace);

    [Fact]
    public void Static_eval_methods_are_invoked_on_the_type_and_static_classes_get_static_tests() =>
        VerifyEvalMethodSources(Scenarios.StaticMethods);

    [Fact]
    public void ValueTask_returning_methods_with_non_string_outputs_use_the_ValueTask_adapter() =>
        VerifyEvalMethodSources(Scenarios.ValueTaskOfNonString);

    [Fact]
    public void Case_arguments_are_emitted_as_expressions_of_their_parameter_types() =>
        VerifyEvalMethodSources(Scenarios.CaseArgumentTypes);

    [Fact]
    public void Quotes_newlines_and_non_ascii_text_are_escaped_in_every_literal() =>
        VerifyEvalMethodSources(Scenarios.Escaping);

    [Fact]
    public void Methods_with_errors_get_a_test_failing_with_them_in_place_of_their_rows()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.MethodsWithErrors));

        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().BeEmpty();
        Baselines.Verify(nameof(Methods_with_errors_get_a_test_failing_with_them_in_place_of_their_rows), run.NotGeneratedTestSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Test_framework_registration_names_the_EvalSpec_framework()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.GlobalNamespace));

        run.DriverDiagnostics.Should().BeEmpty();
        Baselines.Verify(nameof(Test_framework_registration_names_the_EvalSpec_framework), new[] { (TestFrameworkEmitter.HintName, run.Source(TestFrameworkEmitter.HintName)) });
    }

    private static void VerifyEvalMethodSources(SourceFile[] files, [CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));

        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().NotBeEmpty();
        Baselines.Verify(testName, run.EvalMethodSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }
}
