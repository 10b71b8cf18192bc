using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The generator writes each eval method's descriptor as data (JSON) that the runtime reads back
/// (<see cref="EvalMethodDescriptor.FromGenerated"/>): every value must come back exactly, of the parameter's type, and
/// the method must be called as a direct call would (its own exceptions, its own task). Compiled, loaded and read as the
/// runtime does, not compared as text.
/// </summary>
public sealed class DescriptorDataRoundTripTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using EvalSpec;
        using EvalSpec.Metamorphic;

        namespace Shop.Evals;

        public enum Mood : long { Calm = -5, Angry = long.MaxValue }

        public partial class EdgeEvals
        {
            [Eval(Rubric = "Says \"yes\"\u0001 and C:\\path", Threshold = 0.1, Trials = 3, TrialRule = TrialRule.PassRate, PassRate = 0.67, MaxTokens = 9, MaxCostUsd = 0.0001)]
            [Prompt("p", "{d} {f} {text} {c} {o}")]
            [Case(double.NaN, float.MaxValue, "quote \" backslash \\ tab \t nul \0 bell \u0007 emoji 🚀 line\u2028sep", '\\', Mood.Angry, Id = "one", Expected = "\"exact\"")]
            [Case(double.PositiveInfinity, float.Epsilon, "", '\'', (byte)7, Id = "two")]
            [Case(double.NegativeInfinity, -0.0f, "x", '\u00e9', null, Id = "three")]
            [Case(-0.0, 1.0f / 3, "y", 'z', 0.1, Id = "four")]
            [Invariant<Lowercase>]
            [Directional<Negation>(Threshold = 0.25)]
            public Task<string> Edge(EvalInput input, double d, float f, string text, char c, object? o) => Task.FromResult(text);

            [Eval]
            [Case(1)]
            public static ValueTask<int> Throws(EvalInput input, int n) => n > 0 ? throw new InvalidTimeZoneException("thrown synchronously") : new ValueTask<int>(n);

            [Eval]
            [Case(2)]
            public async Task<int> Twice(EvalInput input, int n)
            {
                await Task.Yield();
                return n * 2;
            }

            // Not eval methods: overloads with the same parameter names, told apart by their parameter types or generic arity.
            public Task<int> Twice(EvalInput input, long n) => Task.FromResult(-1);

            public Task<int> Twice<T>(EvalInput input, int n) => Task.FromResult(-2);

            [Eval]
            [Case(Mood.Angry, Mood.Calm, Id = "moods")]
            public Task<string> FromEnums(EvalInput input, MoodBox box, MoodBox? maybe) => Task.FromResult("");

            [Eval]
            [Case(5, 'a', "x\uD800")]
            public Task<string> Widened(EvalInput input, Money money, nint size, string lone) => Task.FromResult(lone);

            [Eval]
            [Case('a', "s-1", "lone \uD800 surrogate", '\uDC00', Id = "converted")]
            public Task<string> Converted(EvalInput input, double fromChar, Sku sku, string text, char low) => Task.FromResult(text);
        }

        public readonly record struct MoodBox(Mood Mood)
        {
            public static implicit operator MoodBox(Mood mood) => new(mood);
        }

        public readonly record struct Money(decimal Amount)
        {
            public static implicit operator Money(decimal amount) => new(amount);
        }

        public readonly record struct Sku(string Value)
        {
            public static implicit operator Sku(string value) => new(value);
        }
        """;

    [Fact]
    public void Every_value_comes_back_exactly_and_of_its_parameters_type()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        run.CompilationWarningsAndErrors().Should().BeEmpty();

        LoadedDescriptors.Inspect(run, "Shop.Evals.EdgeEvals", descriptors =>
        {
            EvalMethodDescriptor edge = descriptors.Single(d => d.MethodName == "Edge");
            edge.Rubric.Should().Be("Says \"yes\"\u0001 and C:\\path");
            edge.Threshold.Should().Be(0.1);
            (edge.Trials, edge.TrialRule, edge.PassRate, edge.MaxTokens, edge.MaxCostUsd).Should().Be((3, TrialRule.PassRate, 0.67, 9, 0.0001));
            edge.Variants.Single().Template.Should().Be("{d} {f} {text} {c} {o}");

            object?[] one = edge.Cases.Single(c => c.Id == "one").Arguments;
            double.IsNaN((double)one[0]!).Should().BeTrue();
            one[1].Should().Be(float.MaxValue);
            one[2].Should().Be("quote \" backslash \\ tab \t nul \0 bell \u0007 emoji 🚀 line\u2028sep");
            one[3].Should().Be('\\');
            one[4]!.GetType().FullName.Should().Be("Shop.Evals.Mood", "an enum in an object parameter keeps its enum type");
            Convert.ToInt64(one[4]).Should().Be(long.MaxValue);
            edge.Cases.Single(c => c.Id == "one").Expected.Should().Be("\"exact\"");

            object?[] two = edge.Cases.Single(c => c.Id == "two").Arguments;
            two.Should().Equal(double.PositiveInfinity, float.Epsilon, "", '\'', (byte)7);
            two[4].Should().BeOfType<byte>("a byte in an object parameter stays a byte");

            object?[] three = edge.Cases.Single(c => c.Id == "three").Arguments;
            three.Should().Equal(double.NegativeInfinity, -0.0f, "x", '\u00e9', null);
            float.IsNegative((float)three[1]!).Should().BeTrue("negative zero keeps its sign");

            object?[] four = edge.Cases.Single(c => c.Id == "four").Arguments;
            double.IsNegative((double)four[0]!).Should().BeTrue();
            four[1].Should().Be(1.0f / 3);
            four[4].Should().Be(0.1);

            edge.Relations.Select(r => (r.Key, r.Kind, r.Threshold, r.Expect)).Should().Equal(
                ("lowercase", Metamorphic.RelationKind.Invariant, 0.5, Change.Differs),
                ("negation", Metamorphic.RelationKind.Directional, 0.25, Change.Differs));
            edge.Relations.Select(r => r.Create().GetType().Name).Should().Equal("Lowercase", "Negation");
            edge.RowEntries().Select(r => r.DisplayName).Should().StartWith(new[] { "EdgeEvals.Edge [one · p]", "EdgeEvals.Edge [one · p · lowercase]", "EdgeEvals.Edge [one · p · negation]" });
        });
    }

    [Fact]
    public void The_method_is_called_as_a_direct_call_would_be()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);

        LoadedDescriptors.Inspect(run, "Shop.Evals.EdgeEvals", descriptors =>
        {
            EvalMethodDescriptor throws = descriptors.Single(d => d.MethodName == "Throws");
            Func<ValueTask<object?>> call = () => throws.Invoke(null, Input(), throws.Cases.Single().Arguments);
            call.Should().Throw<InvalidTimeZoneException>("the method's own exception, not a TargetInvocationException").WithMessage("thrown synchronously");

            EvalMethodDescriptor twice = descriptors.Single(d => d.MethodName == "Twice");
            twice.Cases.Single().Arguments.Single().Should().BeOfType<int>("the [Eval] overload takes an int");
            object instance = Activator.CreateInstance(twice.SuiteType)!;
            twice.Invoke(instance, Input(), twice.Cases.Single().Arguments).AsTask().GetAwaiter().GetResult().Should().Be(4);
        });
    }

    [Fact]
    public void Values_that_need_a_conversion_C_sharp_would_apply_come_back_converted()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        run.CompilationWarningsAndErrors().Should().BeEmpty();

        LoadedDescriptors.Inspect(run, "Shop.Evals.EdgeEvals", descriptors =>
        {
            object?[] arguments = descriptors.Single(d => d.MethodName == "Converted").Cases.Single().Arguments;
            arguments[0].Should().Be(97.0, "a char converts to double by its code, as C# does");
            arguments[1]!.GetType().Name.Should().Be("Sku", "the parameter type's implicit conversion from string is applied");
            arguments[1]!.ToString().Should().Contain("s-1");
            arguments[2].Should().Be("lone \uD800 surrogate", "a lone surrogate, which JSON text cannot hold, comes back");
            arguments[3].Should().Be('\uDC00');

            EvalCaseDescriptor widened = descriptors.Single(d => d.MethodName == "Widened").Cases.Single();
            widened.Arguments[0]!.ToString().Should().Be("Money { Amount = 5 }", "5 becomes 5m for the operator from decimal, as C# converts it");
            widened.Arguments[1].Should().Be((nint)97, "a char converts to nint by its code");
            widened.Arguments[2].Should().Be("x\uD800");
            widened.Id.Should().StartWith("case-", "a default id cannot hold a lone surrogate: it is hashed");

            object?[] boxes = descriptors.Single(d => d.MethodName == "FromEnums").Cases.Single().Arguments;
            boxes[0]!.ToString().Should().Be("MoodBox { Mood = Angry }", "an enum constant reaches the operator from the enum");
            boxes[1]!.ToString().Should().Be("MoodBox { Mood = Calm }", "also for a nullable parameter");
        });
    }

    private static EvalInput Input() =>
        new("prompt", "prompt", "default", "case", null, "row", null, new System.Collections.Generic.Dictionary<string, object?>(), System.Threading.CancellationToken.None);
}
