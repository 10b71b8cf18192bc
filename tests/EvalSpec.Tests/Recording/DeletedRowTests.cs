using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Recordings of rows that no longer exist (a deleted case): a full Record run removes them; a filtered, sampled or Auto
/// run keeps them; rows another test assembly recording into the folder lists are kept.
/// </summary>
public sealed class DeletedRowTests : RecordingTestBed
{
    private const string Laptop = Suite + ".RefundWindow/laptop/formal/identity";
    private const string Tablet = Suite + ".RefundWindow/tablet/formal/identity";
    private const string OtherSuite = "Shop.OldEvals";

    [Fact]
    public async Task A_full_record_run_removes_the_entries_of_a_deleted_case()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        await RecordBothAsync(client);

        RecordingSession full = Start(RecordingMode.Record);
        await CallAsync(client, Laptop, "Refund window for laptops?");
        full.RowEnded(new RowRunReport(Laptop, Laptop, true, true, true));
        full.Complete(Rows(full: true, Laptop));

        Contexts(SuiteFile).Should().Equal(Laptop + "/source/0");
        full.Statistics.Removed.Should().Be(1);
    }

    [Fact]
    public async Task A_run_that_is_not_full_keeps_them_and_lists_the_rows_for_the_cleanup()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        await RecordBothAsync(client);

        RecordingSession filtered = Start(RecordingMode.Record);
        await CallAsync(client, Laptop, "Refund window for laptops?");
        filtered.RowEnded(new RowRunReport(Laptop, Laptop, true, true, true));
        filtered.Complete(Rows(full: false, Laptop));

        Contexts(SuiteFile).Should().Equal(Laptop + "/source/0", Tablet + "/source/0");
        RecordingInventory inventory = RecordingInventory.ReadAll(Directory).Should().ContainSingle().Subject;
        inventory.Rows.Should().BeEquivalentTo(new[] { Laptop });
        inventory.Suites.Should().BeEquivalentTo(new[] { Suite });
    }

    [Fact]
    public async Task Auto_mode_never_removes_entries_even_in_a_full_run()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        await RecordBothAsync(client);

        RecordingSession auto = Start(RecordingMode.Auto);
        await CallAsync(client, Laptop, "Refund window for laptops?");
        auto.Complete(Rows(full: true, Laptop));

        Contexts(SuiteFile).Should().HaveCount(2);
    }

    [Fact]
    public async Task Rows_that_another_test_assembly_recording_into_the_folder_lists_are_kept()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        await RecordBothAsync(client);
        new RecordingInventory("OtherTests", "net10.0", "/nowhere/OtherTests.dll", DateTimeOffset.UtcNow, new HashSet<string> { Suite }, new HashSet<string> { Tablet }).Write(Directory);

        RecordingSession full = Start(RecordingMode.Record);
        await CallAsync(client, Laptop, "Refund window for laptops?");
        full.Complete(Rows(full: true, Laptop));

        Contexts(SuiteFile).Should().Contain(Tablet + "/source/0");
    }

    [Fact]
    public async Task The_file_of_a_deleted_eval_class_is_removed_from_the_projects_own_folder_but_not_from_a_shared_one()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        string oldFile = Path.Combine(Directory, OtherSuite + ".recordings.json");
        await RecordBothAsync(client);
        Start(RecordingMode.Record);
        using (EvalCallContext.Enter(new EvalCallContext(OtherSuite, OtherSuite + ".Old/a/b/identity", 0, EvalCallContext.SourcePhase)))
        {
            await client.GetResponseAsync("A question of a deleted class");
        }

        await client.GetResponseAsync("A call outside rows");
        CurrentSession.Complete();

        RecordingSession shared = RecordingSession.Start(RecordingMode.Record, Directory, ownsFolder: false);
        shared.Complete(Rows(full: true, Laptop, Tablet));
        File.Exists(oldFile).Should().BeTrue("a shared folder may hold another project's recordings");

        RecordingSession own = RecordingSession.Start(RecordingMode.Record, Directory, ownsFolder: true);
        own.Complete(Rows(full: true, Laptop, Tablet));
        File.Exists(oldFile).Should().BeFalse();
        own.Statistics.Removed.Should().Be(1);
        File.Exists(Path.Combine(Directory, "_shared.recordings.json")).Should().BeTrue("calls outside rows are never removed");
    }

    [Fact]
    public async Task A_full_record_run_with_too_many_failed_calls_removes_nothing_of_deleted_rows_either()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        await RecordBothAsync(client);

        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession full = Start(RecordingMode.Record);
        Func<Task> failing = () => CallAsync(RecordedClient(down), Laptop, "Refund window for laptops?");
        await failing.Should().ThrowAsync<Exception>();
        full.Complete(Rows(full: true, Laptop));

        Contexts(SuiteFile).Should().HaveCount(2);
        full.Statistics.NothingRemoved.Should().NotBeNull();
    }

    private async Task RecordBothAsync(IChatClient client)
    {
        RecordingSession session = Start(RecordingMode.Record);
        await CallAsync(client, Laptop, "Refund window for laptops?");
        await CallAsync(client, Tablet, "Refund window for tablets?");
        session.Complete();
    }

    private static RecordingRowSet Rows(bool full, params string[] rows) =>
        new("ShopTests", "net10.0", "/nowhere/ShopTests.dll", new HashSet<string> { Suite }, rows.ToHashSet(), full);

    private static async Task CallAsync(IChatClient client, string rowId, string prompt)
    {
        using (EvalCallContext.Enter(new EvalCallContext(Suite, rowId, 0, EvalCallContext.SourcePhase)))
        {
            await client.GetResponseAsync(prompt);
        }
    }

    private static string[] Contexts(string file) => EntriesOf(file).Select(e => e.GetProperty("context").GetString()!).ToArray();
}
