using System;
using System.Linq;
using System.Reflection;
using EvalSpec.Execution;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// EvalSpec.Xunit's v2 discoverer (<see cref="EvalRowsDiscoverer"/>) over a class shaped as the generator writes it: reading the
/// row table runs the class's static initializer, which holds the user's static fields too.
/// </summary>
public sealed class EvalRowsDiscovererTests
{
    // Abstract: xUnit's own discovery of this test project skips it; the tests below hand it to the discoverer themselves.
    public abstract class SuiteWithThrowingStaticField
    {
        // A user's static field (a client built from configuration, as in tests/fixtures/AgentSuite) whose initializer throws.
        private static readonly string Client = Environment.GetEnvironmentVariable("EVALSPEC_REVIEW5_NEVER_SET") ?? throw new InvalidProgramException("OPENAI_API_KEY is not set");

        private static readonly string[][] Answer_Rows = new string[][]
        {
            new string[] { "a", "default", "identity", "SuiteWithThrowingStaticField.Answer [a]" },
        };

        [EvalRows(nameof(Answer_Rows), "Answer")]
        public static System.Threading.Tasks.Task Answer__EvalRows(string caseId, string variantKey, string relationKey) => System.Threading.Tasks.Task.FromResult(Client);
    }

    [Fact]
    [Trait("Review", "Finding")]
    public void A_static_initializer_that_throws_is_one_failing_test_of_the_method_not_a_discovery_crash_that_drops_the_class()
    {
        // Review: the discoverer caught InvalidOperationException only; xUnit v2 turns any other exception of a discoverer
        // into a diagnostic message and drops the rest of the class's tests: every row vanished from the run, silently.
        Type type = typeof(SuiteWithThrowingStaticField);
        MethodInfo method = type.GetMethod(nameof(SuiteWithThrowingStaticField.Answer__EvalRows))!;
        var testMethod = new TestMethod(new TestClass(new TestCollection(new TestAssembly(Reflector.Wrap(type.Assembly)), null, "review"), Reflector.Wrap(type)), Reflector.Wrap(method));
        IAttributeInfo attribute = Reflector.Wrap(method.GetCustomAttributesData().Single(a => a.AttributeType == typeof(EvalRowsAttribute)));

        IXunitTestCase[] cases = new EvalRowsDiscoverer(new NullMessageSink()).Discover(new DiscoveryOptions(), testMethod, attribute).ToArray();

        cases.Should().ContainSingle().Which.Should().BeOfType<ExecutionErrorTestCase>()
            .Which.ErrorMessage.Should().Contain(type.FullName).And.Contain("OPENAI_API_KEY is not set");
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}
