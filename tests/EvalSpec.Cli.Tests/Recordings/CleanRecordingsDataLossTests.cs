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
/// Review findings (EXPECTED TO FAIL until fixed): <c>evalspec clean --recordings --apply</c> deletes curated recordings of
/// rows that exist, in a recordings folder shared by two test projects (<c>RecordingsDirectory</c>, which the README says
/// clean is for). The inventories are git-ignored, so after a clone (or when one project ran more recently than the other)
/// a row is "gone" merely because its project has not listed it lately.
/// </summary>
public sealed class CleanRecordingsDataLossTests : IDisposable
{
    private const string ShopSuite = "Shop.RefundEvals";
    private const string WarrantySuite = "Warranty.ClaimEvals";
    private const string Laptop = ShopSuite + ".RefundWindow/laptop/formal/identity";
    private const string Claim = WarrantySuite + ".Claim/screen/formal/identity";
    private const string NewClaim = WarrantySuite + ".Claim/battery/formal/identity";
    private readonly TemporaryFolder _project = new();

    public CleanRecordingsDataLossTests() => Directory.CreateDirectory(RecordingsFolder);

    public void Dispose() => _project.Dispose();

    private string RecordingsFolder => _project.Combine("recordings");

    private string WarrantyFile => Path.Combine(RecordingsFolder, WarrantySuite + ".recordings.json");

    [Fact]
    public async Task Apply_keeps_the_recordings_of_a_test_project_that_has_not_listed_its_rows_in_this_clone()
    {
        // A fresh clone: both projects' recordings are committed; only the shop project has run since.
        WriteRecordings(ShopSuite, Entry(Laptop + "/source/0"));
        WriteRecordings(WarrantySuite, Entry(Claim + "/source/0"), Entry(Claim + "/judge/0"));
        SetAllRecordingsWritten(DateTime.UtcNow.AddMinutes(-10));
        WriteInventory("ShopTests", ShopSuite, DateTimeOffset.UtcNow, Laptop);
        byte[] before = File.ReadAllBytes(WarrantyFile);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--recordings-dir", RecordingsFolder);

        File.Exists(WarrantyFile).Should().BeTrue("the warranty project exists, it just has not run in this clone: " + result);
        File.ReadAllBytes(WarrantyFile).Should().Equal(before);
    }

    [Fact]
    public async Task Apply_keeps_entries_pulled_after_their_projects_rows_were_last_listed()
    {
        // Monday: the warranty project ran and listed its rows (screen only).
        WriteInventory("WarrantyTests", WarrantySuite, DateTimeOffset.UtcNow.AddDays(-1), Claim);

        // Tuesday 9:00: a pull brings a teammate's new case (battery) with its recordings.
        WriteRecordings(ShopSuite, Entry(Laptop + "/source/0"));
        WriteRecordings(WarrantySuite, Entry(Claim + "/source/0"), Entry(NewClaim + "/source/0"), Entry(NewClaim + "/judge/0"));
        SetAllRecordingsWritten(DateTime.UtcNow.AddMinutes(-60));

        // Tuesday 10:00: only the shop project is run.
        WriteInventory("ShopTests", ShopSuite, DateTimeOffset.UtcNow, Laptop);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--recordings-dir", RecordingsFolder);

        Contexts(WarrantyFile).Should().Contain(NewClaim + "/source/0", "the battery case exists; its project's list is older than the pull: " + result);
    }

    private void SetAllRecordingsWritten(DateTime at)
    {
        foreach (string file in Directory.GetFiles(RecordingsFolder, "*.recordings.json"))
        {
            File.SetLastWriteTimeUtc(file, at);
        }
    }

    private void WriteInventory(string assembly, string suite, DateTimeOffset writtenAt, params string[] rows) =>
        new RecordingInventory(assembly, "net10.0", "/nowhere/" + assembly + ".dll", writtenAt, new HashSet<string> { suite }, rows.ToHashSet()).Write(RecordingsFolder);

    private void WriteRecordings(string suite, params RecordingEntry[] entries) =>
        File.WriteAllBytes(Path.Combine(RecordingsFolder, suite + ".recordings.json"), RecordingFile.Serialize(suite, entries));
}
