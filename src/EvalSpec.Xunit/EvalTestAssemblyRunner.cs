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

    /// <summary>The run of this assembly, created in <see cref="RunTestCollectionsAsync"/>; null when no eval class runs.</summary>
    private EvalRunHost? _host;

    /// <summary>Why the run could not be created (every row reports it), or null.</summary>
    private Exception? _hostError;

    /// <summary>
    /// Creates the run host when an eval class is about to run (with the run's cancellation, and xUnit's diagnostic messages
    /// for its notices), selects the sample of a sampled run (<see cref="EvalOptions.Sample"/>) from every eval row about to
    /// run, hands the host to each collection, and completes the run before the assembly finishes.
    /// </summary>
    protected override async Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
    {
        var rows = new List<(string RowId, string Stratum)>();
        Type? anyEvalSuite = null;
        var suites = new Dictionary<Type, bool>();
        foreach (IXunitTestCase testCase in TestCases)
        {
            // The generated method's declaring type and the row's keys give the row id EvalRowRunner uses (a class that
            // inherits an eval suite runs the same rows under its own name).
            if (testCase.TestMethod.Method is IReflectionMethodInfo { MethodInfo.DeclaringType: { } suite }
                && (suites.TryGetValue(suite, out bool isSuite) ? isSuite : suites[suite] = EvalTestClassRunner.IsEvalSuite(suite)))
            {
                anyEvalSuite ??= suite;
                if (testCase is EvalRowTestCase row)
                {
                    string methodId = suite.FullName + "." + row.EvalMethod;
                    rows.Add((methodId + "/" + row.CaseId + "/" + row.VariantKey + "/" + row.RelationKey, RowSample.StratumOf(methodId, row.VariantKey, row.RelationKey)));
                }
            }
        }

        if (anyEvalSuite is not null)
        {
            // xUnit's diagnostic messages reach the default console output of `dotnet test` (EvalSpec's build targets turn
            // them on); the test process's own standard output is shown only from normal verbosity.
            IMessageSink diagnostics = DiagnosticMessageSink;
            try
            {
                _host = EvalRunHost.Create(new EvalRunSettings(anyEvalSuite.Assembly)
                {
                    Cancellation = cancellationTokenSource.Token,
                    Notices = line => diagnostics.OnMessage(new DiagnosticMessage(line)),
                    CompletedByTestFramework = true,
                });
                _host.SelectSample(rows);
                _host.RowsToRun(rows.Select(r => r.RowId));
            }
            catch (Exception ex)
            {
                // Every row reports the error itself (the class runners hand it down); here it is only worth a diagnostic.
                _hostError = ex;
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not prepare the run: {ex.GetType().Name}: {ex.Message}")));
            }
        }

        try
        {
            return await base.RunTestCollectionsAsync(messageBus, cancellationTokenSource).ConfigureAwait(false);
        }
        finally
        {
            CompleteRun();
        }
    }

    protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
        new EvalTestCollectionRunner(RunFlow(), testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();

    /// <summary>What each test of the assembly runs in: the host's flow, the error that stopped it, or nothing (no eval class runs).</summary>
    private EvalFlow? RunFlow() =>
        _host is not null ? _host.Flow
        : _hostError is not null ? EvalFlow.None with { HostError = _hostError }
        : null;

    private void CompleteRun()
    {
        EvalRunHost? host = _host;
        if (host is null)
        {
            return;
        }

        try
        {
            host.Complete();
        }
        catch (Exception ex)
        {
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not write the run summary: {ex.GetType().Name}: {ex.Message}")));
        }
    }
}
