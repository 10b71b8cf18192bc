using System;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

/// <summary><c>await Snapshot.VerifyAsync(value)</c> in an ordinary test.</summary>
public sealed class ImperativeSnapshotTests : IDisposable
{
    private static readonly SnapshotStore Verifying = new(SnapshotMode.Verify, buildServerVariable: null);

    private readonly SnapshotFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_snapshot_is_named_from_the_calling_source_file_and_member_and_lives_beside_the_source()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");

        Func<Task> verify = () => Snapshot.VerifyCoreAsync("total: 42", null, null, sourceFile, "Totals_add_up", Verifying);

        (await verify.Should().ThrowAsync<SnapshotMismatchException>())
            .Which.ReceivedFile.Should().Be(_folder.File("OrderTests.Totals_add_up.received.txt"));
        _folder.Read("OrderTests.Totals_add_up.received.txt").Should().Be("total: 42\n");
    }

    [Fact]
    public async Task A_name_tells_several_snapshots_of_one_test_apart()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        _folder.Write("OrderTests.Totals.before.verified.txt", "before\n");
        _folder.Write("OrderTests.Totals.after.verified.json", "{\n  \"total\": 40\n}\n");

        SnapshotResult before = await Snapshot.VerifyCoreAsync("before", null, "before", sourceFile, "Totals", Verifying);
        SnapshotResult after = await Snapshot.VerifyCoreAsync(new { Total = 40 }, null, "after", sourceFile, "Totals", Verifying);

        before.Outcome.Should().Be(SnapshotOutcome.Matched);
        after.Outcome.Should().Be(SnapshotOutcome.Matched);
    }

    [Fact]
    public async Task A_mismatch_throws_with_the_diff_in_the_message()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        _folder.Write("OrderTests.Totals.verified.txt", "total: 41\n");

        Func<Task> verify = () => Snapshot.VerifyCoreAsync("total: 42", null, null, sourceFile, "Totals", Verifying);

        SnapshotMismatchException thrown = (await verify.Should().ThrowAsync<SnapshotMismatchException>()).Which;
        thrown.Message.Should().Contain("Snapshot mismatch").And.Contain("-     1        total: 41").And.Contain("+           1  total: 42");
        thrown.Diff.Should().NotBeNullOrEmpty();
        thrown.VerifiedFile.Should().Be(_folder.File("OrderTests.Totals.verified.txt"));
    }

    [Fact]
    public async Task A_verified_file_with_carriage_returns_is_a_configuration_error()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        _folder.Write("OrderTests.Totals.verified.txt", "total: 42\r\n");

        Func<Task> verify = () => Snapshot.VerifyCoreAsync("total: 42", null, null, sourceFile, "Totals", Verifying);

        await verify.Should().ThrowAsync<EvalConfigurationException>().WithMessage("*carriage returns*eol=lf*");
    }

    [Fact]
    public async Task The_project_folder_above_the_source_file_is_scrubbed()
    {
        _folder.Write("Shop.Tests.csproj", "<Project />");
        _folder.Write(Path.Combine("Orders", "OrderTests.cs"), "// test source");
        string sourceFile = _folder.File(Path.Combine("Orders", "OrderTests.cs"));

        Func<Task> verify = () => Snapshot.VerifyCoreAsync($"read {_folder.File("faq.md")}", null, null, sourceFile, "Reads", Verifying);

        await verify.Should().ThrowAsync<SnapshotMismatchException>();
        File.ReadAllText(_folder.File(Path.Combine("Orders", "OrderTests.Reads.received.txt"))).Should().Be($"read {{ProjectDirectory}}{Path.DirectorySeparatorChar}faq.md\n");
    }

    [Fact]
    public void A_source_path_mapped_by_a_deterministic_build_is_found_under_the_folders_above_the_output()
    {
        _folder.Write(Path.Combine("tests", "Shop.Tests", "Orders", "OrderTests.cs"), "// test source");
        string output = Path.Combine(_folder.Path, "tests", "Shop.Tests", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(output);

        string directory = SnapshotPaths.SourceDirectory("/_/tests/Shop.Tests/Orders/OrderTests.cs", new[] { output });

        directory.Should().Be(_folder.File(Path.Combine("tests", "Shop.Tests", "Orders")));
    }

    [Fact]
    public void A_source_file_that_cannot_be_found_is_a_configuration_error_that_names_it()
    {
        Action find = () => SnapshotPaths.SourceDirectory("/_/nowhere/Missing" + Guid.NewGuid().ToString("n") + ".cs", new[] { _folder.Path });

        find.Should().Throw<EvalConfigurationException>().WithMessage("*cannot find the source file /_/nowhere/Missing*DeterministicSourcePaths*");
    }

    [Theory]
    [InlineData(null, null, SnapshotMode.Verify)]
    [InlineData("accept", null, SnapshotMode.Accept)]
    [InlineData("accept", "verify", SnapshotMode.Verify)]
    [InlineData(null, " Accept ", SnapshotMode.Accept)]
    public void Outside_a_run_the_mode_comes_from_the_environment_over_evalspec_json(string? inJson, string? inEnvironment, SnapshotMode expected)
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        if (inJson is not null)
        {
            _folder.Write("evalspec.json", $"{{ \"Snapshots\": \"{inJson}\" }}");
        }

        var environment = new System.Collections.Hashtable();
        if (inEnvironment is not null)
        {
            environment["EVALSPEC_SNAPSHOTS"] = inEnvironment;
        }

        SnapshotStore store = Snapshot.StoreOutsideRun(sourceFile, new SnapshotSettings { ProjectDirectory = _folder.Path }, Settings(environment));

        store.Mode.Should().Be(expected);
        store.BuildServerVariable.Should().BeNull();
    }

    [Fact]
    public void Outside_a_run_an_option_set_in_code_wins_over_the_environment()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        var environment = new System.Collections.Hashtable { ["EVALSPEC_SNAPSHOTS"] = "accept", ["CI"] = "true" };

        SnapshotStore store = Snapshot.StoreOutsideRun(
            sourceFile,
            new SnapshotSettings { ProjectDirectory = _folder.Path },
            Settings(environment) with { Options = new System.Collections.Generic.Dictionary<string, string?> { ["Snapshots"] = "verify" } });

        store.Mode.Should().Be(SnapshotMode.Verify);
        store.BuildServerVariable.Should().Be("CI", "the build server is read from the same environment");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("accept,verify")]
    public void An_unknown_EVALSPEC_SNAPSHOTS_value_is_a_configuration_error(string value)
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");

        Action resolve = () => Snapshot.StoreOutsideRun(
            sourceFile, new SnapshotSettings { ProjectDirectory = _folder.Path }, Settings(new System.Collections.Hashtable { ["EVALSPEC_SNAPSHOTS"] = value }));

        resolve.Should().Throw<EvalConfigurationException>().WithMessage("*EVALSPEC_SNAPSHOTS*" + value + "*Verify, Accept*");
    }

    [Fact]
    public async Task In_a_runs_flow_the_runs_store_decides_and_the_environment_is_not_read()
    {
        string sourceFile = _folder.File("OrderTests.cs");
        File.WriteAllText(sourceFile, "// test source");
        var accepting = new SnapshotStore(SnapshotMode.Accept, buildServerVariable: null);

        using (EvalSpec.Execution.EvalFlow.Enter(new EvalSpec.Execution.EvalFlow(null, null, accepting)))
        {
            await Snapshot.VerifyAsync("total: 42", new SnapshotSettings { ProjectDirectory = _folder.Path }, sourceFile: sourceFile, member: "Totals");
        }

        _folder.Read("OrderTests.Totals.verified.txt").Should().Be("total: 42\n");
    }

    private EvalSpec.Execution.EvalRunSettings Settings(System.Collections.IDictionary environment) =>
        new(typeof(ImperativeSnapshotTests).Assembly) { Environment = environment, OutputDirectory = _folder.Path };

    /// <summary>
    /// The public entry point end to end, against a committed verified file beside this source file (on CI too, where
    /// a deterministic build maps this file's path to /_/...).
    /// </summary>
    [Fact]
    public async Task Verify_compares_with_the_committed_snapshot_beside_this_test()
    {
        var refund = new
        {
            OrderId = Guid.NewGuid(),
            Product = "laptop",
            Window = "30 days",
            ProcessedAt = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Log = "checked the policy in 12 ms (tokens: 87)",
        };

        await Snapshot.VerifyAsync(refund);
    }
}
