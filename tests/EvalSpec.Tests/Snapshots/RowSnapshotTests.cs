using System;
using System.Collections.Generic;
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
        result.MatchedByMeaning.Should().BeTrue();
        result.EquivalenceReason.Should().Be("judged");
        result.Message.Should().Contain("means the same: judged");
        _asked.Should().Equal(("You can return a laptop within 30 days.", "Laptops can be returned for 30 days."));
        _folder.Read(Base + ".verified.txt").Should().Contain("You can return a laptop within 30 days.", "a match by meaning keeps the verified output");
        _folder.Exists(Base + ".received.txt").Should().BeFalse();
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
    public async Task Accept_mode_keeps_a_verified_output_that_means_the_same_and_replaces_one_that_does_not()
    {
        await AcceptAsync(SnapshotDocument.ForRow("Refund window?", null, "30 days."));

        SnapshotResult same = await Accepting.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "Thirty days."), Judge(equivalent: true));
        string afterSame = _folder.Read(Base + ".verified.txt");
        SnapshotResult changed = await Accepting.VerifyAsync(_folder.Path, Base, SnapshotDocument.ForRow("Refund window?", null, "No refunds."), Judge(equivalent: false));

        same.Outcome.Should().Be(SnapshotOutcome.Matched);
        afterSame.Should().EndWith("## Output\n30 days.\n", "live runs in accept mode must not churn snapshots that still mean the same");
        changed.Outcome.Should().Be(SnapshotOutcome.Accepted);
        _folder.Read(Base + ".verified.txt").Should().EndWith("## Output\nNo refunds.\n");
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
