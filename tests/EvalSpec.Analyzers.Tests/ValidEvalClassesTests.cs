using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests;

/// <summary>Realistic, correct eval classes: the analyzer must stay silent on all of them.</summary>
public class ValidEvalClassesTests
{
    [Fact]
    public async Task Design_example_produces_no_diagnostics()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Shop.Evals;

            public sealed class Negation : IMetamorphicRelation
            {
                public string Transform(string input, MetamorphicContext context) => "Is it not true that " + input;
            }

            public sealed class RefundBot
            {
                public Task<string> AskAsync(string prompt, CancellationToken cancellationToken) => Task.FromResult("30 days");
            }

            public partial class RefundEvals
            {
                private readonly RefundBot bot = new();

                [Eval(Rubric = "States the correct refund window for the product.", Threshold = 0.7, Timeout = 30_000)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product}")]
                [Case("laptop", Expected = "30 days")]
                [Case("headphones", Expected = "14 days")]
                [Invariant<Typos>, Invariant<Lowercase>]
                [Directional<Negation>(Expect = Change.Differs)]
                public async Task<string> RefundWindow(EvalInput input, string product)
                {
                    string answer = await bot.AskAsync(input.Prompt, input.CancellationToken);
                    if (string.IsNullOrWhiteSpace(answer))
                    {
                        throw new InvalidOperationException("The bot gave no answer.");
                    }

                    return answer;
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Relations_targeting_a_string_parameter_produce_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace FaqBot.Evals;

            public partial class OrdersEvals
            {
                [Eval(Rubric = "Answers the shipping or order question with the policy's facts.")]
                [Prompt("plain", "{question}")]
                [Prompt("polite", "Hi there! {question} Thanks a lot.")]
                [Case("How long does standard shipping take?", Id = "standard-time", Expected = "3 to 5 business days")]
                [Case("Do you deliver to Canada?", Id = "canada", Expected = "Canada")]
                [Invariant<Typos>(Parameter = "question", Name = "question-typos", Threshold = 0.4)]
                [Invariant<Lowercase>, Invariant<WhitespaceNoise>, Directional<PunctuationNoise>(Parameter = "question")]
                public async Task<string> OrderQuestions(EvalInput input, string? question) =>
                    await Task.FromResult(input.Prompt + question);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Nested_partial_classes_produce_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals
            {
                public static partial class SupportSuites
                {
                    public partial class Refunds
                    {
                        public sealed partial class Laptops
                        {
                            [Eval]
                            [Prompt("formal", "What is the refund window for {product}?")]
                            [Case("laptop")]
                            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                        }
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Static_eval_methods_produce_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static partial class PureFunctionEvals
            {
                [Eval]
                [Prompt("plain", "Shout {word}")]
                [Case("hello")]
                public static Task<string> Shout(EvalInput input, string word) => Task.FromResult(word.ToUpperInvariant());

                [Eval]
                [Case("hello")]
                public static async ValueTask<string> Whisper(EvalInput input, string word)
                {
                    await Task.Yield();
                    return word.ToLowerInvariant();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Structured_outputs_in_Task_and_ValueTask_produce_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public sealed record Quote(string Product, decimal Price);

            public partial class QuoteEvals
            {
                [Eval]
                [Prompt("plain", "Quote {product}")]
                [Case("laptop")]
                public ValueTask<Quote> QuoteAsync(EvalInput input, string product) => new(new Quote(product, 999m));

                [Eval]
                [Prompt("plain", "Quote {product}")]
                [Case("laptop")]
                public Task<Quote?> MaybeQuote(EvalInput input, string product) => Task.FromResult<Quote?>(null);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Case_arguments_that_convert_exactly_produce_no_diagnostics()
    {
        // int -> double/decimal/long? are implicit; 3.0 -> int and 5L -> int are exact; ulong -> byte fits.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class PricingEvals
            {
                [Eval]
                [Prompt("plain", "{quantity} x {price} at {discount} off, {loyaltyPoints} points, {rating} stars")]
                [Case(3, 10, 5, 120, 4UL)]
                [Case(3.0, 10.5, 0.25, null, (ulong)5)]
                [Case(5L, 99, 1, 7, 3UL)]
                public Task<string> Price(EvalInput input, int quantity, double price, decimal discount, long? loyaltyPoints, byte rating) =>
                    Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Enum_and_nullable_and_object_arguments_produce_no_diagnostics()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Support;

            public enum Tone { Formal, Casual }

            public partial class ToneEvals
            {
                [Eval]
                [Prompt("plain", "Reply in a {tone} tone ({day}) to: {message} [{extra}] {urgency}")]
                [Case(Tone.Casual, DayOfWeek.Monday, "where's my parcel", 42, null)]
                [Case(Tone.Formal, DayOfWeek.Friday, null, "note", 2)]
                [Case(Tone.Formal, DayOfWeek.Sunday, "hello", null, 1, Id = "sunday")]
                public Task<string> Reply(EvalInput input, Tone tone, DayOfWeek day, string? message, object? extra, int? urgency) =>
                    Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Lone_null_argument_for_a_string_parameter_produces_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "Question: {question}")]
                [Case(null, Id = "no-question")]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string? question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Eval_class_in_the_global_namespace_with_several_methods_produces_no_diagnostics()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public sealed partial class SupportEvals
            {
                [Eval]
                [Prompt("Summarise: {text}")]
                [Prompt("Give a one-line summary of: {text}")]
                [Case("The parcel left the warehouse on Monday and arrives on Thursday.")]
                [Invariant<WhitespaceNoise>]
                public Task<string> Summarise(EvalInput input, string text) => Task.FromResult(input.Prompt);

                [Eval]
                [Case]
                public Task<string> Greeting(EvalInput input) => Task.FromResult("Hello!");
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
