using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` on tests/fixtures/SuppressedErrorSuite, whose eval SupportEvals.Warranty has an error (ES1001) turned
/// off in .editorconfig: the build passes, but the run is not green. One failing test stands in for the rows that were
/// not generated and says why; the valid eval next to it runs as usual.
/// </summary>
public sealed class SuppressedErrorTests : IClassFixture<SuppressedErrorTests.Run>
{
    private const string NotGenerated = "SupportEvals.Warranty [not generated]";

    private readonly SuiteRun _run;

    public SuppressedErrorTests(Run run)
    {
        _run = run.Result;
    }

    [Fact]
    public void The_method_with_the_suppressed_error_is_listed_as_one_test_next_to_the_valid_rows()
    {
        _run.Report.Results.Keys.Should().BeEquivalentTo(
            new[] { "SupportEvals.RefundWindow [laptop · formal]", "SupportEvals.RefundWindow [phone · formal]", NotGenerated },
            _run.Process.ToString());
    }

    [Fact]
    public void The_stand_in_test_fails_with_the_analyzer_message_and_what_to_do()
    {
        TrxResult result = _run[NotGenerated];

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain(
            "EvalSpec did not generate the tests of SupportEvals.Warranty:\n" +
            "ES1001: Prompt 'formal' of SupportEvals.Warranty uses the placeholder {prodcut}, but SupportEvals.Warranty has no parameter of that name. Valid placeholders: {product}.\n" +
            "Fix the errors (they are build errors unless their severity was changed).");
    }

    [Fact]
    public void The_valid_rows_pass_and_are_the_only_rows_of_the_run()
    {
        _run["SupportEvals.RefundWindow [laptop · formal]"].Outcome.Should().Be("Passed");
        _run["SupportEvals.RefundWindow [phone · formal]"].Outcome.Should().Be("Passed");
        _run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(2, "the stand-in test is not an eval row");
    }

    [Fact]
    public void The_run_fails()
    {
        _run.Process.ExitCode.Should().NotBe(0, "a method whose tests were not generated must not leave the run green");
    }

    [Fact]
    public async Task A_filter_by_the_method_still_finds_the_stand_in_test()
    {
        SuiteRun filtered = await SuiteRun.RunAsync("SuppressedErrorSuite", null, "--filter", "EvalMethod=Warranty");

        filtered.Report.Results.Should().ContainSingle(filtered.Process.ToString()).Which.Key.Should().Be(NotGenerated);
        filtered.Report.Results.Values.Single().Outcome.Should().Be("Failed");
    }

    public sealed class Run : IAsyncLifetime
    {
        internal SuiteRun Result { get; private set; } = null!;

        public async Task InitializeAsync() => Result = await SuiteRun.RunAsync("SuppressedErrorSuite");

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
