using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>Counts in generated sources shared by the generator benchmarks (linked into each, not a library).</summary>
internal static class GeneratedRows
{
    /// <summary>
    /// The rows of the eval methods a generated source describes: per <c>EvalMethodDescriptor.FromGenerated</c> call, its
    /// data's cases x variants x (identity + relations).
    /// </summary>
    public static int Count(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromGenerated" })
            .Sum(call =>
            {
                using JsonDocument data = JsonDocument.Parse(((LiteralExpressionSyntax)call.ArgumentList.Arguments[2].Expression).Token.ValueText);
                JsonElement root = data.RootElement;
                return root.GetProperty("cases").GetArrayLength() * root.GetProperty("variants").GetArrayLength() * (1 + root.GetProperty("relations").GetArrayLength());
            });
}
