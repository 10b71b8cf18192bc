using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using Microsoft.Extensions.Configuration;

namespace EvalSpec.Execution;

/// <summary>
/// What the test framework gives <see cref="EvalRunHost.Create"/> for one run of a test assembly: the assembly, the
/// environment, option values set in code, the run's cancellation and where its notices go.
/// </summary>
/// <remarks>
/// The options are resolved once, here and in the startup, in this order (later wins; documented in
/// docs/configuration.md):
/// <list type="number">
/// <item>the defaults of <see cref="EvalOptions"/>;</item>
/// <item><c>evalspec.json</c> (<see cref="EvalConfiguration.FindFile"/>);</item>
/// <item><c>EVALSPEC_</c> variables of <see cref="Environment"/>;</item>
/// <item>code: <see cref="Options"/> (what the test framework or a test sets), then the assembly's
/// <see cref="IEvalStartup"/> (<c>setup.Options</c>), which sees the bound values and has the last word.</item>
/// </list>
/// MSBuild properties are read by the build only (the generator's switches), never at run time.
/// </remarks>
/// <param name="TestAssembly">The test assembly the run is for.</param>
internal sealed record EvalRunSettings(Assembly TestAssembly)
{
    /// <summary>The environment the run reads (<c>EVALSPEC_</c> variables, build-server variables); the process's by default.</summary>
    public IDictionary Environment { get; init; } = System.Environment.GetEnvironmentVariables();

    /// <summary>Option values set in code (configuration keys such as <c>ResultsDirectory</c> or <c>Cascade:AskAllTiers</c>); they win over the environment and evalspec.json.</summary>
    public IReadOnlyDictionary<string, string?> Options { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The test project folder, or null to find it from the assembly (<see cref="EvalRunHost.FindProjectDirectory"/>).</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The folder evalspec.json is looked for in when the project folder has none (the test output folder).</summary>
    public string OutputDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Cancelled when the test runner cancels the run.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Where lines a person must see go (xUnit's diagnostic messages); null for the standard output.</summary>
    public Action<string>? Notices { get; init; }

    /// <summary>
    /// Whether the test framework completes the run when the assembly finishes (<see cref="EvalRunHost.Complete"/>); when
    /// it does not, each row rewrites summary.json as it finishes.
    /// </summary>
    public bool CompletedByTestFramework { get; init; }

    /// <summary>
    /// Whether the test framework hides the test process's standard output (xUnit v3: never shown under VSTest, and under
    /// Microsoft.Testing.Platform only when the run fails): then the run summary's details and where the report is go to
    /// <see cref="Notices"/> as well as to the standard output.
    /// </summary>
    public bool StandardOutputHidden { get; init; }

    /// <summary>Reads one variable of <see cref="Environment"/>.</summary>
    public string? Variable(string name) => Environment[name] as string;

    /// <summary>
    /// The run's configuration: evalspec.json, then the environment, then <see cref="Options"/>. The file and the
    /// environment are checked first (<see cref="EvalConfiguration.Load"/>): the binder ignores unknown keys, so a typo
    /// would silently leave an option at its default.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The file or a variable names an unknown option or holds an invalid value.</exception>
    public IConfiguration LoadConfiguration(string projectDirectory)
    {
        IConfigurationRoot loaded = EvalConfiguration.Load(EvalConfiguration.FindFile(projectDirectory, OutputDirectory), Environment);
        return Options.Count == 0
            ? loaded
            : new ConfigurationBuilder().AddConfiguration(loaded).AddInMemoryCollection(Options).Build();
    }
}
