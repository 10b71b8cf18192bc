using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>In a sampled run (<see cref="EvalOptions.Sample"/>), selects the sample from every eval row about to run.</summary>
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync().ConfigureAwait(false);
        var rows = new List<(Type Suite, string RowId, string Stratum)>();
        foreach (IXunitTestCase testCase in TestCases)
        {
            if (testCase.TestMethod.TestClass.Class is IReflectionTypeInfo { Type: { } suite }
                && EvalTestClassRunner.IsEvalSuite(suite)
                && Trait(testCase, "EvalMethod") is { } method
                && Trait(testCase, "Case") is { } caseId
                && Trait(testCase, "Variant") is { } variant
                && Trait(testCase, "Relation") is { } relation)
            {
                string methodId = suite.FullName + "." + method;
                rows.Add((suite, methodId + "/" + caseId + "/" + variant + "/" + relation, RowSample.StratumOf(methodId, variant, relation)));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            EvalRun.GetOrCreate(rows[0].Suite).SelectSample(rows.Select(r => (r.RowId, r.Stratum)));
        }
        catch (Exception ex)
        {
            // A broken configuration is reported by every row; a failure here is only worth a diagnostic.
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"EvalSpec could not prepare the run: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static string? Trait(ITestCase testCase, string name) =>
        testCase.Traits.TryGetValue(name, out List<string>? values) && values.Count == 1 ? values[0] : null;

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
