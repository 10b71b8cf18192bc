using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>A scratch copy of tests/fixtures/DurabilitySuite, built once for the tests of its collection, which run its dll.</summary>
public sealed class DurabilitySuiteBuild : IAsyncLifetime
{
    public const string Collection = "DurabilitySuite";

    /// <summary>The scratch project folder (the default baseline is written here).</summary>
    public string Project { get; private set; } = null!;

    /// <summary>The build output folder (where evalspec.json is read from).</summary>
    public string Output => Path.Combine(Project, "bin", "Debug", "net10.0");

    /// <summary>The test assembly, for `dotnet test &lt;dll&gt;` (no build per run).</summary>
    public string Assembly => Path.Combine(Output, "DurabilitySuite.dll");

    public async Task InitializeAsync()
    {
        Project = ScratchCopy.Of("DurabilitySuite");
        ProcessResult build = await DotNet.RunAsync(DotNet.RepoRoot, null, "build", Project, "-nologo", "-v", "q");
        if (build.ExitCode != 0)
        {
            throw new System.InvalidOperationException("The DurabilitySuite fixture did not build:\n" + build);
        }
    }

    public Task DisposeAsync()
    {
        ScratchCopy.Delete(Project);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(DurabilitySuiteBuild.Collection)]
public sealed class DurabilitySuiteCollection : ICollectionFixture<DurabilitySuiteBuild>
{
}
