using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// One generated xUnit test as the test explorer sees it: the method name (xUnit v2's test identity), the
/// display name and the traits.
/// </summary>
internal sealed record GeneratedTest(string MethodName, string DisplayName, string Traits)
{
    public static IEnumerable<GeneratedTest> ReadAll(SyntaxTree tree)
    {
        foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            AttributeSyntax[] attributes = method.AttributeLists.SelectMany(l => l.Attributes).ToArray();
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

    private static string StringArgument(AttributeArgumentSyntax argument) =>
        ((LiteralExpressionSyntax)argument.Expression).Token.ValueText;

    public override string ToString() => MethodName + " | " + DisplayName + " | " + Traits;
}
