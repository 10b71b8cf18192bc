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
/// A Record run replaces the entries of every row it ran, in all its phases and trials, and keeps everything else: rows
/// that did not run (a filtered run) and calls outside rows.
/// </summary>
public sealed class RecordPruningTests : RecordingTestBed
{
    private const string Identity = "laptop/formal/identity";
    private const string Typos = "laptop/formal/typos";

    [Fact]
    public async Task Recording_after_the_trials_were_lowered_removes_the_trials_that_no_longer_run()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Record);
        for (int trial = 0; trial < 3; trial++)
        {
            await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?", trial);
            await CallAsync(client, Identity, EvalCallContext.JudgePhase, "Rate the answer", trial);
        }

        CurrentSession.Complete();

        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        await CallAsync(client, Identity, EvalCallContext.JudgePhase, "Rate the answer");
        rerecord.RowEnded(new RowRunReport(RowId(Identity), RowId(Identity), true, true, true));
        rerecord.Complete();

        Contexts().Should().Equal(RowId(Identity) + "/judge/0", RowId(Identity) + "/source/0");
        rerecord.Statistics.Removed.Should().Be(4);
    }

    [Fact]
    public async Task Recording_a_relation_row_after_its_only_judge_was_removed_removes_the_judges_calls()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Record);
        await CallAsync(client, Typos, EvalCallContext.FollowUpPhase, "Refund windw for laptp?");
        await CallAsync(client, Typos, EvalCallContext.JudgePhase, "Do the two answers agree?");
        CurrentSession.Complete();

        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(client, Typos, EvalCallContext.FollowUpPhase, "Refund windw for laptp?");
        rerecord.RowEnded(new RowRunReport(RowId(Typos), null, true, true, true));
        rerecord.Complete();

        Contexts().Should().Equal(RowId(Typos) + "/follow-up/0");
    }

    [Fact]
    public async Task An_identity_row_the_runner_says_ran_loses_the_calls_of_a_removed_judge()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Record);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        await CallAsync(client, Identity, EvalCallContext.JudgePhase, "Rate the answer");
        CurrentSession.Complete();

        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        rerecord.RowEnded(new RowRunReport(RowId(Identity), RowId(Identity), true, true, true));
        rerecord.Complete();

        Contexts().Should().Equal(RowId(Identity) + "/source/0");
    }

    [Fact]
    public async Task A_record_run_of_a_relation_row_alone_keeps_the_judge_calls_of_the_identity_row_whose_source_it_ran()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Record);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        await CallAsync(client, Identity, EvalCallContext.JudgePhase, "Rate the answer");
        await CallAsync(client, Typos, EvalCallContext.FollowUpPhase, "Refund windw for laptp?");
        await CallAsync(client, Typos, EvalCallContext.JudgePhase, "Do the two answers agree?");
        CurrentSession.Complete();

        // A filtered run of the typos row: it runs the case's source run (filed under the identity row), not the identity row.
        RecordingSession filtered = Start(RecordingMode.Record);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        await CallAsync(client, Typos, EvalCallContext.FollowUpPhase, "Refund windw for laptp?");
        await CallAsync(client, Typos, EvalCallContext.JudgePhase, "Do the two answers agree?");
        filtered.RowEnded(new RowRunReport(RowId(Typos), RowId(Identity), true, true, true));
        filtered.Complete();

        Contexts().Should().Equal(
            RowId(Identity) + "/judge/0",
            RowId(Identity) + "/source/0",
            RowId(Typos) + "/follow-up/0",
            RowId(Typos) + "/judge/0");
        filtered.Statistics.Removed.Should().Be(0);
    }

    [Fact]
    public async Task A_record_run_keeps_the_calls_made_outside_rows()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Record);
        await client.GetResponseAsync("Warm up the cache");
        CurrentSession.Complete();

        RecordingSession rerecord = Start(RecordingMode.Record);
        await client.GetResponseAsync("Check the model is up");
        rerecord.Complete();

        EntriesOf(Path.Combine(Directory, "_shared.recordings.json")).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString())
            .Should().BeEquivalentTo("Warm up the cache", "Check the model is up");
    }

    [Fact]
    public async Task Auto_mode_ignores_rows_the_runner_says_ran()
    {
        IChatClient client = RecordedClient(await StartServerAsync());
        Start(RecordingMode.Auto);
        await CallAsync(client, Identity, EvalCallContext.JudgePhase, "Rate the answer");
        CurrentSession.Complete();

        RecordingSession auto = Start(RecordingMode.Auto);
        await CallAsync(client, Identity, EvalCallContext.SourcePhase, "Refund window for laptop?");
        auto.RowEnded(new RowRunReport(RowId(Identity), RowId(Identity), true, true, true));
        auto.Complete();

        Contexts().Should().Equal(RowId(Identity) + "/judge/0", RowId(Identity) + "/source/0");
    }

    private static string RowId(string row) => Suite + ".RefundWindow/" + row;

    private static async Task CallAsync(IChatClient client, string row, string phase, string prompt, int trial = 0)
    {
        using (Row(row, trial, phase))
        {
            await client.GetResponseAsync(prompt);
        }
    }

    private string[] Contexts() => EntriesOf(SuiteFile).Select(e => e.GetProperty("context").GetString()!).ToArray();
}
