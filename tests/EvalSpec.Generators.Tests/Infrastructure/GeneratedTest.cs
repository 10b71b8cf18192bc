using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// One generated xUnit v2 test as the test explorer sees it: its identity (a <c>[Fact]</c>'s method name, or for a row of
/// a row table the generated method with the row's keys, which xUnit v2 serializes as the test case's arguments), the
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

    /// <summary>The rows of the table the attribute names (<c>nameof(table)</c>), with the traits the v2 discoverer gives them.</summary>
    private static IEnumerable<GeneratedTest> ReadRows(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        string table = ((IdentifierNameSyntax)((InvocationExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression).ArgumentList.Arguments[0].Expression).Identifier.ValueText;
        string evalMethod = StringArgument(attribute.ArgumentList.Arguments[1]);
        VariableDeclaratorSyntax field = method.Parent!.ChildNodes().OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables)
            .Single(v => v.Identifier.ValueText == table);
        foreach (ExpressionSyntax row in ((ArrayCreationExpressionSyntax)field.Initializer!.Value).Initializer!.Expressions)
        {
            string[] columns = ((ArrayCreationExpressionSyntax)row).Initializer!.Expressions
                .Select(c => ((LiteralExpressionSyntax)c).Token.ValueText)
                .ToArray();
            IEnumerable<string> traits = new[] { "Category=Eval", "EvalMethod=" + evalMethod, "Case=" + columns[0], "Variant=" + columns[1], "Relation=" + columns[2] }
                .Concat(columns.Skip(4).Select(tag => "Tag=" + tag));
            yield return new GeneratedTest(method.Identifier.ValueText + "(" + columns[0] + "/" + columns[1] + "/" + columns[2] + ")", columns[3], string.Join("; ", traits));
        }
    }

    private static string StringArgument(AttributeArgumentSyntax argument) =>
        ((LiteralExpressionSyntax)argument.Expression).Token.ValueText;

    public override string ToString() => MethodName + " | " + DisplayName + " | " + Traits;
}
