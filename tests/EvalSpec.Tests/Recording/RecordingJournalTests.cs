using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// The journal of a run: each answer is appended before its call returns, the recordings file is written once at the end,
/// and a journal left by a run that stopped (killed between an append and the end) is written into the files by the next
/// run; a torn last line is left out, damage in the middle is an error naming the journal.
/// </summary>
public sealed class RecordingJournalTests : RecordingTestBed
{
    [Fact]
    public async Task A_journal_left_by_a_run_that_stopped_before_its_end_is_written_into_the_file_by_the_next_run()
    {
        FakeOpenAIServer server = await StartServerAsync();
        await RecordAsync(server, "Refund window for laptops?");
        byte[] before = File.ReadAllBytes(SuiteFile);
        string journal = LeaveJournal(
            Line("laptop/formal", "Refund window for laptops?", "30 days"),
            Line("phone/formal", "Refund window for phones?", "14 days"));

        await server.DisposeAsync();
        RecordingSession replay = Start(RecordingMode.Replay);
        using (Row("phone/formal"))
        {
            (await RecordedClient(server).GetResponseAsync("Refund window for phones?")).Text.Should().Be("14 days", "the stopped run's answer is replayed");
        }

        replay.Complete();
        File.Exists(journal).Should().BeFalse("a compacted journal is deleted");
        File.ReadAllBytes(SuiteFile).Should().NotEqual(before);
        EntriesOf(SuiteFile).Should().HaveCount(2);
        replay.Statistics.Recovered.Should().Be(2);
    }

    [Fact]
    public async Task A_torn_last_line_is_left_out_and_the_lines_before_it_are_recovered()
    {
        string whole = Line("laptop/formal", "Refund window for laptops?", "30 days");
        string torn = Line("phone/formal", "Refund window for phones?", "14 days");
        LeaveTornJournal([whole], torn[..(torn.Length / 2)]);

        RecordingSession session = Start(RecordingMode.Auto);
        FakeOpenAIServer server = await StartServerAsync();
        using (Row("laptop/formal"))
        {
            (await RecordedClient(server).GetResponseAsync("Refund window for laptops?")).Text.Should().Be("30 days");
        }

        session.Complete();
        EntriesOf(SuiteFile).Should().ContainSingle();
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_damaged_line_followed_by_good_ones_is_an_error_naming_the_journal_and_the_line_and_nothing_is_lost()
    {
        string journal = LeaveJournal(
            Line("laptop/formal", "Refund window for laptops?", "30 days"),
            "{\"suite\":\"Shop.RefundEvals\",\"entry\":{\"conte",
            Line("phone/formal", "Refund window for phones?", "14 days"));
        FakeOpenAIServer server = await StartServerAsync();
        Start(RecordingMode.Auto);

        Func<Task> call = async () =>
        {
            using (Row("laptop/formal"))
            {
                await RecordedClient(server).GetResponseAsync("Refund window for laptops?");
            }
        };

        (await call.Should().ThrowAsync<EvalConfigurationException>()).Which.Message.Should().Contain(journal).And.Contain("line 2");
        File.Exists(journal).Should().BeTrue("a journal that cannot be read is never deleted");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_journal_another_run_is_still_writing_is_left_alone()
    {
        string journal = LeaveJournal(Line("laptop/formal", "Refund window for laptops?", "30 days"));
        using (new FileStream(journal, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            RecordingSession session = Start(RecordingMode.Auto);
            FakeOpenAIServer server = await StartServerAsync();
            using (Row("phone/formal"))
            {
                await RecordedClient(server).GetResponseAsync("Refund window for phones?");
            }

            session.Complete();
        }

        File.Exists(journal).Should().BeTrue();
        EntriesOf(SuiteFile).Should().ContainSingle().Which.GetProperty("context").GetString().Should().Contain("phone");
    }

    [Fact]
    public async Task Compacting_a_journal_again_after_a_crash_between_the_write_and_its_deletion_changes_nothing()
    {
        string line = Line("laptop/formal", "Refund window for laptops?", "30 days");
        LeaveJournal(line);
        RecordingJournal.RecoverOrphans(Directory).Recovered.Should().Be(1);
        byte[] compacted = File.ReadAllBytes(SuiteFile);

        LeaveJournal(line);
        RecordingJournal.RecoverOrphans(Directory).Recovered.Should().Be(1);

        File.ReadAllBytes(SuiteFile).Should().Equal(compacted);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_file_is_written_once_at_the_end_and_a_failed_write_keeps_the_journal_for_the_next_run()
    {
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession session = Start(RecordingMode.Record);
        using (Row("laptop/formal"))
        {
            await RecordedClient(server).GetResponseAsync("Refund window for laptops?");
        }

        // A directory in the file's place: the one write of the run fails, and says where the answers are.
        System.IO.Directory.CreateDirectory(SuiteFile);
        Action complete = session.Complete;
        complete.Should().Throw<IOException>().Which.Message.Should().Contain("journal-").And.Contain("the next run writes them");
        JournalLines().Should().ContainSingle();

        System.IO.Directory.Delete(SuiteFile);
        RecordingSession next = Start(RecordingMode.Replay);
        using (Row("laptop/formal"))
        {
            (await RecordedClient(server).GetResponseAsync("Refund window for laptops?")).Text.Should().Be("answer to Refund window for laptops?");
        }

        next.Complete();
        JournalLines().Should().BeEmpty();
    }

    [Fact]
    public async Task Git_never_sees_the_journal_folder()
    {
        FakeOpenAIServer server = await StartServerAsync();
        RecordingSession session = Start(RecordingMode.Auto);
        using (Row("laptop/formal"))
        {
            await RecordedClient(server).GetResponseAsync("Refund window for laptops?");
        }

        Git("init", "--quiet");
        Git("status", "--porcelain", "--untracked-files=all").Should().NotContain(".evalspec", "the journal of a run in progress is ignored");
        session.Complete();
        Git("status", "--porcelain", "--untracked-files=all").Should().Be("?? Shop.RefundEvals.recordings.json\n");
    }

    private async Task RecordAsync(FakeOpenAIServer server, string prompt)
    {
        RecordingSession session = Start(RecordingMode.Record);
        using (Row("laptop/formal"))
        {
            await RecordedClient(server).GetResponseAsync(prompt);
        }

        session.Complete();
    }

    /// <summary>The journal line the real client would append for <paramref name="prompt"/> answered with <paramref name="answer"/>.</summary>
    private static string Line(string row, string prompt, string answer)
    {
        var call = new RecordingCall(
            new EvalSpec.Execution.EvalCallContext(Suite, Suite + ".RefundWindow/" + row, 0, "source"),
            "sut",
            RequestFingerprint.ChatKind,
            RequestFingerprint.Chat("sut", "gpt-test", [new ChatMessage(ChatRole.User, prompt)], null),
            () => RequestFingerprint.ChatSummary("gpt-test", [new ChatMessage(ChatRole.User, prompt)], null));
        var entry = new RecordingEntry(
            call.Context,
            call.Client,
            call.Kind,
            call.Hash,
            0,
            System.Text.Json.JsonSerializer.SerializeToElement(call.Summary),
            RecordedResponses.FromChatResponse(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)), "sut"));
        return Encoding.UTF8.GetString(RecordingFile.JournalLine(Suite, entry)).TrimEnd('\n');
    }

    /// <summary>A journal as a killed run leaves it: each line ending in a line feed.</summary>
    private string LeaveJournal(params string[] lines) => WriteJournal(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>A journal whose last line was cut short by the kill (no line feed).</summary>
    private string LeaveTornJournal(string[] whole, string torn) => WriteJournal(string.Concat(whole.Select(l => l + "\n")) + torn);

    private string WriteJournal(string text)
    {
        string folder = RecordingJournal.EnsureFolder(Directory);
        string journal = Path.Combine(folder, "journal-" + Guid.NewGuid().ToString("n")[..16] + ".jsonl");
        File.WriteAllText(journal, text);
        return journal;
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.Should().Be(0, git.StandardError.ReadToEnd());
        return output;
    }
}
