using System.ComponentModel;
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

        await EvalRowRunner.RunAsync(host, instance, method, caseId, variantKey, relationKey).ConfigureAwait(false);
    }
}
