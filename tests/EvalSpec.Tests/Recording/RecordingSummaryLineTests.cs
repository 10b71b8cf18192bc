using EvalSpec.Recording;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>The run summary's line on model calls says what a run did to the recordings, and why it removed nothing.</summary>
public sealed class RecordingSummaryLineTests
{
    [Fact]
    public void A_record_run_shows_failed_calls_and_the_added_replaced_and_removed_entries()
    {
        var statistics = new RecordingStatistics(RecordingMode.Record, "/p/recordings", 0, 15, 0, 0, 1, 1) { Failed = 6, Added = 2, Replaced = 5 };

        RunSummaryWriter.DescribeRecording(statistics).Should().Be(
            "\n  Model calls (record): 0 replayed, 15 recorded, 0 live, 0 missing from the recordings in /p/recordings, 6 failed; entries 2 added, 5 replaced, 1 removed");
    }

    [Fact]
    public void A_record_run_that_removed_nothing_because_calls_failed_says_so()
    {
        var statistics = new RecordingStatistics(RecordingMode.Record, "/p/recordings", 0, 15, 0, 0, 0, 0) { Failed = 6, NothingRemoved = "nothing was removed from the recordings: 6 of the 21 model calls failed" };

        RunSummaryWriter.DescribeRecording(statistics).Should().EndWith("\n  Recordings: nothing was removed from the recordings: 6 of the 21 model calls failed");
    }

    [Fact]
    public void An_auto_run_shows_unusable_answers_and_answers_recovered_from_a_journal()
    {
        var statistics = new RecordingStatistics(RecordingMode.Auto, "/p/recordings", 3, 1, 0, 0, 0, 1) { Unusable = 2, Added = 1, Recovered = 4 };

        RunSummaryWriter.DescribeRecording(statistics).Should().Contain(", 2 unusable (auto mode calls them again); entries 1 added, 0 replaced, 0 removed; 4 answer(s) of an interrupted run recovered from its journal");
    }

    [Fact]
    public void A_replay_run_that_changed_nothing_shows_only_its_calls()
    {
        var statistics = new RecordingStatistics(RecordingMode.Replay, "/p/recordings", 21, 0, 0, 0, 0, 0);

        RunSummaryWriter.DescribeRecording(statistics).Should().Be("\n  Model calls (replay): 21 replayed, 0 recorded, 0 live, 0 missing from the recordings in /p/recordings");
    }
}
