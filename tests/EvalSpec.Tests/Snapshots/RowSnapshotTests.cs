using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

/// <summary>Eval-row snapshots: the document format, and the prompt compared exactly while the output may be compared by meaning.</summary>
public sealed class RowSnapshotTests : IDisposable
{
    private const string Base = "RefundEvals.RefundWindow.laptop.formal.identity";
    private static readonly SnapshotStore Verifying = new(SnapshotMode.Verify, buildServerVariable: null);
    private static readonly SnapshotStore Accepting = new(SnapshotMode.Accept, buildServerVariable: null);

    private readonly SnapshotFolder _folder = new();
    private readonly List<(string Verified, string Received)> _asked = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_text_row_document_has_prompt_follow_up_and_output_sections()
    {
        SnapshotDocument document = SnapshotDocument.ForRow("What is the refund window?", "what is teh refund window?", "30 days.");

        document.Extension.Should().Be("txt");
        document.Content.Should().Be("## Prompt\nWhat is the refund window?\n\n## Follow-up prompt\nwhat is teh refund window?\n\n## Output\n30 days.\n");
        document.Output.Should().Be("30 days.");
    }

    [Fact]
    public void A_structured_output_makes_the_whole_row_document_json()
    {
        SnapshotDocument document = SnapshotDocument.ForRow("Refund window for laptop?", null, new { Days = 30, Product = "laptop" });

        document.Extension.Should().Be("json");
        document.Content.Should().Be("{\n  \"prompt\": \"Refund window for laptop?\",\n  \"output\": {\n    \"days\": 30,\n    \"product\": \"laptop\"\n  }\n}\n");
        document.Output.Should().Be("{\n  \"days\": 30,\n  \"product\": \"laptop\"\n}");
    }

    [Fact]
    public void A_prompt_only_document_has_no_output_section()
    {
        SnapshotDocument.ForPrompt("Refund window?", null).Content.Should().Be("## Prompt\nRefund window?\n");
    }

    [Fact]
    public async Task A_paraphrased_output_matches_when_the_equivalence_check_says_it_means_the_same()
    {
        await AcceptAsync(SnapshotDocument.ForRow("What is the refund window for laptop?", null, "You can return a laptop within 30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("What is the refund window for laptop?", null, "Laptops can be returned for 30 days."), Judge(equivalent: true));

        result.Outcome.Should().Be(SnapshotOutcome.Matched);
        result.Passed.Should().BeTrue();
        result.MatchedByMeaning.Should().BeTrue();
        result.EquivalenceReason.Should().Be("judged");
        result.Message.Should().Contain("The output changed but means the same").And.Contain(": judged");
        _asked.Should().Equal(("You can return a laptop within 30 days.", "Laptops can be returned for 30 days."));
        _folder.Read(Base + ".verified.txt").Should().Contain("You can return a laptop within 30 days.", "a match by meaning keeps the verified output");
    }

    [Fact]
    public async Task A_match_by_meaning_writes_the_new_output_to_the_received_file_and_says_that_accepting_records_it()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "Thirty days."), Judge(equivalent: true));

        result.MatchedByMeaning.Should().BeTrue();
        result.ReceivedFile.Should().Be(_folder.File(Base + ".received.txt"));
        _folder.Read(Base + ".received.txt").Should().Be("## Prompt\nRefund window?\n\n## Output\nThirty days.\n");
        result.Message.Should().Contain("the new one is in " + _folder.File(Base + ".received.txt"))
            .And.Contain("`evalspec accept --filter " + Base + "` would record it")
            .And.Contain("+           5  Thirty days.");
    }

    [Fact]
    public async Task A_changed_output_fails_when_the_equivalence_check_says_the_meaning_changed()
    {
        await AcceptAsync(SnapshotDocument.ForRow("What is the refund window for laptop?", null, "You can return a laptop within 30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("What is the refund window for laptop?", null, "Laptops cannot be returned."), Judge(equivalent: false));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        result.PromptChanged.Should().BeFalse();
        result.Message.Should().Contain("the output changed (the prompt is the same)").And.Contain("the output's meaning changed: judged");
        result.Diff.Should().Contain("-     5        You can return a laptop within 30 days.").And.Contain("+           5  Laptops cannot be returned.");
        _folder.Exists(Base + ".received.txt").Should().BeTrue();
    }

    [Fact]
    public async Task A_changed_prompt_fails_even_when_the_output_would_mean_the_same_and_the_judge_is_not_asked()
    {
        await AcceptAsync(SnapshotDocument.ForRow("What is the refund window for laptop?", null, "30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("What's the refund window for a laptop?", null, "Thirty days."), Judge(equivalent: true));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        result.PromptChanged.Should().BeTrue();
        result.Message.Should().Contain("the prompt changed");
        _asked.Should().BeEmpty();
    }

    [Fact]
    public async Task A_changed_follow_up_prompt_is_a_prompt_change()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", "refund windwo?", "30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", "refnud window?", "30 days."), Judge(equivalent: true));

        result.PromptChanged.Should().BeTrue();
        result.Passed.Should().BeFalse();
        _asked.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_an_equivalence_check_a_changed_output_fails_exactly()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "Thirty days."));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
    }

    [Fact]
    public async Task An_output_that_looks_like_a_section_header_does_not_confuse_the_prompt_comparison()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?\n\n## Output\nfake", null, "## Output\n30 days."));

        SnapshotResult result = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("Refund window?\n\n## Output\nfake", null, "## Output\nThirty days."), Judge(equivalent: true));

        result.MatchedByMeaning.Should().BeTrue();
        _asked.Should().Equal(("## Output\n30 days.", "## Output\nThirty days."));
    }

    [Fact]
    public async Task A_structured_output_is_compared_by_meaning_as_indented_json_with_the_prompt_held_exactly()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window for laptop?", null, new { Answer = "30 days" }));

        SnapshotResult paraphrase = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("Refund window for laptop?", null, new { Answer = "thirty days" }), Judge(equivalent: true));
        SnapshotResult promptChanged = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("Refund window for a laptop?", null, new { Answer = "thirty days" }), Judge(equivalent: true));

        paraphrase.MatchedByMeaning.Should().BeTrue();
        _asked.Should().Equal(("{\n  \"answer\": \"30 days\"\n}", "{\n  \"answer\": \"thirty days\"\n}"));
        promptChanged.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        promptChanged.PromptChanged.Should().BeTrue();
    }

    [Fact]
    public async Task Accept_mode_records_any_changed_output_without_asking_whether_it_means_the_same()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        SnapshotResult result = await Accepting.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "Thirty days."), Judge(equivalent: true));

        result.Outcome.Should().Be(SnapshotOutcome.Accepted, "a replayed run compares exactly, so the verified file must hold what was recorded");
        result.MatchedByMeaning.Should().BeFalse();
        _asked.Should().BeEmpty();
        _folder.Read(Base + ".verified.txt").Should().EndWith("## Output\nThirty days.\n");
        _folder.Names().Should().Equal(Base + ".verified.txt");
    }

    [Fact]
    public async Task A_mismatch_against_a_verified_file_without_an_output_section_says_so_rather_than_that_the_prompt_changed()
    {
        _folder.Write(Base + ".verified.txt", "## Prompt\nRefund window?\n");

        SnapshotResult result = await Verifying.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        result.PromptChanged.Should().BeFalse();
        result.Message.Should().Contain("the verified file has no output section (the prompt is the same)").And.NotContain("the prompt changed");
    }

    [Fact]
    public async Task Prompts_get_only_the_path_and_user_scrubbers_so_a_changed_number_in_a_prompt_is_a_change()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Answer in at most 50 tokens, by 2024-05-01T10:30:00Z.", null, "used 12 tokens"));

        SnapshotResult result = await Verifying.VerifyAsync(
            _folder.Path, Base, SnapshotDocument.ForRow("Answer in at most 500 tokens, by 2024-05-01T10:30:00Z.", null, "used 12 tokens"));

        _folder.Read(Base + ".verified.txt").Should().StartWith("## Prompt\nAnswer in at most 50 tokens, by 2024-05-01T10:30:00Z.\n");
        result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        result.PromptChanged.Should().BeTrue();
        result.Diff.Should().Contain("Answer in at most 500 tokens");
    }

    [Fact]
    public void Outputs_still_get_every_scrubber_and_prompts_the_users_own()
    {
        var settings = new SnapshotSettings().AddScrubber(new Regex(@"order #\d+"), "order #N");

        SnapshotDocument document = SnapshotDocument.ForRow("Where is order #123? Took 40 ms, 50 tokens.", "where is order #123?", "order #123 took 40 ms and 50 tokens.", settings);

        document.Content.Should().Be(
            "## Prompt\nWhere is order #N? Took 40 ms, 50 tokens.\n\n## Follow-up prompt\nwhere is order #N?\n\n## Output\norder #N took {Duration_1} and {TokenCount_1} tokens.\n");
    }

    [Fact]
    public void A_prompt_only_document_is_not_scrubbed_of_volatile_values_either()
    {
        SnapshotDocument.ForPrompt("Reply within 2 s about 3f2504e0-4f89-11d3-9a0c-0305e82c3301.", null).Content
            .Should().Be("## Prompt\nReply within 2 s about 3f2504e0-4f89-11d3-9a0c-0305e82c3301.\n");
    }

    [Fact]
    public async Task Without_an_output_only_the_prompt_is_checked_and_a_matching_prompt_writes_nothing_in_either_mode()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", "refund windwo?", "30 days."));
        string verified = _folder.Read(Base + ".verified.txt");

        SnapshotResult verifying = await Verifying.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Refund window?", "refund windwo?"));
        SnapshotResult accepting = await Accepting.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Refund window?", "refund windwo?"));

        verifying.Outcome.Should().Be(SnapshotOutcome.PromptMatched);
        verifying.Passed.Should().BeTrue();
        verifying.Message.Should().Contain("The prompt matches").And.Contain("nothing was written or accepted");
        accepting.Outcome.Should().Be(SnapshotOutcome.PromptMatched);
        _folder.Names().Should().Equal(Base + ".verified.txt");
        _folder.Read(Base + ".verified.txt").Should().Be(verified, "a failed run must not drop the verified output");
    }

    [Fact]
    public async Task Without_an_output_a_changed_prompt_fails_with_a_diff_of_the_prompts_and_writes_nothing_in_either_mode()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, "30 days."));
        string verified = _folder.Read(Base + ".verified.txt");

        SnapshotResult verifying = await Verifying.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Return window?", null));
        SnapshotResult accepting = await Accepting.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Return window?", null));

        foreach (SnapshotResult result in new[] { verifying, accepting })
        {
            result.Outcome.Should().Be(SnapshotOutcome.Mismatched);
            result.PromptChanged.Should().BeTrue();
            result.ReceivedFile.Should().BeNull();
            result.Message.Should().Contain("the prompt changed").And.Contain("nothing was written or accepted");
            result.Diff.Should().Be(
                "--- verified\n+++ received\n@@ -1,2 +1,2 @@\n      1     1  ## Prompt\n-     2        Refund window?\n+           2  Return window?\n",
                "only the prompt parts are compared");
        }

        _folder.Names().Should().Equal(Base + ".verified.txt");
        _folder.Read(Base + ".verified.txt").Should().Be(verified);
    }

    [Fact]
    public async Task Without_an_output_or_a_verified_file_nothing_is_compared_or_written()
    {
        SnapshotResult result = await Accepting.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Refund window?", null));

        result.Outcome.Should().Be(SnapshotOutcome.NotCompared);
        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("No verified snapshot").And.Contain("nothing was written or accepted");
        _folder.Names().Should().BeEmpty();
    }

    [Fact]
    public async Task Without_an_output_the_prompt_of_a_structured_snapshot_is_checked_too()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, new { Days = 30 }));

        SnapshotResult same = await Verifying.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Refund window?", null));
        SnapshotResult changed = await Verifying.CheckPromptAsync(_folder.Path, Base, SnapshotDocument.ForPrompt("Return window?", null));

        same.Outcome.Should().Be(SnapshotOutcome.PromptMatched);
        changed.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        changed.Diff.Should().Contain("\"prompt\": \"Refund window?\"").And.Contain("\"prompt\": \"Return window?\"");
        _folder.Names().Should().Equal(Base + ".verified.json");
    }

    private async Task AcceptAsync(SnapshotDocument document)
    {
        SnapshotResult result = await Accepting.VerifyAsync(_folder.Path, Base, document);
        result.Passed.Should().BeTrue();
    }

    private SnapshotOutputEquivalence Judge(bool equivalent) => (verified, received, _) =>
    {
        _asked.Add((verified, received));
        return ValueTask.FromResult(new SnapshotEquivalence(equivalent, "judged"));
    };
}
