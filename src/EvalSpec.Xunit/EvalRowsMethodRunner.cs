using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Method runner of eval classes in <see cref="EvalTestFramework"/>: runs the rows of one generated method (its
/// <see cref="EvalRowTestCase"/>s) concurrently, each in a slot of the class's rows in flight, inside one method run, so
/// runners see one start and one finish of the method (two concurrent starts of one method crash VSTest's xUnit runner).
/// Without slots (the run has no host) the rows run one after another, as xUnit's own method runner runs them.
/// </summary>
internal sealed class EvalRowsMethodRunner : XunitTestMethodRunner
{
    private readonly SemaphoreSlim? _slots;
    private readonly Func<object[]> _constructorArguments;
    private readonly IMessageSink _diagnosticMessageSink;

    // slots: the class's rows in flight, or null to run the rows one after another. newConstructorArguments: fresh arguments
    // per concurrent row (each row needs its own ITestOutputHelper).
    public EvalRowsMethodRunner(SemaphoreSlim? slots, Func<object[]> newConstructorArguments, ITestMethod testMethod, IReflectionTypeInfo @class, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, object[] constructorArguments)
        : base(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
    {
        _slots = slots;
        _constructorArguments = newConstructorArguments;
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    protected override async Task<RunSummary> RunTestCasesAsync()
    {
        // Other tests of an eval class (a theory's data rows) hold their method's slot already: they run as xUnit runs them.
        // A method with a single row takes a slot too (the class runner takes none for a method of rows): a suite of
        // one-case methods, or a --filter that leaves one row per method, must not start every row at once.
        if (_slots is not { } slots || !TestCases.All(testCase => testCase is EvalRowTestCase))
        {
            return await base.RunTestCasesAsync().ConfigureAwait(false);
        }

        Task<RunSummary>[] rows = TestCases.Select(async testCase =>
        {
            // After this await the row is on a pool thread with no context: it starts under its own ThreadPoolRowContext.
            await slots.WaitAsync().ConfigureAwait(false);
            try
            {
                return CancellationTokenSource.IsCancellationRequested
                    ? new RunSummary()
                    : await ThreadPoolRowContext.Start(() => testCase.RunAsync(_diagnosticMessageSink, MessageBus, _constructorArguments(), new ExceptionAggregator(Aggregator), CancellationTokenSource)).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();

        var summary = new RunSummary();
        foreach (RunSummary row in await Task.WhenAll(rows).ConfigureAwait(false))
        {
            summary.Aggregate(row);
        }

        return summary;
    }
}
