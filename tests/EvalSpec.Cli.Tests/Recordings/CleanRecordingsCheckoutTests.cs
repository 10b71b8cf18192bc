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
/// <c>evalspec clean --recordings --apply</c> after <c>git checkout</c> of a branch
/// whose code has a case the last run's list does not (the run was on a branch that deleted it). The recordings file is
/// the same on both branches, so the checkout leaves it untouched; the test assembly has not been rebuilt since. Neither
/// staleness check fires (assembly newer than the list, recordings file newer than the list), so the recordings of a
/// case that exists in the checked-out code are deleted. The README says clean changes nothing "when an owner's list
/// may be older than the code".
/// </summary>
public sealed class CleanRecordingsCheckoutTests : IDisposable
{
    private const string Suite = "Shop.RefundEvals";
    private const string Laptop = Suite + ".RefundWindow/laptop/formal/identity";
    private const string Phone = Suite + ".RefundWindow/phone/formal/identity";
    private readonly TemporaryFolder _project = new();

    public CleanRecordingsCheckoutTests() => Directory.CreateDirectory(RecordingsFolder);

    public void Dispose() => _project.Dispose();

    private string RecordingsFolder => _project.Combine("recordings");

    private string RecordingsFile => Path.Combine(RecordingsFolder, Suite + ".recordings.json");

    [Fact]
    public async Task Apply_keeps_recordings_of_a_case_restored_by_a_checkout_after_the_rows_were_listed()
    {
        // Committed a week ago on main: recordings of both cases.
        File.WriteAllBytes(RecordingsFile, RecordingFile.Serialize(Suite, new[] { Entry(Laptop + "/source/0"), Entry(Phone + "/source/0"), Entry(Phone + "/judge/0") }));
        File.SetLastWriteTimeUtc(RecordingsFile, DateTime.UtcNow.AddDays(-7));

        // 30 minutes ago, on a branch that deletes the phone case: built, then run (the list names laptop only).
        string assembly = _project.Combine("bin", "ShopTests.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        File.WriteAllText(assembly, "built");
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddMinutes(-31));
        new RecordingInventory("ShopTests", "net10.0", assembly, DateTimeOffset.UtcNow.AddMinutes(-30), new HashSet<string> { Suite }, new HashSet<string> { Laptop }).Write(RecordingsFolder);

        // Now: `git checkout main` brings the phone case's code back (the source file changes; the recordings file does not).
        string source = _project.Combine("RefundEvals.cs");
        File.WriteAllText(source, "// the RefundWindow cases: laptop, phone");
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow);

        CliResult result = await Cli.RunAsync("clean", "--recordings", "--apply", "--recordings-dir", RecordingsFolder);

        Contexts(RecordingsFile).Should().Contain(Phone + "/source/0", "the phone case exists in the checked-out code; the list predates the checkout: " + result);
    }
}
