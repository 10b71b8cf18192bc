using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Parsing;

namespace EvalSpec.Generators.Tests;

/// <summary>One minimal eval method per authoring rule, each breaking that rule and no other.</summary>
internal static class InvalidEvalMethods
{
    public const string TypeName = "Shop.Evals.BrokenEvals";
    public const string MethodName = "RefundWindow";

    private const string Product = "public Task<string> RefundWindow(EvalInput input, string product)";
    private const string Years = "public Task<string> RefundWindow(EvalInput input, int years)";
    private const string NoParameters = "public Task<string> RefundWindow(EvalInput input)";

    public static readonly IReadOnlyList<InvalidEvalMethod> All = new InvalidEvalMethod[]
    {
        new(EvalRule.UnknownPlaceholder, Broken("""[Prompt("formal", "What is the refund window for {produkt}?")] [Case("laptop")]""")),
        new(EvalRule.CaseArgumentCount, Broken("""[Prompt("formal", "{product}")] [Case("laptop", "extra")]""")),
        new(EvalRule.CaseArgumentType, Broken("""[Prompt("formal", "{years}")] [Case("ten")]""", Years)),
        new(EvalRule.ClassNotPartial, Broken("""[Prompt("formal", "{product}")] [Case("laptop")]""", declaration: "public class BrokenEvals")),
        new(EvalRule.DuplicateVariantKey, Broken("""[Prompt("formal", "{product}?")] [Prompt("formal", "Tell me about {product}")] [Case("laptop")]""")),
        new(EvalRule.UnsupportedSignature, Broken("""[Prompt("formal", "{product}")] [Case("laptop")]""", "public string RefundWindow(EvalInput input, string product)")),
        new(EvalRule.DuplicateCaseId, Broken("""[Prompt("formal", "{product}")] [Case("laptop")] [Case("laptop", Expected = "30 days")]""")),
        new(EvalRule.DuplicateRelationKey, Broken("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>, Invariant<Typos>]""")),
        new(EvalRule.RelationParameterNotFound, Broken("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>(Parameter = "produkt")]""")),
        new(EvalRule.RelationParameterNotString, Broken("""[Prompt("formal", "{years}")] [Case(10)] [Invariant<Typos>(Parameter = "years")]""", Years)),
        new(EvalRule.MalformedTemplate, Broken("""[Prompt("formal", "What about {product")] [Case("laptop")]""")),
        new(EvalRule.ValueOutOfRange, Broken("""[Prompt("formal", "{product}")] [Case("laptop")]""", eval: "[Eval(Threshold = 1.5)]")),
        new(EvalRule.RelationWithoutPrompt, Broken("""[Case("laptop")] [Invariant<Typos>]""")),
        new(EvalRule.UnsupportedContainingType, Broken("""[Prompt("formal", "{product}")] [Case("laptop")]""", declaration: "public partial struct BrokenEvals")),
        new(EvalRule.EmptyKey, Broken("""[Prompt("", "{product}")] [Case("laptop")]""")),
        new(EvalRule.DuplicateEvalMethodName, Broken(
            """[Prompt("formal", "{product}")] [Case("laptop")]""",
            Product + " => throw new System.NotSupportedException();\n\n    [Eval] [Prompt(\"formal\", \"{years}\")] [Case(1)]\n    " + Years)),
        new(EvalRule.ConversationInvalid, Broken("""[Conversation("user: My laptop broke.", "assistant: Sorry to hear that.")]""", NoParameters)),
    };

    public static InvalidEvalMethod For(EvalRule rule) => All.Single(m => m.Rule == rule);

    private static string Broken(string attributes, string signature = Product, string declaration = "public partial class BrokenEvals", string eval = "[Eval]") => $$"""
        using System.Threading.Tasks;
        using EvalSpec;
        using EvalSpec.Metamorphic;

        namespace Shop.Evals;

        {{declaration}}
        {
            {{eval}}
            {{attributes}}
            {{signature}} => throw new System.NotSupportedException();
        }
        """;
}

/// <summary>An eval method <c>Shop.Evals.BrokenEvals.RefundWindow</c> that breaks <paramref name="Rule"/>.</summary>
internal sealed record InvalidEvalMethod(EvalRule Rule, string Source)
{
    /// <summary>The [Eval] methods of the source: two sharing the name for ES1017, else one.</summary>
    public int MethodCount => Rule == EvalRule.DuplicateEvalMethodName ? 2 : 1;
}
