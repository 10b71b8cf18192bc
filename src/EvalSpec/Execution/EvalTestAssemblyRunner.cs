using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>Assembly runner of <see cref="EvalTestFramework"/>: eval-aware collections, and the run summary before the assembly finishes.</summary>
internal sealed class EvalTestAssemblyRunner : XunitTestAssemblyRunner
{
    public EvalTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
    }

    protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
    {
        EvalRun.AttachRunCancellation(cancellationTokenSource.Token);
        return new EvalTestCollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        await base.BeforeTestAssemblyFinishedAsync().ConfigureAwait(false);
        try
        {
            EvalRun.Complete();
        }
        catch (System.Exception ex)
        {
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"EvalSpec could not write the run summary: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}
