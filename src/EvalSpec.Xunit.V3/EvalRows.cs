using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using Xunit;

namespace EvalSpec.XunitV3;

/// <summary>Runs one eval row on xUnit v3, in the run of <see cref="EvalRunFixture"/>. Called by generated tests.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvalRows
{
    /// <summary>Runs the row identified by its keys.</summary>
    /// <param name="instance">The test class instance (null for a static class).</param>
    /// <param name="method">The generated descriptor of the eval method.</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="variantKey">The prompt variant key.</param>
    /// <param name="relationKey">The relation key, or <c>identity</c>.</param>
    /// <returns>Completes when the row passed; faults with EvalSpec's row exceptions otherwise (known failures and rows not judged are skips).</returns>
    /// <remarks>
    /// The row runs in the fixture's run, with the test's cancellation (<c>TestContext.Current.CancellationToken</c>) linked
    /// into the row's; the fixture counts it as started, so that a record run that started every row of the assembly
    /// removes the recordings of rows that no longer exist.
    /// </remarks>
    public static async Task RunAsync(object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        EvalRunFixture fixture = await TestContext.Current.GetFixture<EvalRunFixture>().ConfigureAwait(false)
            ?? throw new EvalConfigurationException(
                "EvalSpec's run host is not registered for this test assembly: add [assembly: Xunit.AssemblyFixture(typeof(EvalSpec.XunitV3.EvalRunFixture))] (the EvalSpec generator writes it; rebuild the test project).");
        if (fixture.Host is not { } host)
        {
            var stopped = fixture.Error is { } error
                ? new EvalConfigurationException("EvalSpec could not start this run: " + error.Message, error)
                : new EvalConfigurationException("EvalSpec could not start this run.");
            throw RowExceptionRedaction.Redact(stopped, Secrets.SecretRedactor.Default) ?? stopped;
        }

        ArgumentNullException.ThrowIfNull(method);
        fixture.RowStarted(RowIds.Row(method, caseId, variantKey, relationKey));

        // The row's cancellation is its test's as well as the run's: xUnit cancels one test (CancelCurrentTest, a test
        // timeout) through TestContext.Current.CancellationToken, which the run's token alone never sees.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(host.RunCancellation, TestContext.Current.CancellationToken);

        // xUnit v3 starts every test at once (the generated Parallelization attribute): rows wait here for one of the run's
        // row slots, so that only the rows that can call soon are prepared.
        using (await host.AdmitRowAsync(cancellation.Token).ConfigureAwait(false))
        using (EvalFlow.Enter(host.Flow with { RowCancellation = cancellation.Token }))
        {
            await EvalRowRunner.RunAsync(host, instance, method, caseId, variantKey, relationKey).ConfigureAwait(false);
        }
    }
}
