using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>Collection runner of <see cref="EvalTestFramework"/>: hands each class, and the run's flow, to <see cref="EvalTestClassRunner"/>.</summary>
internal sealed class EvalTestCollectionRunner : XunitTestCollectionRunner
{
    private readonly EvalFlow? _run;

    // run: the run's flow (its host, or the error that stopped it); null when no eval class runs.
    public EvalTestCollectionRunner(EvalFlow? run, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
    {
        _run = run;
    }

    protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
        new EvalTestClassRunner(_run, testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings).RunAsync();
}
