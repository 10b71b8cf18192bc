using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
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
            // The generated method's own traits and declaring type give the row id EvalRowRunner uses (a class that
            // inherits an eval suite runs the same rows under its own name; class-level traits are not the row's).
            if (testCase.TestMethod.Method is IReflectionMethodInfo { MethodInfo: { DeclaringType: { } suite } generated }
                && (suites.TryGetValue(suite, out bool isSuite) ? isSuite : suites[suite] = EvalTestClassRunner.IsEvalSuite(suite)))
            {
                anyEvalSuite ??= suite;
                if (RowKeys(generated) is { } keys)
                {
                    string methodId = suite.FullName + "." + keys.Method;
                    rows.Add((methodId + "/" + keys.Case + "/" + keys.Variant + "/" + keys.Relation, RowSample.StratumOf(methodId, keys.Variant, keys.Relation)));
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

    /// <summary>The keys of a generated row test from its method-level traits, or null for another test.</summary>
    private static (string Method, string Case, string Variant, string Relation)? RowKeys(MethodInfo generated)
    {
        var traits = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (CustomAttributeData trait in generated.GetCustomAttributesData().Where(a => a.AttributeType == typeof(TraitAttribute)))
        {
            if (trait.ConstructorArguments is [{ Value: string name }, { Value: var value }])
            {
                // A name given twice is ambiguous: not a generated row.
                traits[name] = traits.ContainsKey(name) ? null : value as string;
            }
        }

        return traits.GetValueOrDefault("EvalMethod") is { } method
            && traits.GetValueOrDefault("Case") is { } caseId
            && traits.GetValueOrDefault("Variant") is { } variant
            && traits.GetValueOrDefault("Relation") is { } relation
                ? (method, caseId, variant, relation)
                : null;
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
