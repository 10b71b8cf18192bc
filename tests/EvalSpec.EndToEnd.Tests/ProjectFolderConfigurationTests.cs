using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Found by a hostile review, and fixed: before, evalspec.json is read only from the test output folder, so the file in
/// the test project's folder (next to evalspec.baseline.json and recordings/, where a user writes it) is ignored in
/// silence unless the project copies it: <c>{ "Recording": "replay" }</c> there leaves the run recording live calls, and
/// issue 11's own example, <c>"Recordng": "replay"</c>, is not reported. The run knows the project folder (it finds the
/// baseline there), so it can read the file there or refuse a project-folder file that did not reach the output.
/// </summary>
[Collection(DurabilitySuiteBuild.Collection)]
public sealed class ProjectFolderConfigurationTests
{
    private readonly DurabilitySuiteBuild _suite;

    public ProjectFolderConfigurationTests(DurabilitySuiteBuild suite) => _suite = suite;

    [Fact]
    public async Task A_misspelt_key_in_the_project_folders_evalspec_json_is_not_ignored()
    {
        string file = Path.Combine(_suite.Project, "evalspec.json");
        File.WriteAllText(file, """{ "Recordng": "replay" }""");
        SuiteRun run;
        try
        {
            run = await SuiteRun.RunProjectAsync(_suite.Assembly, new Dictionary<string, string>());
        }
        finally
        {
            File.Delete(file);
        }

        run.Process.ExitCode.Should().NotBe(0, "the file names no EvalSpec option; it must not be ignored: " + run.Process);
        run.Report.Results.Values.Select(r => r.Message ?? string.Empty).Should().OnlyContain(m => m.Contains("Recordng"));
    }
}
