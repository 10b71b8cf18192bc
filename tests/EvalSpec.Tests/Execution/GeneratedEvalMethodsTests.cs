using System;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// <see cref="EvalMethodDescriptor.FromGenerated"/> on data that does not fit (an assembly built by an older or newer
/// EvalSpec, a method renamed without a rebuild, damaged text): one clear message that names the method and says to
/// rebuild, never a crash deep in a row or a value silently read as something else.
/// </summary>
public sealed class GeneratedEvalMethodsTests
{
    public sealed class Suite
    {
        public Task<string> Answer(EvalInput input, int count, string text) => Task.FromResult(text + count);

        public static ValueTask<string> Static(EvalInput input) => new("static");

        public string NotATask(EvalInput input) => "no";

        public static Task<string> Converting(EvalInput input, ProductId id, nint size, string text, char c) => Task.FromResult(id.Value);

        // Not an eval method: an overload of the same name that the parameter types tell apart.
        public static Task<string> Converting(EvalInput input, string id, nint size, string text, char c) => Task.FromResult(id);
    }

    public sealed class ThrowingRelation : IMetamorphicRelation
    {
        public ThrowingRelation() => throw new InvalidCastException("the relation's own failure");

        public string Transform(string input, MetamorphicContext context) => input;
    }

    public readonly record struct ProductId(string Value)
    {
        public static implicit operator ProductId(string value) => new(value);
    }

    private const string Valid = """
        {"format":1,"method":"Answer","displayType":"Suite","static":false,"implicitVariant":false,"threshold":0.5,"timeoutMs":0,
         "parameters":["count","text"],"parameterTypes":[0,1],"variants":[{"key":"v","template":"{count} {text}"}],
         "cases":[{"id":"a","args":[["int","3"],["string","x"]],"tags":["t1"]}],
         "relations":[{"key":"lowercase","directional":false,"type":2,"threshold":0.5,"expect":0}]}
        """;

    [Fact]
    public void Valid_data_builds_the_descriptor_with_typed_arguments_and_rows()
    {
        EvalMethodDescriptor descriptor = EvalMethodDescriptor.FromGenerated(typeof(Suite), "Answer", Valid, typeof(int), typeof(string), typeof(Lowercase));

        descriptor.Cases[0].Arguments.Should().Equal(3, "x");
        (descriptor.Trials, descriptor.TrialRule, descriptor.PassRate).Should().Be((1, TrialRule.AllPass, 0.8), "settings the generator leaves out keep their defaults");
        (descriptor.MaxTokens, descriptor.MaxLatencyMs, descriptor.MaxCostUsd, descriptor.SnapshotOutput, descriptor.JudgeEachTurn).Should().Be((null, null, null, null, false));
        descriptor.Cases[0].Tags.Should().Equal("t1");
        descriptor.Relations[0].Create().Should().BeOfType<Lowercase>();
        descriptor.RowEntries().Should().HaveCount(2);
        descriptor.RowEntries()[1].DisplayName.Should().Be("Suite.Answer [a · v · lowercase]");
    }

    [Theory]
    [InlineData("Answer", "not json", "cannot be read")]
    [InlineData("Answer", "", "cannot be read")]
    [InlineData("Answer", "null", "cannot be read")]
    [InlineData("Answer", """{"format":2,"method":"Answer"}""", "format 2")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":null}""", "a null where a list belongs")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[null,["string","x"]]}]}""", "a null where a list belongs")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"variants":[null]}""", "a null where a list belongs")]
    [InlineData("Answer", """{"format":1,"method":"Renamed","parameters":["count","text"],"parameterTypes":[0,1]}""", "describes the method 'Renamed'")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"]}""", "parameter types are not listed")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,9]}""", "parameter types are not listed")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count"],"parameterTypes":[0]}""", "no instance method Answer(EvalInput, Int32)")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["text","count"],"parameterTypes":[1,0]}""", "no instance method Answer(EvalInput, String, Int32)")]
    [InlineData("Answer", """{"format":1,"method":"Answer","static":true,"parameters":["count","text"],"parameterTypes":[0,1]}""", "no static method")]
    [InlineData("NotATask", """{"format":1,"method":"NotATask","parameters":[],"parameterTypes":[]}""", "not Task<T> or ValueTask<T>")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["int","3"]]}]}""", "has 1 arguments for 2 parameters")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["int","3.5"],["string","x"]]}]}""", "('3.5' as int) cannot be read")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["int","99999999999"],["string","x"]]}]}""", "as int) cannot be read")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["decimal128","1"],["string","x"]]}]}""", "unknown type 'decimal128'")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["int"],["string","x"]]}]}""", "not a [type, value] pair")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["enum:7","1"],["string","x"]]}]}""", "unknown type 'enum:7'")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["string","3"],["string","x"]]}]}""", "a String, does not convert to the parameter's type Int32")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["null",""],["string","x"]]}]}""", "does not convert")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"cases":[{"id":"a","args":[["utf16","12"],["string","x"]]}]}""", "4 hex digits")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"relations":[{"key":"r","type":5}]}""", "relation 'r' names no relation type")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"relations":[{"key":"r","type":-1}]}""", "relation 'r' names no relation type")]
    [InlineData("Answer", """{"format":1,"method":"Answer","parameters":["count","text"],"parameterTypes":[0,1],"relations":[{"key":"r","type":0}]}""", "relation 'r' names no relation type")]
    public void Data_that_does_not_fit_says_which_method_and_what_to_do(string method, string data, string why)
    {
        Action read = () => EvalMethodDescriptor.FromGenerated(typeof(Suite), method, data, typeof(int), typeof(string), typeof(Lowercase));

        read.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain(typeof(Suite).FullName + "." + method).And.Contain(why).And.Contain("Rebuild the test project");
    }

    [Fact]
    public void Text_with_a_lone_surrogate_says_so_instead_of_asking_for_a_rebuild()
    {
        string data = "{\"format\":1,\"method\":\"Answer\",\"rubric\":\"bad \ud800 text\"}";

        Action read = () => EvalMethodDescriptor.FromGenerated(typeof(Suite), "Answer", data, typeof(int), typeof(string));

        read.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("not valid UTF-16").And.Contain("Remove the lone surrogate");
    }

    [Fact]
    public void Values_a_direct_call_would_convert_are_converted_and_lone_surrogates_come_back()
    {
        const string Data = """
            {"format":1,"method":"Converting","static":true,"parameters":["id","size","text","c"],"parameterTypes":[0,1,2,3],"variants":[{"key":"v","template":"x"}],
             "cases":[{"id":"a","args":[["string","p-1"],["int","-3"],["utf16","0041D800"],["utf16char","DC00"]]}]}
            """;

        EvalMethodDescriptor descriptor = EvalMethodDescriptor.FromGenerated(typeof(Suite), "Converting", Data, typeof(ProductId), typeof(nint), typeof(string), typeof(char));

        descriptor.Cases[0].Arguments.Should().Equal(new ProductId("p-1"), (nint)(-3), "A\ud800", '\udc00');
    }

    [Fact]
    public void A_relation_whose_constructor_throws_throws_its_own_exception_not_a_wrapper()
    {
        EvalMethodDescriptor descriptor = EvalMethodDescriptor.FromGenerated(typeof(Suite), "Answer", Valid, typeof(int), typeof(string), typeof(ThrowingRelation));

        Action create = () => descriptor.Relations[0].Create();

        create.Should().Throw<InvalidCastException>().WithMessage("the relation's own failure");
    }

    [Fact]
    public async Task A_static_method_is_called_without_an_instance()
    {
        const string Data = """{"format":1,"method":"Static","static":true,"parameters":[],"parameterTypes":[],"variants":[{"key":"default","template":"x"}],"cases":[{"id":"a","args":[]}]}""";
        EvalMethodDescriptor descriptor = EvalMethodDescriptor.FromGenerated(typeof(Suite), "Static", Data);

        (await descriptor.Invoke(null, Input(), [])).Should().Be("static");
    }

    private static EvalInput Input() =>
        new("prompt", "prompt", "default", "case", null, "row", null, new System.Collections.Generic.Dictionary<string, object?>(), System.Threading.CancellationToken.None);
}
