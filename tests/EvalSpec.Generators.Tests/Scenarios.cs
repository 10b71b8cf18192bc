using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Tests.Infrastructure;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// Representative eval suites, shared by the baseline tests (what is generated) and the compilation tests
/// (that it compiles warning-free). Each is a set of files of one user project.
/// </summary>
internal static class Scenarios
{
    /// <summary>The example of the design document: keyed prompts, cases with Expected, invariant and directional relations.</summary>
    public static readonly SourceFile[] DesignExample =
    {
        new("RefundEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Shop.Evals;

            public partial class RefundEvals
            {
                [Eval(Rubric = "States the correct refund window for the product.")]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product}")]
                [Case("laptop", Expected = "30 days")]
                [Case("headphones", Expected = "14 days")]
                [Invariant<Typos>, Invariant<Lowercase>]
                [Directional<Negation>(Expect = Change.Differs)]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """),
        new("Negation.cs", """
            using EvalSpec.Metamorphic;

            namespace Shop.Evals;

            public sealed class Negation : IMetamorphicRelation
            {
                public string Transform(string input, MetamorphicContext context) => "Is it not true that " + input;
            }
            """),
    };

    /// <summary>A [Prompt] without a key is keyed by a short hash of its template.</summary>
    public static readonly SourceFile[] UnkeyedPrompt =
    {
        new("SummaryEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Docs.Evals;

            public partial class SummaryEvals
            {
                [Eval(Threshold = 0.75, Timeout = 30000)]
                [Prompt("Summarise {text} in one sentence.")]
                [Case("The meeting moved to Tuesday because the room was double-booked.", Id = "meeting")]
                [Invariant<WhitespaceNoise>]
                public Task<string> Summary(EvalInput input, string text) => Task.FromResult(input.Prompt);
            }
            """),
    };

    /// <summary>No [Prompt] at all: one implicit "default" variant; relations then transform a string parameter.</summary>
    public static readonly SourceFile[] NoPrompt =
    {
        new("FaqEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Support.Evals;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?", Expected = "Canada")]
                [Case("Can I pay with PayPal?", Expected = "PayPal")]
                [Invariant<Typos>(Parameter = "question")]
                [Invariant<Lowercase>(Parameter = "question", Name = "question-lowercase", Threshold = 0.8)]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """),
    };

    /// <summary>Eval methods in nested partial classes and in a partial record.</summary>
    public static readonly SourceFile[] NestedTypesAndRecord =
    {
        new("Suites.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Bank.Evals;

            public partial class Suites
            {
                public partial class Loans
                {
                    public partial class Mortgages
                    {
                        [Eval]
                        [Prompt("ask", "What is the rate for {years} years?")]
                        [Case(10)]
                        public Task<string> Rate(EvalInput input, int years) => Task.FromResult(input.Prompt);
                    }
                }

                public partial record Cards
                {
                    [Eval]
                    [Prompt("ask", "What is the limit of {card}?")]
                    [Case("gold")]
                    public Task<string> Limit(EvalInput input, string card) => Task.FromResult(input.Prompt);
                }
            }
            """),
    };

    /// <summary>An eval class outside any namespace.</summary>
    public static readonly SourceFile[] GlobalNamespace =
    {
        new("GreetingEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class GreetingEvals
            {
                [Eval]
                [Prompt("hello", "Say hello to {name}.")]
                [Case("Ada")]
                public Task<string> Greeting(EvalInput input, string name) => Task.FromResult(input.Prompt);
            }
            """),
    };

    /// <summary>A static eval method in an instance class, and one in a static class.</summary>
    public static readonly SourceFile[] StaticMethods =
    {
        new("MathEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Tutor.Evals;

            public partial class MathEvals
            {
                [Eval]
                [Prompt("plain", "What is {a} plus {b}?")]
                [Case(2, 3, Expected = "5")]
                public static Task<string> Addition(EvalInput input, int a, int b) => Task.FromResult(input.Prompt);
            }

            public static partial class SpellingEvals
            {
                [Eval]
                [Prompt("plain", "Spell {word}.")]
                [Case("necessary")]
                public static Task<string> Spelling(EvalInput input, string word) => Task.FromResult(input.Prompt);
            }
            """),
    };

    /// <summary>ValueTask returns, with outputs that are not strings.</summary>
    public static readonly SourceFile[] ValueTaskOfNonString =
    {
        new("ClassifierEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Triage.Evals;

            public sealed record Classification(string Label, double Confidence);

            public partial class ClassifierEvals
            {
                [Eval]
                [Prompt("label", "Classify: {ticket}")]
                [Case("My card was charged twice", Expected = "billing")]
                public ValueTask<Classification> Classify(EvalInput input, string ticket) =>
                    new ValueTask<Classification>(new Classification("billing", 0.9));

                [Eval]
                [Prompt("count", "How many items are in {order}?")]
                [Case("two apples and a pear", Expected = "3")]
                public ValueTask<int> CountItems(EvalInput input, string order) => new ValueTask<int>(3);
            }
            """),
    };

    /// <summary>Case arguments of many types, including null and conversions a C# call would allow (int to double, int to long).</summary>
    public static readonly SourceFile[] CaseArgumentTypes =
    {
        new("ArgumentEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Types.Evals;

            public enum Mood
            {
                Unknown = -1,
                Calm = 0,
                Angry = 2,
            }

            public partial class ArgumentEvals
            {
                [Eval]
                [Prompt("all", "{count} {big} {ratio} {flag} {letter} {mood} {note} {maybe} {widened} {longFromInt} {single} {anything}")]
                [Case(3, 5L, 0.25, true, 'x', Mood.Angry, "a note", 7, 1, 2, 1.5f, "boxed")]
                [Case(-2147483648, 9223372036854775807L, -0.5, false, '\'', Mood.Unknown, null, null, -4, -9, -2.5f, 42, Id = "extremes")]
                [Case(0, 0L, 1e-7, false, '\\', Mood.Calm, "", 0, 3, 4, 0f, null, Id = "zeros")]
                public Task<string> Arguments(
                    EvalInput input,
                    int count,
                    long big,
                    double ratio,
                    bool flag,
                    char letter,
                    Mood mood,
                    string? note,
                    int? maybe,
                    double widened,
                    long longFromInt,
                    float single,
                    object? anything) => Task.FromResult(input.Prompt);
            }
            """),
    };

    /// <summary>Quotes, backslashes, newlines, tabs, braces and non-ASCII text in templates, keys, ids and expected answers.</summary>
    public static readonly SourceFile[] Escaping =
    {
        new("EscapingEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Escaping.Evals;

            public partial class EscapingEvals
            {
                [Eval(Rubric = "Quotes \"exactly\" and keeps C:\\paths\\intact.")]
                [Prompt("quoted", "Say \"{text}\" and nothing else.\nThen\tstop. {{not a placeholder}}")]
                [Prompt("très-formel", "Veuillez répéter « {text} » — merci ☕ 日本語\u2028fin")]
                [Case("He said \"hi\"", Expected = "\"hi\"")]
                [Case("line one\nline two", Expected = "two\r\nlines")]
                [Case("naïve café 🚀", Id = "unicode \"id\" ✓")]
                [Case("a/b", Expected = "slash")]
                [Invariant<Typos>(Name = "typos \"quoted\"")]
                public Task<string> Echo(EvalInput input, string text) => Task.FromResult(input.Prompt);
            }
            """),
    };

    /// <summary>
    /// Eval methods with errors in nested static classes: a prompt key with quotes, a backslash, braces and a newline
    /// quoted in an ES1001 message, and two methods sharing a name (ES1017). Not in <see cref="All"/>: nothing here has rows.
    /// </summary>
    public static readonly SourceFile[] MethodsWithErrors =
    {
        new("BrokenEvals.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public static partial class Suites
            {
                public static partial class RefundEvals
                {
                    [Eval]
                    [Prompt("say \"hi\" \\ {x}\nnext", "Refund window for {produkt}?")]
                    [Case("laptop")]
                    public static Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

                    [Eval]
                    [Case("laptop")]
                    public static Task<string> PlaceOrder(EvalInput input, string product) => Task.FromResult(input.Prompt);

                    [Eval]
                    [Case(2)]
                    public static Task<string> PlaceOrder(EvalInput input, int quantity) => Task.FromResult(input.Prompt);
                }
            }
            """),
    };

    /// <summary>Every scenario by name, for theories over all of them.</summary>
    public static readonly IReadOnlyDictionary<string, SourceFile[]> All = new Dictionary<string, SourceFile[]>
    {
        [nameof(DesignExample)] = DesignExample,
        [nameof(UnkeyedPrompt)] = UnkeyedPrompt,
        [nameof(NoPrompt)] = NoPrompt,
        [nameof(NestedTypesAndRecord)] = NestedTypesAndRecord,
        [nameof(GlobalNamespace)] = GlobalNamespace,
        [nameof(StaticMethods)] = StaticMethods,
        [nameof(ValueTaskOfNonString)] = ValueTaskOfNonString,
        [nameof(CaseArgumentTypes)] = CaseArgumentTypes,
        [nameof(Escaping)] = Escaping,
    };

    public static TheoryData<string> Names => new(All.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
}
