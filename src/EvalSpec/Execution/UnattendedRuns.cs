using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Threading;

namespace EvalSpec.Execution;

/// <summary>
/// Run hosts of test assemblies that declare their own xUnit test framework (EvalSpec registers none there): no framework
/// hands their rows a host, so the first row of such an assembly creates one and the others share it. Such a host is
/// never completed by anyone (there is no process-exit hook): each row rewrites summary.json (and, when updating, the
/// baseline) as it finishes, the recordings' journal is folded into the recordings files by the next run, and
/// <c>evalspec report</c> writes the reports.
/// </summary>
internal static class UnattendedRuns
{
    // Allow-listed in RuntimeStaticStateTests: the one piece of process-wide state left, and only for assemblies that run
    // without EvalSpec's test framework; a run under EvalSpec's framework never reads or writes it.
    private static readonly ConcurrentDictionary<Assembly, Lazy<EvalRunHost>> Hosts = new();

    /// <summary>The host of <paramref name="testAssembly"/>'s unattended run, created on first use (a failure is rethrown to every row).</summary>
    /// <exception cref="EvalConfigurationException">The run could not be created.</exception>
    public static EvalRunHost For(Assembly testAssembly)
    {
        Lazy<EvalRunHost> host = Hosts.GetOrAdd(
            testAssembly,
            static assembly => new Lazy<EvalRunHost>(() => EvalRunHost.Create(new EvalRunSettings(assembly)), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return host.Value;
        }
        catch (Exception ex)
        {
            throw new EvalConfigurationException("EvalSpec could not start this run: " + ex.Message, ex);
        }
    }
}
