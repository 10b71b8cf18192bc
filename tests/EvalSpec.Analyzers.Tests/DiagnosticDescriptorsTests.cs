using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Generators.Parsing;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvalSpec.Analyzers.Tests;

public class DiagnosticDescriptorsTests
{
    [Fact]
    public void Every_rule_has_exactly_one_descriptor_in_All()
    {
        EvalRule[] rules = Enum.GetValues<EvalRule>();

        rules.Select(DiagnosticDescriptors.For).Should().OnlyHaveUniqueItems();
        DiagnosticDescriptors.All.Should().BeEquivalentTo(rules.Select(DiagnosticDescriptors.For));
    }

    [Fact]
    public void Descriptor_ids_are_unique_and_in_the_ES1xxx_range()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => Regex.IsMatch(id, "^ES1[0-9]{3}$").Should().BeTrue($"'{id}' must be in the ES1xxx range"));
    }

    [Theory]
    [InlineData(EvalRule.UnknownPlaceholder, "ES1001")]
    [InlineData(EvalRule.CaseArgumentCount, "ES1002")]
    [InlineData(EvalRule.CaseArgumentType, "ES1003")]
    [InlineData(EvalRule.ClassNotPartial, "ES1004")]
    [InlineData(EvalRule.DuplicateVariantKey, "ES1005")]
    [InlineData(EvalRule.UnsupportedSignature, "ES1006")]
    [InlineData(EvalRule.DuplicateCaseId, "ES1007")]
    [InlineData(EvalRule.DuplicateRelationKey, "ES1008")]
    [InlineData(EvalRule.RelationParameterNotFound, "ES1009")]
    [InlineData(EvalRule.RelationParameterNotString, "ES1010")]
    [InlineData(EvalRule.MalformedTemplate, "ES1011")]
    [InlineData(EvalRule.ValueOutOfRange, "ES1012")]
    [InlineData(EvalRule.NoCases, "ES1013")]
    [InlineData(EvalRule.RelationWithoutPrompt, "ES1014")]
    [InlineData(EvalRule.UnsupportedContainingType, "ES1015")]
    [InlineData(EvalRule.EmptyKey, "ES1016")]
    [InlineData(EvalRule.DuplicateEvalMethodName, "ES1017")]
    internal void Rule_keeps_its_published_id(EvalRule rule, string id)
    {
        DiagnosticDescriptors.For(rule).Id.Should().Be(id);
    }

    [Fact]
    public void Only_the_no_cases_rule_is_a_warning()
    {
        DiagnosticDescriptors.All.Where(d => d.DefaultSeverity != DiagnosticSeverity.Error).Select(d => d.Id)
            .Should().Equal(DiagnosticDescriptors.NoCases.Id);
    }

    [Fact]
    public void Every_descriptor_is_enabled_by_default()
    {
        DiagnosticDescriptors.All.Should().OnlyContain(d => d.IsEnabledByDefault);
    }

    [Fact]
    public void Analyzer_supports_every_descriptor()
    {
        new EvalDeclarationAnalyzer().SupportedDiagnostics.Should().BeEquivalentTo(DiagnosticDescriptors.All);
    }
}
