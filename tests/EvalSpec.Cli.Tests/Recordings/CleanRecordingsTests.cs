using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Recording;
using FluentAssertions;
using Xunit;

using static EvalSpec.Cli.Tests.Recordings.RecordingFixtures;

namespace EvalSpec.Cli.Tests.Recordings;

/// <summary>
/// <c>evalspec clean --recordings</c>: lists the recorded entries of rows no inventory names, removes them with
/// <c>--apply</c>, and changes nothing when the inventories may be stale.
/// </summary>
public sealed class CleanRecordingsTests : IDisposable
{
    private const string Suite = "Shop.RefundEvals";
    private const string Laptop = Suite + ".RefundWindow/laptop/formal/identity";
    private const string Tablet = Suite + ".RefundWindow/tablet/formal/identity";
    private readonly TemporaryFolder _project = new();

    public CleanRecordingsTests()
    {
        Directory.CreateDirectory(RecordingsFolder);
        WriteRecordings(Suite, Entry(Laptop + "/source/0"), Entry(Laptop + "/judge/0"), Entry(Tablet + "/source/0"), Entry(Tablet + "/judge/0"));
        WriteRecordings("_shared", Entry("no-row"));
    }

    private string RecordingsFolder => _project.Combine("recordings");

    private string SuiteFile => Path.Combine(RecordingsFolder, Suite + ".recordings.json");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Lists_the_entries_of_rows_that_no_longer_exist_and_changes_nothing()
    {
        WriteInventory(Laptop);
        byte[] before = File.ReadAllBytes(SuiteFile);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--project", _project.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Shop.RefundEvals.recordings.json: 2 entries of rows that no longer exist")
            .And.Contain("  " + Tablet + " (2)")
            .And.Contain("Would remove 2 entries of 1 row(s)")
            .And.Contain("ShopTests (net10.0")
            .And.Contain("Run again with --apply")
            .And.NotContain(Laptop);
        File.ReadAllBytes(SuiteFile).Should().Equal(before);
    }

    [Fact]
    public async Task Apply_removes_them_and_keeps_everything_else()
    {
        WriteInventory(Laptop);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Removed 2 entries of 1 row(s)");
        Contexts(SuiteFile).Should().Equal(Laptop + "/judge/0", Laptop + "/source/0");
        Contexts(Path.Combine(RecordingsFolder, "_shared.recordings.json")).Should().Equal("no-row");
    }

    [Fact]
    public async Task The_file_of_an_eval_class_its_test_assembly_no_longer_has_is_listed_and_deleted_with_apply()
    {
        // The file names the test assembly that records into it (a run of ShopTests wrote it), whose list no longer has the class.
        File.WriteAllBytes(
            Path.Combine(RecordingsFolder, "Shop.OldEvals.recordings.json"),
            RecordingFile.Serialize("Shop.OldEvals", [Entry("Shop.OldEvals.Old/a/b/identity/source/0")], assembly: "ShopTests"));
        WriteInventory(Laptop, Tablet);

        CliResult list = await Cli.RunAsync("clean", "--recordings", "--project", _project.Path);
        list.Output.Should().Contain("Shop.OldEvals.recordings.json: 1 entry of rows that no longer exist (no test assembly has the eval class Shop.OldEvals any more)");

        CliResult apply = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);
        apply.ExitCode.Should().Be(0, apply.ToString());
        File.Exists(Path.Combine(RecordingsFolder, "Shop.OldEvals.recordings.json")).Should().BeFalse();
        Contexts(SuiteFile).Should().HaveCount(4);
    }

    [Fact]
    public async Task The_file_of_an_unknown_owner_is_listed_and_kept()
    {
        // Names no test assembly, and no list names its class: another project sharing the folder may own it.
        WriteRecordings("Shop.OldEvals", Entry("Shop.OldEvals.Old/a/b/identity/source/0"));
        string oldFile = Path.Combine(RecordingsFolder, "Shop.OldEvals.recordings.json");
        WriteInventory(Laptop);
        byte[] before = File.ReadAllBytes(oldFile);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Shop.OldEvals.recordings.json: 1 entry of rows no list names: unknown owner, kept")
            .And.Contain("Kept 1 entry of rows no list names in files of an unknown owner");
        File.ReadAllBytes(oldFile).Should().Equal(before);
        Contexts(SuiteFile).Should().Equal(Laptop + "/judge/0", Laptop + "/source/0");
    }

    [Fact]
    public async Task A_row_another_test_assembly_lists_is_kept()
    {
        WriteInventory(Laptop);
        WriteInventoryOf("OtherTests", Tablet);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        Contexts(SuiteFile).Should().HaveCount(4);
    }

    [Fact]
    public async Task Without_an_inventory_it_says_to_run_the_tests_first()
    {
        byte[] before = File.ReadAllBytes(SuiteFile);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("No list of the rows that exist").And.Contain("Run the tests once").And.Contain("Nothing was changed");
        File.ReadAllBytes(SuiteFile).Should().Equal(before);
    }

    [Fact]
    public async Task A_recordings_file_changed_after_the_inventory_was_written_makes_it_refuse()
    {
        WriteInventory(Laptop);
        File.SetLastWriteTimeUtc(SuiteFile, DateTime.UtcNow.AddMinutes(5));
        byte[] before = File.ReadAllBytes(SuiteFile);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("Shop.RefundEvals.recordings.json changed after the rows were last listed").And.Contain("Nothing was changed");
        File.ReadAllBytes(SuiteFile).Should().Equal(before);
    }

    [Fact]
    public async Task A_test_assembly_rebuilt_after_its_inventory_makes_it_refuse()
    {
        string assembly = _project.Combine("bin", "ShopTests.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        File.WriteAllText(assembly, "not really an assembly");
        WriteInventoryOf("ShopTests", assembly, DateTimeOffset.UtcNow.AddMinutes(-5), Laptop);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(assembly + " was built after its rows were last listed");
        Contexts(SuiteFile).Should().HaveCount(4);
    }

    [Fact]
    public async Task A_run_recording_into_the_folder_makes_it_wait()
    {
        WriteInventory(Laptop);
        string journal = Path.Combine(RecordingJournal.EnsureFolder(RecordingsFolder), "journal-0123456789abcdef.jsonl");
        File.WriteAllText(journal, string.Empty);
        using (new FileStream(journal, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--project", _project.Path);

            result.ExitCode.Should().Be(1);
            result.Error.Should().Contain("A test run is recording into").And.Contain("journal-0123456789abcdef.jsonl");
        }

        Contexts(SuiteFile).Should().HaveCount(4);
    }

    [Fact]
    public async Task Apply_without_recordings_is_a_usage_error()
    {
        CliResult result = await Cli.RunAsync("clean", "--apply", "--project", _project.Path);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--recordings");
    }

    private void WriteInventory(params string[] rows) => WriteInventoryOf("ShopTests", rows);

    private void WriteInventoryOf(string assembly, params string[] rows) =>
        WriteInventoryOf(assembly, "/nowhere/" + assembly + ".dll", DateTimeOffset.UtcNow, rows);

    private void WriteInventoryOf(string assembly, string path, DateTimeOffset writtenAt, params string[] rows)
    {
        // The recordings were written before the run listed its rows (a run writes its inventory last).
        foreach (string file in Directory.GetFiles(RecordingsFolder, "*.recordings.json"))
        {
            File.SetLastWriteTimeUtc(file, writtenAt.UtcDateTime.AddMinutes(-1));
        }

        new RecordingInventory(assembly, "net10.0", path, writtenAt, new HashSet<string> { Suite }, rows.ToHashSet()).Write(RecordingsFolder);
    }

    private void WriteRecordings(string suite, params RecordingEntry[] entries) =>
        File.WriteAllBytes(Path.Combine(RecordingsFolder, suite + ".recordings.json"), RecordingFile.Serialize(suite, entries));
}
