using System.Collections.Generic;
using System.Linq;
using EvalSpec.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Reads a generated descriptor from the generated syntax: the JSON data passed to <c>EvalMethodDescriptor.FromGenerated</c>
/// (parsed by the runtime's own reader) and the typeof list after it, without compiling the code.
/// </summary>
internal static class DescriptorData
{
    /// <summary>The descriptor the test method's attribute names (<c>nameof(field)</c>) in <paramref name="type"/>.</summary>
    public static (GeneratedEvalMethod Data, string[] Types) Read(SyntaxNode type, AttributeSyntax attribute)
    {
        string field = ((IdentifierNameSyntax)((InvocationExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression).ArgumentList.Arguments[0].Expression).Identifier.ValueText;
        return Read(type, field);
    }

    /// <summary>The descriptor field <paramref name="field"/> of <paramref name="type"/>.</summary>
    public static (GeneratedEvalMethod Data, string[] Types) Read(SyntaxNode type, string field)
    {
        VariableDeclaratorSyntax declarator = type.ChildNodes().OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables)
            .Single(v => v.Identifier.ValueText == field);
        ArgumentSyntax[] arguments = ((InvocationExpressionSyntax)declarator.Initializer!.Value).ArgumentList.Arguments.ToArray();
        string method = ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText;
        string json = ((LiteralExpressionSyntax)arguments[2].Expression).Token.ValueText;
        string[] types = arguments.Skip(3).Select(a => ((TypeOfExpressionSyntax)a.Expression).Type.ToString()).ToArray();
        return (GeneratedEvalMethods.Parse(typeof(DescriptorData), method, json), types);
    }

    /// <summary>The one descriptor of a generated file (the source of a class with one eval method).</summary>
    public static GeneratedEvalMethod Of(string source) => All(CSharpSyntaxTree.ParseText(source)).Single().Data;

    /// <summary>The descriptor of eval method <paramref name="method"/> in a generated file (one class's source).</summary>
    public static GeneratedEvalMethod Of(string source, string method) => All(CSharpSyntaxTree.ParseText(source)).Single(d => d.Data.Method == method).Data;

    /// <summary>Every descriptor of a generated file, with the typeof list after its data.</summary>
    public static IEnumerable<(GeneratedEvalMethod Data, string[] Types)> All(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()
            .Where(f => f.Declaration.Type.ToString() == "global::EvalSpec.Execution.EvalMethodDescriptor")
            .Select(f => Read(f.Parent!, f.Declaration.Variables.Single().Identifier.ValueText));

    /// <summary>The JSON data of the one descriptor of a generated file, as text.</summary>
    public static string Json(string source)
    {
        FieldDeclarationSyntax field = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()
            .Single(f => f.Declaration.Type.ToString() == "global::EvalSpec.Execution.EvalMethodDescriptor");
        return ((LiteralExpressionSyntax)((InvocationExpressionSyntax)field.Declaration.Variables.Single().Initializer!.Value).ArgumentList.Arguments[2].Expression).Token.ValueText;
    }

    /// <summary>The rows the discoverers list for the descriptor, by the runtime's expansion.</summary>
    public static IReadOnlyList<EvalRowTableEntry> Rows(SyntaxNode type, AttributeSyntax attribute) => Rows(Read(type, attribute).Data);

    /// <summary>The rows the discoverers list for the descriptor data, by the runtime's expansion.</summary>
    public static IReadOnlyList<EvalRowTableEntry> Rows(GeneratedEvalMethod data)
    {
        return EvalRowTable.Expand(
            data.DisplayType,
            data.Method,
            data.ImplicitVariant,
            data.Cases.Select(c => (c.Id, c.Tags ?? [])).ToArray(),
            data.Variants.Select(v => v.Key).ToArray(),
            data.Relations.Select(r => r.Key).ToArray());
    }
}
