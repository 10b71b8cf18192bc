using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using EvalSpec.Execution;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace EvalSpec.XunitV3;

/// <summary>
/// The run host of one xUnit v3 test assembly run, as an assembly fixture (the generator registers it with
/// <c>[assembly: AssemblyFixture(typeof(EvalRunFixture))]</c>): xUnit creates it once, after discovery and before the
/// first test, and disposes it after the last; disposing writes the recordings, the run summary, the reports and the gate.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalRunFixture : IAsyncLifetime
{
    private readonly IMessageSink? _diagnostics;

    /// <summary>Created by xUnit, with its diagnostic message sink (shown by VSTest when xUnit's diagnostic messages are on).</summary>
    /// <param name="diagnosticMessageSink">xUnit's diagnostic message sink.</param>
    public EvalRunFixture(IMessageSink diagnosticMessageSink)
    {
        _diagnostics = diagnosticMessageSink;
    }

    /// <summary>The run, or null when it could not be created (<see cref="Error"/>).</summary>
    internal EvalRunHost? Host { get; private set; }

    /// <summary>Why the run could not be created (every row reports it), or null.</summary>
    internal Exception? Error { get; private set; }

    /// <summary>Creates the run host: options, startup, baseline, run folder, recordings; and the sample of a sampled run.</summary>
    public ValueTask InitializeAsync()
    {
        ITestContext context = TestContext.Current;
        Assembly? assembly = (context.TestAssembly as IXunitTestAssembly)?.Assembly ?? Assembly.GetEntryAssembly();
        try
        {
            if (assembly is null)
            {
                throw new EvalConfigurationException("EvalSpec could not tell which test assembly is running (xUnit gave the assembly fixture no test assembly).");
            }

            EvalRunHost host = EvalRunHost.Create(new EvalRunSettings(assembly)
            {
                Cancellation = context.CancellationToken,
                Notices = Notice,
                CompletedByTestFramework = true,

                // VSTest never shows an xUnit v3 test process's standard output, and Microsoft.Testing.Platform only when
                // the run fails: the run summary's details and the report's path go to the diagnostic messages too.
                StandardOutputHidden = true,
            });
            Host = host;

            // The fixture cannot see which test cases were selected (--filter): a sampled run draws its sample from every
            // generated row of the assembly, and a filter runs the part of the sample it selects.
            host.SelectSample(EveryRow(assembly));
        }
        catch (Exception ex)
        {
            Error = ex;
            Diagnostic(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not prepare the run: {ex.GetType().Name}: {ex.Message}"));
        }

        return default;
    }

    /// <summary>The ids of the rows that started in this run (<see cref="EvalRows.RunAsync"/>).</summary>
    private readonly ConcurrentDictionary<string, byte> _started = new(StringComparer.Ordinal);

    /// <summary>Counts a row as started in this run.</summary>
    internal void RowStarted(string rowId) => _started.TryAdd(rowId, 0);

    /// <summary>Completes the run: recordings, summary.json, baseline update, reports and the gate.</summary>
    public ValueTask DisposeAsync()
    {
        if (Host is { } host)
        {
            try
            {
                // xUnit tells an assembly fixture nothing of which tests were selected (--filter): the rows that started are
                // what ran. Only when they are every row of the assembly (and the run was not sampled, sharded, resumed or
                // cancelled: EvalRunHost.RecordingRows) does a Record run remove the recordings of rows that no longer exist.
                host.RowsToRun(_started.Keys);
                host.Complete();
            }
            catch (Exception ex)
            {
                Diagnostic(Secrets.SecretRedactor.Default.Redact($"EvalSpec could not write the run summary: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return default;
    }

    /// <summary>Every row of the assembly's generated descriptors, with its stratum, for the sample.</summary>
    internal static IEnumerable<(string RowId, string Stratum)> EveryRow(Assembly assembly)
    {
        foreach (EvalMethodDescriptor method in SnapshotInventory.Descriptors(assembly))
        {
            IEnumerable<string> relations = method.Relations.Select(r => r.Key).Prepend(EvalDefaults.IdentityRelationKey);
            foreach (EvalCaseDescriptor @case in method.Cases)
            {
                foreach (Prompts.PromptVariant variant in method.Variants)
                {
                    foreach (string relation in relations)
                    {
                        yield return (RowIds.Row(method, @case.Id, variant.Key, relation), RowSample.StratumOf(method.Id, variant.Key, relation));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A line a person must see. Inside a row (a judge errored or could not be read): the row's output, a warning (shown
    /// by VSTest at its default verbosity) and an attachment (listed by Microsoft.Testing.Platform's default output); and
    /// always xUnit's diagnostic messages.
    /// </summary>
    private void Notice(string line)
    {
        ITestContext context = TestContext.Current;
        if (context.Test is { } test)
        {
            context.TestOutputHelper?.WriteLine(line);

            // Printed under the previous test's header line when this one passes, so the text names the row.
            context.AddWarning(test.TestDisplayName + ": " + line);
            context.AddAttachment("evalspec-judges", line, replaceExistingValue: true);
        }

        Diagnostic(line);
    }

    private void Diagnostic(string line)
    {
        try
        {
            _diagnostics?.OnMessage(new DiagnosticMessage(line));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The runner has finished with its sink: the run files still hold everything.
        }
    }
}
