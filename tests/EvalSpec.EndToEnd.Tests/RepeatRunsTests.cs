using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The end-to-end tests' own shortcut (<see cref="RepeatRuns"/>): a fixture run again with nothing changed that its build
/// reads gets <c>--no-build</c>; files a run writes beside the sources (recordings, snapshots) do not count; output that
/// changed since (another build), a case file (even in recordings/) and a new source file build again, so a test never
/// runs a stale build.
/// </summary>
public sealed class RepeatRunsTests
{
    [Fact]
    public async Task A_run_again_skips_the_build_until_a_file_the_build_reads_changes()
    {
        string project = ScratchCopy.Of("BehaviourSuite");
        try
        {
            SuiteRun first = await SuiteRun.RunProjectAsync(project);
            first.Process.CommandLine.Should().NotContain("--no-build").And.NotContain("--no-restore");
            first.Report.Results.Should().NotBeEmpty(first.Process.ToString());

            // What runs write next to the sources, and the build does not read.
            Directory.CreateDirectory(Path.Combine(project, "recordings"));
            File.WriteAllText(Path.Combine(project, "recordings", "BehaviourEvals.recordings.json"), "{}");
            File.WriteAllText(Path.Combine(project, "BehaviourEvals.Refund.received.txt"), "changed");
            File.WriteAllText(Path.Combine(project, "BehaviourEvals.Refund.verified.txt"), "accepted");

            SuiteRun second = await SuiteRun.RunProjectAsync(project);
            second.Process.CommandLine.Should().Contain("--no-build");
            Outcomes(second).Should().BeEquivalentTo(Outcomes(first));

            // Another build wrote the output since (same names, a new time).
            string assembly = Directory.EnumerateFiles(Path.Combine(project, "bin"), "BehaviourSuite.dll", SearchOption.AllDirectories).Single();
            File.SetLastWriteTimeUtc(assembly, System.DateTime.UtcNow.AddMinutes(1));

            SuiteRun third = await SuiteRun.RunProjectAsync(project);
            third.Process.CommandLine.Should().NotContain("--no-build");
            Outcomes(third).Should().BeEquivalentTo(Outcomes(first));

            // A case file is read by the build wherever it is, a recordings folder included.
            File.WriteAllText(Path.Combine(project, "recordings", "cases.jsonl"), "{}\n");

            SuiteRun again = await SuiteRun.RunProjectAsync(project);
            again.Process.CommandLine.Should().NotContain("--no-build");

            File.WriteAllText(Path.Combine(project, "ExtraTests.cs"), "public class ExtraTests { [Xunit.Fact] public void Added() { } }\n");

            SuiteRun fourth = await SuiteRun.RunProjectAsync(project);
            fourth.Process.CommandLine.Should().NotContain("--no-build");
            fourth.Report.Results.Keys.Should().Contain("ExtraTests.Added", "a new source file is built before the run").And.HaveCount(first.Report.Results.Count + 1);
        }
        finally
        {
            ScratchCopy.Delete(project);
        }
    }

    private static System.Collections.Generic.Dictionary<string, string> Outcomes(SuiteRun run) => run.Report.Results.ToDictionary(r => r.Key, r => r.Value.Outcome);
}
