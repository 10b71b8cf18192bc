using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>The rows behave like ordinary tests for listing and --filter.</summary>
public sealed class ListAndFilterTests
{
    [Fact]
    public async Task List_tests_shows_one_readable_entry_per_row()
    {
        ProcessResult result = await DotNet.RunAsync(DotNet.RepoRoot, null, "test", Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "BehaviourSuite"), "--list-tests");

        result.ExitCode.Should().Be(0, result.ToString());
        string[] listed = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("BehaviourEvals.", System.StringComparison.Ordinal)).ToArray();
        listed.Should().BeEquivalentTo(BehaviourSuiteTests.ExpectedOutcomes.Select(row => (string)row[0]));
    }

    [Fact]
    public async Task Traits_select_rows_by_relation()
    {
        SuiteRun run = await SuiteRun.RunAsync("BehaviourSuite", null, "--filter", "Category=Eval&Relation=shout");

        run.Report.Results.Keys.Should().BeEquivalentTo(
            "BehaviourEvals.Refund [laptop · formal · shout]",
            "BehaviourEvals.Refund [laptop · short · shout]",
            "BehaviourEvals.Refund [phone · formal · shout]",
            "BehaviourEvals.Refund [phone · short · shout]");
        run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(8, "4 shared source runs + 4 follow-ups");
    }

    [Fact]
    public async Task Traits_select_rows_by_variant_and_case()
    {
        SuiteRun run = await SuiteRun.RunAsync("BehaviourSuite", null, "--filter", "EvalMethod=Refund&Variant=short&Case=phone");

        run.Report.Results.Keys.Should().BeEquivalentTo(
            "BehaviourEvals.Refund [phone · short]",
            "BehaviourEvals.Refund [phone · short · lowercase]",
            "BehaviourEvals.Refund [phone · short · shout]",
            "BehaviourEvals.Refund [phone · short · swap-product]");
    }
}
