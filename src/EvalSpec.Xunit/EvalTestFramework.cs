using System.Collections.Generic;
using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// xUnit v2 test framework that runs the rows of an eval class concurrently (bounded by
/// <see cref="EvalOptions.MaxConcurrency"/>) while still reporting each row as its own test, and writes the
/// run summary at the end. Ordinary test classes run exactly as with xUnit's default framework. The source
/// generator registers it with <c>[assembly: Xunit.TestFramework(...)]</c>; set the MSBuild property
/// <c>EvalSpecGenerateTestFramework</c> to <c>false</c> to keep your own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalTestFramework : XunitTestFramework
{
    /// <summary>Creates the framework.</summary>
    /// <param name="messageSink">The diagnostic message sink.</param>
    public EvalTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor : XunitTestFrameworkExecutor
    {
        public Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
        {
        }

        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new EvalTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync().ConfigureAwait(false);
        }
    }
}
