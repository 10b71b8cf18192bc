using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// One generated xUnit v2 test as the test explorer sees it: its identity (a <c>[Fact]</c>'s method name, or for a row of
/// an eval method the generated method with the row's keys, which xUnit v2 serializes as the test case's arguments), the
/// display name and the traits.
/// </summary>
internal sealed record GeneratedTest(string MethodName, string DisplayName, string Traits)
{
    private const string V2RowsAttribute = "global::EvalSpec.Execution.EvalRowsAttribute";

    public static IEnumerable<GeneratedTest> ReadAll(SyntaxTree tree)
    {
        foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            AttributeSyntax[] attributes = method.AttributeLists.SelectMany(l => l.Attributes).ToArray();
            if (attributes.FirstOrDefault(a => a.Name.ToString() == V2RowsAttribute) is { } rows)
            {
                foreach (GeneratedTest row in ReadRows(method, rows))
                {
                    yield return row;
                }

                continue;
            }

            AttributeSyntax? fact = attributes.FirstOrDefault(a => a.Name.ToString() == "global::Xunit.FactAttribute");
            if (fact is null)
            {
                continue;
            }

            string displayName = StringArgument(fact.ArgumentList!.Arguments.Single(a => a.NameEquals?.Name.Identifier.ValueText == "DisplayName"));
            IEnumerable<string> traits = attributes
                .Where(a => a.Name.ToString() == "global::Xunit.TraitAttribute")
                .Select(a => StringArgument(a.ArgumentList!.Arguments[0]) + "=" + StringArgument(a.ArgumentList.Arguments[1]));
            yield return new GeneratedTest(method.Identifier.ValueText, displayName, string.Join("; ", traits));
        }
    }

    /// <summary>
    /// The rows of the descriptor the attribute names (<c>nameof(field)</c>), listed by the runtime's own expansion from the
    /// generated data, with the traits the v2 discoverer gives them.
    /// </summary>
    private static IEnumerable<GeneratedTest> ReadRows(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        string evalMethod = StringArgument(attribute.ArgumentList!.Arguments[1]);
        foreach (Execution.EvalRowTableEntry row in DescriptorData.Rows(method.Parent!, attribute))
        {
            IEnumerable<string> traits = new[] { "Category=Eval", "EvalMethod=" + evalMethod, "Case=" + row.CaseId, "Variant=" + row.VariantKey, "Relation=" + row.RelationKey }
                .Concat(row.Tags.Select(tag => "Tag=" + tag));
            yield return new GeneratedTest(method.Identifier.ValueText + "(" + row.CaseId + "/" + row.VariantKey + "/" + row.RelationKey + ")", row.DisplayName, string.Join("; ", traits));
        }
    }

    private static string StringArgument(AttributeArgumentSyntax argument) =>
        ((LiteralExpressionSyntax)argument.Expression).Token.ValueText;

    public override string ToString() => MethodName + " | " + DisplayName + " | " + Traits;
}
