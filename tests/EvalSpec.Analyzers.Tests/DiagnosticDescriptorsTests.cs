using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Generators.Parsing;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
    [InlineData(EvalRule.PromptSetNotFound, "ES1018")]
    [InlineData(EvalRule.PromptFileMalformed, "ES1019")]
    [InlineData(EvalRule.CasesFromFileNotFound, "ES1022")]
    [InlineData(EvalRule.CaseDataInvalid, "ES1023")]
    [InlineData(EvalRule.ConversationInvalid, "ES1024")]
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

    [Fact]
    public void Published_rules_are_the_parser_rules_and_the_one_rule_analyzers_rules()
    {
        DiagnosticDescriptors.Published.Select(d => d.Id).Should().Equal(
            DiagnosticDescriptors.All.Select(d => d.Id).Concat(new[] { "ES1020", "ES1021", "ES1025", "ES2001", "ES3001" }));
    }

    [Fact]
    public void Every_published_rule_links_to_its_page_under_docs_rules()
    {
        DiagnosticDescriptors.Published.Should().AllSatisfy(d =>
            d.HelpLinkUri.Should().Be("https://github.com/evalspec/evalspec/blob/main/docs/rules/" + d.Id + ".md"));
    }

    [Fact]
    public void Published_ids_are_unique_and_in_the_range_of_their_category()
    {
        DiagnosticDescriptors.Published.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        DiagnosticDescriptors.Published.Should().AllSatisfy(d =>
        {
            string range = d.Id.Length == 6 && d.Id.StartsWith("ES", StringComparison.Ordinal) ? d.Id.Substring(2, 1) : "?";
            string[] categories = range switch
            {
                "1" => new[] { "EvalSpec.Authoring", "EvalSpec.Cost" },
                "2" => new[] { "EvalSpec.Judging" },
                "3" => new[] { "EvalSpec.Snapshots" },
                _ => Array.Empty<string>(),
            };
            Regex.IsMatch(d.Id, "^ES[1-3][0-9]{3}$").Should().BeTrue($"'{d.Id}' must be ES1xxx (authoring), ES2xxx (judging) or ES3xxx (snapshots, recording)");
            categories.Should().Contain(d.Category, $"'{d.Id}' is in the ES{range}xxx range");
        });
    }

    [Theory]
    [InlineData("ES1020", "EvalSpec.Authoring", DiagnosticSeverity.Warning)]
    [InlineData("ES1021", "EvalSpec.Cost", DiagnosticSeverity.Info)]
    [InlineData("ES2001", "EvalSpec.Judging", DiagnosticSeverity.Warning)]
    [InlineData("ES3001", "EvalSpec.Snapshots", DiagnosticSeverity.Warning)]
    public void One_rule_analyzer_rules_keep_their_published_category_and_severity(string id, string category, DiagnosticSeverity severity)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Published.Single(d => d.Id == id);

        descriptor.Category.Should().Be(category);
        descriptor.DefaultSeverity.Should().Be(severity);
        descriptor.IsEnabledByDefault.Should().BeTrue();
    }

    [Fact]
    public void The_call_budget_is_a_compilation_end_diagnostic()
    {
        // The judge count comes from the startup, which may be in another file than the eval.
        DiagnosticDescriptors.CallBudgetExceeded.CustomTags.Should().Contain(WellKnownDiagnosticTags.CompilationEnd);
    }

    [Fact]
    public void Every_published_rule_is_reported_by_exactly_one_analyzer_and_new_analyzers_report_one_rule_each()
    {
        DiagnosticAnalyzer[] analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();

        analyzers.SelectMany(a => a.SupportedDiagnostics).Should().BeEquivalentTo(DiagnosticDescriptors.Published);
        analyzers.Where(a => a is not EvalDeclarationAnalyzer).Should().AllSatisfy(a => a.SupportedDiagnostics.Should().ContainSingle());
    }
}
