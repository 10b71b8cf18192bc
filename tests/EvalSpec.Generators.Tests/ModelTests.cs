using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The incremental pipeline caches models and compares them by value: they must hold only plain, equatable data,
/// never symbols, syntax, compilations or locations (which would pin whole compilations in memory and defeat caching).
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public void Eval_method_spec_holds_no_Roslyn_types()
    {
        ModelGraph.FindImpurities(typeof(EvalMethodSpec)).Should().BeEmpty();
    }

    [Fact]
    public void Test_framework_registration_model_holds_no_Roslyn_types()
    {
        ModelGraph.FindImpurities(typeof(TestFrameworkRegistration)).Should().BeEmpty();
    }

    [Fact]
    public void Eval_method_model_and_not_generated_test_spec_hold_no_Roslyn_types()
    {
        ModelGraph.FindImpurities(typeof(EvalMethodModel)).Should().BeEmpty();
        ModelGraph.Reachable(typeof(EvalMethodModel)).Keys.Should().Contain(new[] { typeof(EvalMethodSpec), typeof(NotGeneratedTestSpec) });
    }

    [Fact]
    public void Every_type_in_the_eval_method_model_is_compared_by_value()
    {
        IEnumerable<Type> composites = ModelGraph.Reachable(typeof(EvalMethodModel)).Keys
            .Where(t => !t.IsPrimitive && !t.IsEnum && !t.IsArray && t != typeof(string));

        composites.Should().AllSatisfy(t => t.Should().Implement(typeof(IEquatable<>).MakeGenericType(t), "{0} is cached and compared by the pipeline", t));
    }

    [Fact]
    public void Parsing_the_same_invalid_source_twice_yields_equal_not_generated_tests()
    {
        string source = InvalidEvalMethods.For(EvalRule.UnknownPlaceholder).Source;

        NotGeneratedTestSpec? first = GeneratorHarness.ParseMethod(source, InvalidEvalMethods.TypeName, InvalidEvalMethods.MethodName).NotGeneratedTest;
        NotGeneratedTestSpec? second = GeneratorHarness.ParseMethod(source, InvalidEvalMethods.TypeName, InvalidEvalMethods.MethodName).NotGeneratedTest;

        first.Should().NotBeNull();
        second.Should().NotBeSameAs(first).And.Be(first);
        second!.GetHashCode().Should().Be(first!.GetHashCode());
    }

    [Fact]
    public void Purity_walk_reaches_the_elements_of_equatable_arrays()
    {
        // Guards the purity tests: the walk must look inside EquatableArray<T>, or nested specs would go unchecked.
        ModelGraph.Reachable(typeof(EvalMethodSpec)).Keys.Should().Contain(new[]
        {
            typeof(ContainingTypeSpec), typeof(ParameterSpec), typeof(VariantSpec), typeof(CaseSpec), typeof(RelationSpec),
        });
    }

    [Fact]
    public void Purity_walk_finds_a_Roslyn_type_nested_in_an_equatable_array()
    {
        ModelGraph.FindImpurities(typeof(ImpureSpec)).Should().ContainSingle()
            .Which.Should().Contain("ImpureSpec.Items._items[].Location").And.Contain("Microsoft.CodeAnalysis.Location");
    }

    [Fact]
    public void Every_type_in_the_spec_is_compared_by_value()
    {
        IEnumerable<Type> composites = ModelGraph.Reachable(typeof(EvalMethodSpec)).Keys
            .Where(t => !t.IsPrimitive && !t.IsEnum && !t.IsArray && t != typeof(string));

        composites.Should().AllSatisfy(t => t.Should().Implement(typeof(IEquatable<>).MakeGenericType(t), "{0} is cached and compared by the pipeline", t));
    }

    [Fact]
    public void Parsing_the_same_source_twice_yields_equal_specs()
    {
        EvalMethodSpec first = ParseDesignExample(Scenarios.DesignExample[0].Text);
        EvalMethodSpec second = ParseDesignExample(Scenarios.DesignExample[0].Text);

        second.Should().NotBeSameAs(first);
        second.Should().Be(first);
        second.GetHashCode().Should().Be(first.GetHashCode());
    }

    [Fact]
    public void Changing_one_case_argument_yields_an_unequal_spec()
    {
        EvalMethodSpec original = ParseDesignExample(Scenarios.DesignExample[0].Text);
        EvalMethodSpec edited = ParseDesignExample(Scenarios.DesignExample[0].Text.Replace("[Case(\"headphones\"", "[Case(\"earbuds\"", StringComparison.Ordinal));

        edited.Should().NotBe(original);
        edited.Cases.Equals(original.Cases).Should().BeFalse();
        edited.Variants.Equals(original.Variants).Should().BeTrue();
    }

    [Fact]
    public void Equatable_arrays_compare_by_elements_in_order()
    {
        var ab = new EquatableArray<string>(new[] { "a", "b" });

        ab.Equals(new EquatableArray<string>(new[] { "a", "b" })).Should().BeTrue();
        ab.GetHashCode().Should().Be(new EquatableArray<string>(new[] { "a", "b" }).GetHashCode());
        ab.Equals(new EquatableArray<string>(new[] { "b", "a" })).Should().BeFalse();
        ab.Equals(new EquatableArray<string>(new[] { "a" })).Should().BeFalse();
        default(EquatableArray<string>).Equals(EquatableArray<string>.Empty).Should().BeTrue();
    }

    [Fact]
    public void Pipeline_step_outputs_are_plain_models()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.DesignExample));

        IEnumerable<object> outputs = new[] { TrackingNames.EvalMethods, TrackingNames.ValidEvalMethods, TrackingNames.TestFrameworkRegistration }
            .SelectMany(name => run.Result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value);

        outputs.Should().NotBeEmpty().And.AllSatisfy(value => ModelGraph.FindImpurities(value.GetType()).Should().BeEmpty());
    }

    private static EvalMethodSpec ParseDesignExample(string refundEvals)
    {
        SourceFile[] files = { new("RefundEvals.cs", refundEvals), Scenarios.DesignExample.Single(f => f.Path == "Negation.cs") };
        EvalMethodParseResult result = GeneratorHarness.ParseMethod(files, "Shop.Evals.RefundEvals", "RefundWindow");
        result.Problems.Should().BeEmpty();
        return result.Spec!;
    }

    private sealed record ImpureItem(string Name, Location Location) : IEquatable<ImpureItem>;

    private sealed record ImpureSpec(string Name, EquatableArray<ImpureItem> Items);
}
