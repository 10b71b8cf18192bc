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
/// descriptor runs the class's static initializer, which holds the user's static fields too.
/// </summary>
public sealed class EvalRowsDiscovererTests
{
    // Abstract: xUnit's own discovery of this test project skips it; the tests below hand it to the discoverer themselves.
    public abstract class SuiteWithThrowingStaticField
    {
        // A user's static field (a client built from configuration, as in tests/fixtures/AgentSuite) whose initializer throws.
        private static readonly string Client = Environment.GetEnvironmentVariable("EVALSPEC_REVIEW5_NEVER_SET") ?? throw new InvalidProgramException("OPENAI_API_KEY is not set");

        private static readonly EvalMethodDescriptor __EvalSpec_Answer = EvalMethodDescriptor.FromGenerated(
            typeof(SuiteWithThrowingStaticField),
            "Answer",
            """{"format":1,"method":"Answer","displayType":"SuiteWithThrowingStaticField","static":true,"implicitVariant":true,"threshold":0.5,"timeoutMs":0,"parameters":[],"variants":[{"key":"default","template":"Hello"}],"cases":[{"id":"a","args":[]}],"relations":[]}""");

        public static System.Threading.Tasks.Task<string> Answer(EvalInput input) => System.Threading.Tasks.Task.FromResult("");

        [EvalRows(nameof(__EvalSpec_Answer), "Answer")]
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

        ExecutionErrorTestCase error = cases.Should().ContainSingle().Which.Should().BeAssignableTo<ExecutionErrorTestCase>().Subject;
        error.ErrorMessage.Should().Contain(type.FullName).And.Contain("OPENAI_API_KEY is not set");

        // The rows' traits, so that --filter "Category=Eval" or "EvalMethod=Answer" keeps the failing test in the run.
        error.Traits.Should().ContainKey("Category").WhoseValue.Should().Equal("Eval");
        error.Traits.Should().ContainKey("EvalMethod").WhoseValue.Should().Equal("Answer");
        error.DisplayName.Should().EndWith("SuiteWithThrowingStaticField.Answer");
    }

    public abstract class SuiteWithOneRow
    {
        public static readonly System.Threading.SemaphoreSlim Started = new(0);

        private static readonly EvalMethodDescriptor __EvalSpec_Answer = EvalMethodDescriptor.FromGenerated(
            typeof(SuiteWithOneRow),
            "Answer",
            """{"format":1,"method":"Answer","displayType":"SuiteWithOneRow","static":true,"implicitVariant":true,"threshold":0.5,"timeoutMs":0,"parameters":[],"variants":[{"key":"default","template":"Hello"}],"cases":[{"id":"a","args":[]}],"relations":[]}""");

        public static System.Threading.Tasks.Task<string> Answer(EvalInput input) => System.Threading.Tasks.Task.FromResult("");

        [EvalRows(nameof(__EvalSpec_Answer), "Answer")]
        public static System.Threading.Tasks.Task Answer__EvalRows(string caseId, string variantKey, string relationKey)
        {
            Started.Release();
            return System.Threading.Tasks.Task.CompletedTask;
        }
    }

    [Fact]
    [Trait("Review", "Finding")]
    public async System.Threading.Tasks.Task A_method_with_one_row_left_takes_a_row_slot_like_the_rows_of_bigger_methods()
    {
        // Review: the v2 class runner takes no slot for a method of rows (each row takes its own in EvalRowsMethodRunner),
        // but the method runner ran a method with fewer than two rows without a slot: a suite of one-case [Eval] methods,
        // or any --filter that leaves one row per method, started every row at once, past the rows-in-flight bound.
        Type type = typeof(SuiteWithOneRow);
        MethodInfo method = type.GetMethod(nameof(SuiteWithOneRow.Answer__EvalRows))!;
        var testMethod = new TestMethod(new TestClass(new TestCollection(new TestAssembly(Reflector.Wrap(type.Assembly)), null, "review"), Reflector.Wrap(type)), Reflector.Wrap(method));
        IAttributeInfo attribute = Reflector.Wrap(method.GetCustomAttributesData().Single(a => a.AttributeType == typeof(EvalRowsAttribute)));
        IXunitTestCase[] cases = new EvalRowsDiscoverer(new NullMessageSink()).Discover(new DiscoveryOptions(), testMethod, attribute).ToArray();
        cases.Should().ContainSingle().Which.Should().BeOfType<EvalRowTestCase>();

        using var slots = new System.Threading.SemaphoreSlim(0, 1);
        Type runnerType = typeof(EvalRowsAttribute).Assembly.GetType("EvalSpec.Execution.EvalRowsMethodRunner", throwOnError: true)!;
        object runner = Activator.CreateInstance(
            runnerType,
            slots,
            (Func<object[]>)(() => []),
            testMethod,
            (IReflectionTypeInfo)Reflector.Wrap(type),
            (IReflectionMethodInfo)Reflector.Wrap(method),
            cases,
            new NullMessageSink(),
            new Bus(),
            new ExceptionAggregator(),
            new System.Threading.CancellationTokenSource(),
            Array.Empty<object>())!;
        var run = (System.Threading.Tasks.Task<RunSummary>)runnerType.GetMethod("RunAsync")!.Invoke(runner, null)!;

        (await SuiteWithOneRow.Started.WaitAsync(TimeSpan.FromMilliseconds(500))).Should().BeFalse("every slot is taken: the row waits for one");
        slots.Release();
        (await SuiteWithOneRow.Started.WaitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the row starts once a slot is free");
        RunSummary summary = await run.WaitAsync(TimeSpan.FromSeconds(60));
        summary.Total.Should().Be(1);
        summary.Failed.Should().Be(0);
    }

    private sealed class Bus : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message) => true;

        public void Dispose()
        {
        }
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}
