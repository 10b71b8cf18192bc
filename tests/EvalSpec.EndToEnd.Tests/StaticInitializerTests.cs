using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// An eval class whose static initializer throws (tests/fixtures/v3/StaticInitializerSuite.V3) on xUnit v3: EvalSpec reads
/// a class's rows and descriptors from its static fields, which runs that initializer. Its rows must fail with a message
/// that says what to do, and the run of the other class must still end with its summary, reports and gate.
/// </summary>
public sealed class StaticInitializerTests
{
    [Fact]
    public async Task A_class_whose_static_initializer_throws_fails_with_what_to_do_and_the_rest_of_the_run_still_ends()
    {
        SuiteRun run = await SuiteRun.RunAsync("v3/StaticInitializerSuite.V3", new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore" });

        // Before: xUnit's "Exception during discovery" with the raw exception, and "EvalSpec could not write the run
        // summary" (listing the assembly's descriptors threw), so the working class's run had no summary, report or gate.
        TrxResult broken = run["StaticInitializerSuite.BrokenEvals.Answer"];
        broken.Outcome.Should().Be("Failed", run.Process.ToString());
        broken.Message.Should().Contain("The static initializer of StaticInitializerSuite.BrokenEvals threw System.InvalidOperationException: STATIC_SUITE_KEY is not set")
            .And.Contain("fix the static field that throws");
        run["WorkingEvals.Answer [refunds · plain]"].Outcome.Should().Be("Passed", run.Process.ToString());

        run.Rows.Select(r => r.GetProperty("rowId").GetString()).Should().Equal("StaticInitializerSuite.WorkingEvals.Answer/refunds/plain/identity");
        run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(1);
        System.Text.Json.JsonElement unreadable = run.Summary.GetProperty("unreadableSuites").EnumerateArray().Should().ContainSingle().Subject;
        unreadable.GetProperty("suite").GetString().Should().Be("StaticInitializerSuite.BrokenEvals");
        unreadable.GetProperty("error").GetString().Should().Be("System.InvalidOperationException: STATIC_SUITE_KEY is not set");
        File.Exists(Path.Combine(run.RunDirectory, "report.html")).Should().BeTrue("the reports are written for the rows that ran");
        run.Process.Output.Should().NotContain("could not write the run summary")
            .And.Contain("the rows of StaticInitializerSuite.BrokenEvals are not in this run's figures");
        run.Process.ExitCode.Should().Be(1, "a failing test fails the run");
    }

    [Fact]
    public async Task A_run_filtered_on_the_eval_traits_still_fails_on_a_class_whose_static_initializer_throws()
    {
        // The documented filters (docs/concepts.md: --filter "Category=Eval&Relation=typos", "EvalMethod=..."). Before, the
        // failing test had only the method's own traits: the filter left it out, and the run passed with one row.
        SuiteRun run = await SuiteRun.RunAsync("v3/StaticInitializerSuite.V3", new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore" }, "--filter", "Category=Eval&EvalMethod=Answer");

        run["StaticInitializerSuite.BrokenEvals.Answer"].Outcome.Should().Be("Failed", run.Process.ToString());
        run["WorkingEvals.Answer [refunds · plain]"].Outcome.Should().Be("Passed", run.Process.ToString());
        run.Process.ExitCode.Should().Be(1, "a failing test fails the run");
    }

    [Fact]
    public async Task A_run_with_a_class_whose_static_initializer_throws_lists_no_rows_for_evalspec_clean()
    {
        // The list of rows (rows.<assembly>.<tfm>.json) is what `evalspec clean --recordings` removes recordings by: one
        // that named the broken class without its rows made its recorded rows look deleted. Before: it was written.
        string recordings = Directory.CreateTempSubdirectory("evalspec-static-recordings-").FullName;
        try
        {
            SuiteRun run = await SuiteRun.RunAsync("v3/StaticInitializerSuite.V3", new Dictionary<string, string>
            {
                ["EVALSPEC_BASELINE"] = "ignore",
                ["EVALSPEC_RECORDING"] = "auto",
                ["EVALSPEC_RECORDINGSDIRECTORY"] = recordings,
            });

            run["WorkingEvals.Answer [refunds · plain]"].Outcome.Should().Be("Passed", run.Process.ToString());
            Directory.EnumerateFiles(recordings, "rows.*.json", SearchOption.AllDirectories).Should().BeEmpty(run.Process.ToString());
        }
        finally
        {
            Directory.Delete(recordings, recursive: true);
        }
    }

    [Fact]
    public async Task On_xunit_v2_a_run_filtered_on_the_eval_traits_still_fails_on_a_class_whose_static_initializer_throws()
    {
        // The same on xUnit v2 (tests/fixtures/StaticInitializerSuite): before, the failing test had only the method's own
        // traits, so the filter left it out and the run passed with one row.
        SuiteRun run = await SuiteRun.RunAsync("StaticInitializerSuite", new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore" }, "--filter", "Category=Eval&EvalMethod=Answer");

        run["StaticInitializerSuite.BrokenEvals.Answer"].Outcome.Should().Be("Failed", run.Process.ToString());
        run["StaticInitializerSuite.BrokenEvals.Answer"].Message.Should().Contain("The static initializer of StaticInitializerSuite.BrokenEvals threw");
        run.Process.ExitCode.Should().Be(1, "a failing test fails the run");
    }

    [Fact]
    public async Task Resuming_a_run_while_a_class_static_initializer_throws_refuses_and_keeps_that_class_results()
    {
        // A resume takes over the rows of the methods the assembly lists. Before: the class whose initializer now threw
        // (its key not set in the resuming shell) was not listed, so its finished rows were removed from results.jsonl.
        string root = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"));
        string project = Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "v3", "StaticInitializerSuite.V3");
        SuiteRun first = await SuiteRun.RunInAsync(root, project, new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore", ["STATIC_SUITE_KEY"] = "set" });
        first.Rows.Should().HaveCount(2, first.Process.ToString());

        SuiteRun resumed = await SuiteRun.RunInAsync(root, project, new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore", ["EVALSPEC_RESUME"] = "e2e" });

        resumed.Rows.Select(r => r.GetProperty("rowId").GetString()).Should().BeEquivalentTo(
            new[] { "StaticInitializerSuite.BrokenEvals.Answer/refunds/plain/identity", "StaticInitializerSuite.WorkingEvals.Answer/refunds/plain/identity" },
            resumed.Process.ToString());
        resumed.Process.Output.Should().Contain("Resuming now would drop the results its rows already have");
        resumed.Process.ExitCode.Should().Be(1);
    }
}
