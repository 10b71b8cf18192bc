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

    /// <summary>In a sampled run (<see cref="EvalOptions.Sample"/>), selects the sample from every eval row about to run.</summary>
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync().ConfigureAwait(false);
        EvalRun.CompletedByTestFramework();

        // xUnit's diagnostic messages reach the default console output of `dotnet test` (EvalSpec's build targets turn
        // them on); the test process's own standard output is shown only from normal verbosity.
        IMessageSink diagnostics = DiagnosticMessageSink;
        EvalRun.AttachNotices(line => diagnostics.OnMessage(new DiagnosticMessage(line)));
        var rows = new List<(Type Suite, string RowId, string Stratum)>();
        foreach (IXunitTestCase testCase in TestCases)
        {
            // The generated method's own traits and declaring type give the row id EvalRowRunner uses (a class that
            // inherits an eval suite runs the same rows under its own name; class-level traits are not the row's).
            if (testCase.TestMethod.Method is IReflectionMethodInfo { MethodInfo: { DeclaringType: { } suite } generated }
                && EvalTestClassRunner.IsEvalSuite(suite)
                && RowKeys(generated) is { } keys)
            {
                string methodId = suite.FullName + "." + keys.Method;
                rows.Add((suite, methodId + "/" + keys.Case + "/" + keys.Variant + "/" + keys.Relation, RowSample.StratumOf(methodId, keys.Variant, keys.Relation)));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            EvalRun run = EvalRun.GetOrCreate(rows[0].Suite);
            run.SelectSample(rows.Select(r => (r.RowId, r.Stratum)));
            run.RowsToRun(rows.Select(r => r.RowId));
        }
        catch (Exception ex)
        {
            // A broken configuration is reported by every row; a failure here is only worth a diagnostic.
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not prepare the run: {ex.GetType().Name}: {ex.Message}")));
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
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not write the run summary: {ex.GetType().Name}: {ex.Message}")));
        }
        finally
        {
            EvalRun.AttachNotices(null);
        }
    }
}
