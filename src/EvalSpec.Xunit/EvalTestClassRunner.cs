using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Class runner of <see cref="EvalTestFramework"/>. xUnit v2 runs the tests of a class one after another;
/// for a class that declares [Eval] methods this runner starts its rows concurrently instead, so that
/// slow model calls overlap. Calls of eval methods stay bounded by <see cref="EvalOptions.MaxConcurrency"/>
/// (<see cref="EvalRunHost.SystemUnderTestLimiter"/>); rows in flight are bounded above that
/// (<see cref="EvalRunHost.RowsInFlight"/>), because a row spends time outside its call.
/// </summary>
internal sealed class EvalTestClassRunner : XunitTestClassRunner
{
    private readonly EvalFlow? _run;

    private bool? _isEvalSuite;

    // The slots of rows in flight while RunTestMethodsAsync runs the class concurrently; null when it runs plainly.
    private SemaphoreSlim? _rowSlots;

    // run: the run's flow (its host, or the error that stopped it); null when no eval class runs.
    public EvalTestClassRunner(EvalFlow? run, ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, IDictionary<Type, object> collectionFixtureMappings)
        : base(testClass, @class, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource, collectionFixtureMappings)
    {
        _run = run;
    }

    private bool IsThisAnEvalSuite() => _isEvalSuite ??= IsEvalSuite(Class.Type);

    internal static bool IsEvalSuite(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.IsDefined(typeof(EvalAttribute), inherit: false));

    protected override async Task<RunSummary> RunTestMethodsAsync()
    {
        int? rowsInFlight = RowsInFlight();
        if (rowsInFlight is null)
        {
            return await base.RunTestMethodsAsync().ConfigureAwait(false);
        }

        IEnumerable<IXunitTestCase> ordered;
        try
        {
            ordered = TestCaseOrderer.OrderTestCases(TestCases);
        }
        catch (Exception ex)
        {
            Exception cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"Test case orderer '{TestCaseOrderer.GetType().FullName}' threw '{cause.GetType().FullName}' during ordering: {cause.Message}"));
            ordered = TestCases;
        }

        using var rowSlots = new SemaphoreSlim(rowsInFlight.Value, rowsInFlight.Value);
        _rowSlots = rowSlots;
        IEnumerable<Task<RunSummary>> methods = ordered
            .GroupBy(testCase => testCase.TestMethod.Method.Name, StringComparer.Ordinal)
            .Select(async group =>
            {
                // The rows of an eval method take a slot each, inside one method run (EvalRowsMethodRunner): xUnit's runners
                // expect one start and one finish message per test method. Other tests of the class take a slot per method.
                bool rows = group.Any(testCase => testCase is EvalRowTestCase);
                if (!rows)
                {
                    await rowSlots.WaitAsync().ConfigureAwait(false);
                }

                try
                {
                    if (CancellationTokenSource.IsCancellationRequested)
                    {
                        return new RunSummary();
                    }

                    ITestMethod testMethod = group.First().TestMethod;
                    return await RunTestMethodAsync(testMethod, (IReflectionMethodInfo)testMethod.Method, group, CreateTestClassConstructorArguments()).ConfigureAwait(false);
                }
                finally
                {
                    if (!rows)
                    {
                        rowSlots.Release();
                    }
                }
            })
            .ToArray();

        var summary = new RunSummary();
        foreach (RunSummary methodSummary in await Task.WhenAll(methods).ConfigureAwait(false))
        {
            summary.Aggregate(methodSummary);
        }

        return summary;
    }

    /// <summary>Runs one test method; in eval classes, known failures and rows not judged are reported as skipped.</summary>
    /// <remarks>
    /// The tests run in the run's flow (<see cref="EvalFlow"/>): xUnit v2 calls a generated row without arguments, so the
    /// row finds its host there, as do snapshot assertions and judge panels in ordinary tests of the assembly.
    /// </remarks>
    protected override async Task<RunSummary> RunTestMethodAsync(ITestMethod testMethod, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, object[] constructorArguments)
    {
        using IDisposable flow = EvalFlow.Enter(_run ?? EvalFlow.Current);
        return await RunTestMethodInFlowAsync(testMethod, method, testCases, constructorArguments).ConfigureAwait(false);
    }

    private async Task<RunSummary> RunTestMethodInFlowAsync(ITestMethod testMethod, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, object[] constructorArguments)
    {
        if (!IsThisAnEvalSuite())
        {
            return await base.RunTestMethodAsync(testMethod, method, testCases, constructorArguments).ConfigureAwait(false);
        }

        var bus = new SkippedRowMessageBus(MessageBus);

        // Started under ThreadPoolRowContext: xUnit v2 hands each continuation of an asynchronously finishing test to the
        // context current when the test started, or to a new thread when there is none.
        RunSummary summary = await ThreadPoolRowContext.Start(() => new EvalRowsMethodRunner(_rowSlots, CreateTestClassConstructorArguments, testMethod, Class, method, testCases, DiagnosticMessageSink, bus, new ExceptionAggregator(Aggregator), CancellationTokenSource, constructorArguments)
            .RunAsync())
            .ConfigureAwait(false);
        summary.Failed -= bus.Converted;
        summary.Skipped += bus.Converted;
        return summary;
    }

    /// <summary>Rows of this class allowed in flight, or null to run its tests one after another.</summary>
    private int? RowsInFlight()
    {
        if (!IsThisAnEvalSuite())
        {
            return null;
        }

        // Without a host (the configuration is broken) every row reports that error itself, so run them plainly.
        if (_run?.Host is not { } host)
        {
            return null;
        }

        return host.RowsInFlight;
    }
}
