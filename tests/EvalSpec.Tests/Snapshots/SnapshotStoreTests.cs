using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

public sealed class SnapshotStoreTests : IDisposable
{
    private static readonly SnapshotStore Verifying = new(SnapshotMode.Verify, buildServerVariable: null);
    private static readonly SnapshotStore Accepting = new(SnapshotMode.Accept, buildServerVariable: null);

    private readonly SnapshotFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_missing_verified_file_fails_writes_the_received_file_and_says_how_to_accept()
    {
        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("hello"));

        result.Outcome.Should().Be(SnapshotOutcome.Missing);
        result.Passed.Should().BeFalse();
        result.ReceivedFile.Should().Be(_folder.File("S.M.received.txt"));
        _folder.Read("S.M.received.txt").Should().Be("hello\n");
        _folder.Exists("S.M.verified.txt").Should().BeFalse();
        result.Message.Should().Contain("No verified snapshot " + _folder.File("S.M.verified.txt"))
            .And.Contain("EVALSPEC_SNAPSHOTS=accept dotnet test")
            .And.Contain("evalspec accept --filter S.M")
            .And.Contain("rename the .received. file to S.M.verified.txt");
    }

    [Fact]
    public async Task A_match_passes_and_deletes_a_stale_received_file()
    {
        _folder.Write("S.M.verified.txt", "hello\n");
        _folder.Write("S.M.received.txt", "an older failure\n");

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("hello"));

        result.Outcome.Should().Be(SnapshotOutcome.Matched);
        _folder.Names().Should().Equal("S.M.verified.txt");
    }

    [Fact]
    public async Task Accept_mode_finishes_an_acceptance_a_crash_interrupted_before_the_other_format_was_deleted()
    {
        // A run killed after writing the .txt verified file (the output turned into text) but before deleting the .json one.
        _folder.Write("S.M.verified.txt", "hello\n");
        _folder.Write("S.M.verified.json", "{ \"answer\": \"hello\" }\n");

        SnapshotResult verified = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("hello"));
        _folder.Names().Should().Equal(new[] { "S.M.verified.json", "S.M.verified.txt" }, "verify mode writes and deletes no verified file");

        SnapshotResult accepted = await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("hello"));

        (verified.Outcome, accepted.Outcome).Should().Be((SnapshotOutcome.Matched, SnapshotOutcome.Matched));
        _folder.Names().Should().Equal("S.M.verified.txt");
    }

    [Fact]
    public async Task Accepting_leaves_no_temporary_file_and_removes_one_a_killed_run_left()
    {
        _folder.Write("S.M.verified.txt", "old\n");
        _folder.Write(".S_M_verified_txt.0badf00d.evalspec.tmp", "half a sna");

        await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("new"));

        _folder.Names().Should().Equal("S.M.verified.txt");
        _folder.Read("S.M.verified.txt").Should().Be("new\n");
    }

    [Fact]
    public async Task A_mismatch_fails_with_a_numbered_diff_and_writes_the_received_file()
    {
        _folder.Write("S.M.verified.txt", "one\ntwo\nthree\nfour\n");

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("one\ntwo\nTHREE\nfour"));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        _folder.Read("S.M.received.txt").Should().Be("one\ntwo\nTHREE\nfour\n");
        _folder.Read("S.M.verified.txt").Should().Be("one\ntwo\nthree\nfour\n", "a mismatch never touches the verified file");
        result.Diff.Should().Contain("-     3        three").And.Contain("+           3  THREE").And.Contain("@@ -1,4 +1,4 @@");
        result.Message.Should().Contain("Snapshot mismatch: the content changed.").And.Contain(result.Diff);
    }

    [Fact]
    public async Task Accept_mode_writes_the_verified_file_and_removes_the_received_one()
    {
        _folder.Write("S.M.verified.txt", "old\n");
        _folder.Write("S.M.received.txt", "old failure\n");

        SnapshotResult result = await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("new"));

        result.Outcome.Should().Be(SnapshotOutcome.Accepted);
        result.Passed.Should().BeTrue();
        _folder.Read("S.M.verified.txt").Should().Be("new\n");
        _folder.Names().Should().Equal("S.M.verified.txt");
    }

    [Fact]
    public async Task Accept_mode_creates_a_missing_verified_file()
    {
        SnapshotResult result = await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("first"));

        result.Outcome.Should().Be(SnapshotOutcome.Accepted);
        result.Message.Should().StartWith("Created the verified snapshot");
        _folder.Read("S.M.verified.txt").Should().Be("first\n");
    }

    [Fact]
    public async Task Accept_mode_on_a_build_server_accepts_nothing_writes_only_the_received_file_and_says_why()
    {
        var store = new SnapshotStore(SnapshotMode.Accept, buildServerVariable: "GITHUB_ACTIONS");
        _folder.Write("S.M.verified.txt", "old\n");

        SnapshotResult mismatch = await store.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("new"));
        SnapshotResult missing = await store.VerifyAsync(_folder.Path, "S.Other", SnapshotDocument.ForValue("new"));

        mismatch.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        missing.Outcome.Should().Be(SnapshotOutcome.Missing);
        mismatch.AcceptRefusedBecause.Should().Be("GITHUB_ACTIONS");
        mismatch.Message.Should().StartWith("EVALSPEC_SNAPSHOTS=accept is refused on a build server (GITHUB_ACTIONS is set)");
        missing.Message.Should().Contain("is refused on a build server").And.NotContain("rename the .received. file");
        _folder.Read("S.M.verified.txt").Should().Be("old\n");
        _folder.Names().Should().Equal("S.M.received.txt", "S.M.verified.txt", "S.Other.received.txt");
    }

    [Fact]
    public async Task Verify_mode_on_a_build_server_tells_to_commit_the_verified_file()
    {
        var store = new SnapshotStore(SnapshotMode.Verify, buildServerVariable: "CI");

        SnapshotResult result = await store.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("x"));

        result.Outcome.Should().Be(SnapshotOutcome.Missing);
        result.AcceptRefusedBecause.Should().BeNull("nothing asked to accept");
        result.Message.Should().Contain("On a build server (CI is set) snapshots are only verified");
    }

    [Theory]
    [InlineData("line one\r\nline two\r\n")]
    [InlineData("line one\rline two\n")]
    public async Task A_verified_file_with_carriage_returns_fails_with_a_clear_error_naming_the_file_and_the_fix(string content)
    {
        _folder.Write("S.M.verified.txt", content);

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("line one\nline two"));

        result.Outcome.Should().Be(SnapshotOutcome.InvalidVerifiedFile);
        result.Passed.Should().BeFalse();
        result.Message.Should().Contain(_folder.File("S.M.verified.txt")).And.Contain("carriage returns").And.Contain("*.verified.* text eol=lf");
        _folder.Names().Should().Equal("S.M.verified.txt");
    }

    [Fact]
    public async Task Accept_mode_rewrites_a_verified_file_with_carriage_returns_with_LF()
    {
        _folder.Write("S.M.verified.txt", "a\r\nb\r\n");

        SnapshotResult result = await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("a\nb"));

        result.Outcome.Should().Be(SnapshotOutcome.Accepted);
        _folder.Read("S.M.verified.txt").Should().Be("a\nb\n");
    }

    [Fact]
    public async Task A_verified_file_without_a_final_newline_matches_as_if_it_had_one()
    {
        _folder.Write("S.M.verified.txt", "one\ntwo");
        _folder.Write("S.R.c.v.identity.verified.txt", "## Prompt\nRefund window?\n\n## Output\n30 days.");

        SnapshotResult value = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("one\ntwo"));
        SnapshotResult row = await Verifying.VerifyAsync(_folder.Path, "S.R.c.v.identity", SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        value.Outcome.Should().Be(SnapshotOutcome.Matched);
        row.Outcome.Should().Be(SnapshotOutcome.Matched);
        _folder.Names().Should().Equal("S.M.verified.txt", "S.R.c.v.identity.verified.txt");
    }

    [Fact]
    public async Task A_changed_output_in_a_verified_file_without_a_final_newline_is_an_output_change_with_a_diff()
    {
        _folder.Write("S.R.c.v.identity.verified.txt", "## Prompt\nRefund window?\n\n## Output\n30 days.");

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.R.c.v.identity", SnapshotDocument.ForRow("Refund window?", null, "14 days."));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        result.PromptChanged.Should().BeFalse();
        result.Message.Should().Contain("the output changed (the prompt is the same)");
        result.Diff.Should().Contain("-     5        30 days.").And.Contain("+           5  14 days.");
    }

    [Fact]
    public async Task A_verified_file_that_is_not_UTF8_fails_with_a_clear_error()
    {
        System.IO.File.WriteAllBytes(_folder.File("S.M.verified.txt"), new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x0A });

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("café"));

        result.Outcome.Should().Be(SnapshotOutcome.InvalidVerifiedFile);
        result.Message.Should().Contain("is not valid UTF-8");
    }

    [Fact]
    public async Task A_byte_order_mark_in_a_verified_file_is_tolerated_and_written_files_have_none()
    {
        System.IO.File.WriteAllBytes(_folder.File("S.M.verified.txt"), new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', (byte)'\n' });

        SnapshotResult matched = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("hi"));
        await Verifying.VerifyAsync(_folder.Path, "S.N", SnapshotDocument.ForValue("é"));

        matched.Outcome.Should().Be(SnapshotOutcome.Matched);
        System.IO.File.ReadAllBytes(_folder.File("S.N.received.txt")).Should().Equal(0xC3, 0xA9, 0x0A);
    }

    [Fact]
    public async Task Received_content_is_written_with_LF_only()
    {
        await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue("a\r\nb\rc"));

        System.IO.File.ReadAllBytes(_folder.File("S.M.received.txt")).Should().NotContain((byte)'\r');
        _folder.Read("S.M.received.txt").Should().Be("a\nb\nc\n");
    }

    [Fact]
    public async Task A_structured_value_is_snapshotted_as_indented_json_in_a_json_file()
    {
        await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue(new { Answer = "30 days", Days = 30, Note = (string?)null }));

        _folder.Read("S.M.verified.json").Should().Be("{\n  \"answer\": \"30 days\",\n  \"days\": 30,\n  \"note\": null\n}\n");
    }

    [Fact]
    public async Task Accepting_structured_content_replaces_a_text_snapshot_of_the_same_name()
    {
        _folder.Write("S.M.verified.txt", "30 days\n");

        SnapshotResult verifying = await Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue(new { Days = 30 }));
        await Accepting.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue(new { Days = 30 }));

        verifying.Outcome.Should().Be(SnapshotOutcome.Missing);
        verifying.Message.Should().Contain("There is S.M.verified.txt: the snapshot turned from text into structured (JSON) content");
        _folder.Names().Should().Equal("S.M.verified.json");
    }

    [Fact]
    public async Task A_hundred_rows_verifying_distinct_files_at_once_each_get_their_own_file()
    {
        SnapshotResult[] results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => Accepting.VerifyAsync(_folder.Path, $"S.M.case{i}.v.identity", SnapshotDocument.ForRow($"prompt {i}", null, $"output {i}")))));

        results.Should().OnlyContain(r => r.Outcome == SnapshotOutcome.Accepted);
        _folder.Names().Should().HaveCount(100).And.OnlyContain(n => n.EndsWith(".verified.txt", StringComparison.Ordinal));
        for (int i = 0; i < 100; i++)
        {
            _folder.Read($"S.M.case{i}.v.identity.verified.txt").Should().Be($"## Prompt\nprompt {i}\n\n## Output\noutput {i}\n");
        }

        SnapshotResult[] again = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => Verifying.VerifyAsync(_folder.Path, $"S.M.case{i}.v.identity", SnapshotDocument.ForRow($"prompt {i}", null, $"output {i}")))));
        again.Should().OnlyContain(r => r.Outcome == SnapshotOutcome.Matched);
    }

    [Fact]
    public async Task Rows_writing_the_same_file_at_once_leave_one_whole_version_and_no_temporary_files()
    {
        string[] versions = Enumerable.Range(0, 40).Select(i => string.Concat(Enumerable.Repeat($"version {i} ", 2000))).ToArray();

        await Task.WhenAll(versions.Select(v => Task.Run(() => Verifying.VerifyAsync(_folder.Path, "S.M", SnapshotDocument.ForValue(v)))));

        _folder.Names().Should().Equal("S.M.received.txt");
        versions.Select(v => v + "\n").Should().Contain(_folder.Read("S.M.received.txt"));
    }
}
