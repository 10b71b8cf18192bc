using System;
using System.IO;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

/// <summary>Hostile labels and review files: duplicate ids, wrong labels, other judges or models, missing tiers, empty files.</summary>
public sealed class ReviewQueueFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-review-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static string Line(string id, string? label, string model = "gpt-4", string votes = "[{\"judge\":\"g\",\"sample\":1,\"outcome\":\"Pass\"}]", bool strongTier = true, string cascade = "cascade", string reason = "abstained", string? sample = "all")
    {
        string labelField = label is null ? string.Empty : ",\"label\":\"" + label + "\"";
        string strong = strongTier ? ",{\"name\":\"strong\",\"judges\":[{\"name\":\"g\",\"model\":\"" + model + "\",\"verdicts\":[]}],\"votes\":" + votes + "}" : string.Empty;
        return "{\"format\":1,\"id\":\"" + id + "\",\"rowId\":\"Faq.Returns\",\"reason\":\"" + reason + "\"" + (sample is null ? string.Empty : ",\"sample\":\"" + sample + "\"") + ",\"cascade\":\"" + cascade + "\",\"outcome\":\"inconclusive\",\"output\":\"60 days\",\"tiers\":["
            + "{\"name\":\"cheap\",\"judges\":[{\"name\":\"a\",\"model\":\"small\",\"verdicts\":[]}],\"votes\":[{\"judge\":\"a\",\"sample\":1,\"outcome\":\"Fail\"}]}"
            + strong + "]" + labelField + "}";
    }

    private string Write(params string[] lines)
    {
        string path = Path.Combine(_folder, "labels.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Labelled_lines_become_calibration_items_with_the_cascades_shape_and_model_ids()
    {
        string path = Write(Line("r1@01", "pass"), string.Empty, Line("r2@02", "FAIL"), Line("r3@03", null));

        var (items, shape, cascade) = ReviewQueue.ToCalibration(ReviewQueue.Read(path), path);

        items.Select(i => (i.Id, i.Label)).Should().Equal(("r1@01", VerdictOutcome.Pass), ("r2@02", VerdictOutcome.Fail));
        shape.Select(t => t.Tier).Should().Equal("cheap", "strong");
        shape[1].Judges.Single().Should().Be(("g", "gpt-4"));
        cascade.Should().Be("cascade");
        items[0].Votes["cheap"].Single().Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void Labels_of_queued_rows_are_left_out_of_a_calibration_and_counted()
    {
        string path = Write(
            Line("r1@01", "pass", reason: "abstained", sample: "all"),
            Line("r2@02", "fail", reason: "collected", sample: null),
            Line("r3@03", "pass", reason: "abstained", sample: null),
            Line("r4@04", "fail", reason: "contested", sample: null),
            Line("r5@05", "fail", reason: "contested", sample: "random"),
            Line("r6@06", null, reason: "abstained", sample: null));

        var read = ReviewQueue.Read(path);
        var (items, _, _) = ReviewQueue.ToCalibration(read, path);

        items.Select(i => i.Id).Should().Equal("r1@01", "r2@02", "r5@05");
        ReviewQueue.NotRepresentative(read).Should().Be(2, "r3 and r4 were queued for their reason; r6 is not labelled");
    }

    [Fact]
    public void Labels_of_queued_rows_only_are_refused_saying_how_to_collect_representative_labels()
    {
        string path = Write(Line("r1@01", "pass", reason: "abstained", sample: null), Line("r2@02", "fail", reason: "contested", sample: null));

        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(path), path)).Should().Throw<CalibrationException>()
            .WithMessage("*labels.jsonl has 2 labelled item(s), all of rows queued*cannot certify*AskAllTiers*\"sample\": \"random\"*")
            .Which.Message.Should().NotContain("label only rows");
    }

    [Theory]
    [InlineData("All")]
    [InlineData("queued")]
    [InlineData("")]
    [InlineData("аll")] // Cyrillic a: a look-alike does not make queued rows representative
    [InlineData("random ")]
    public void A_sample_that_is_not_all_or_random_is_refused_naming_the_line(string sample) =>
        FluentActions.Invoking(() => ReviewQueue.Read(Write(Line("r1@01", "pass", sample: sample))))
            .Should().Throw<EvalConfigurationException>().WithMessage("*line 1 (item 'r1@01') has \"sample\"*use \"all\"*\"random\"*");

    [Fact]
    public void A_duplicate_id_is_refused_naming_both_lines() =>
        FluentActions.Invoking(() => ReviewQueue.Read(Write(Line("r1@01", "pass"), Line("r1@01", "fail"))))
            .Should().Throw<EvalConfigurationException>().WithMessage("*labels.jsonl line 2 repeats item 'r1@01' (first on line 1)*");

    [Theory]
    [InlineData("maybe")]
    [InlineData("inconclusive")]
    [InlineData("")]
    [InlineData("pаss")] // Cyrillic a: a look-alike is not a label
    public void A_label_that_is_not_pass_or_fail_is_refused_naming_the_line_and_item(string label) =>
        FluentActions.Invoking(() => ReviewQueue.Read(Write(Line("r1@01", label))))
            .Should().Throw<EvalConfigurationException>().WithMessage("*line 1 (item 'r1@01')*is not a label*");

    [Fact]
    public void Labels_given_for_other_model_ids_are_refused_naming_both_items()
    {
        string path = Write(Line("r1@01", "pass"), Line("r2@02", "fail", model: "gpt-4o"));

        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(path), path))
            .Should().Throw<CalibrationException>().WithMessage("*item 'r2@02' was judged by*g (gpt-4o)*item 'r1@01' by*g (gpt-4)*");
    }

    [Fact]
    public void An_item_the_cascade_decided_before_asking_every_tier_is_refused()
    {
        string path = Write(Line("r1@01", "pass"), Line("r2@02", "fail", strongTier: false));

        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(path), path))
            .Should().Throw<CalibrationException>().WithMessage("*'r2@02' has the votes of 1 tier(s) of 2*AskAllTiers*").Which.Message.Should().NotContain("abstained on");
    }

    [Fact]
    public void Labels_of_two_cascades_are_refused()
    {
        string path = Write(Line("r1@01", "pass"), Line("r2@02", "fail", cascade: "other"));

        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(path), path)).Should().Throw<CalibrationException>().WithMessage("*cascade 'other'*");
    }

    [Fact]
    public void An_empty_file_or_one_without_labels_has_no_calibration_items()
    {
        string empty = Write();
        ReviewQueue.Read(empty).Should().BeEmpty();
        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(empty), empty)).Should().Throw<CalibrationException>().WithMessage("*no labelled items (0 unlabelled)*");
        string unlabelled = Write(Line("r1@01", null));
        FluentActions.Invoking(() => ReviewQueue.ToCalibration(ReviewQueue.Read(unlabelled), unlabelled)).Should().Throw<CalibrationException>().WithMessage("*no labelled items (1 unlabelled)*evalspec review --import*");
    }

    [Theory]
    [InlineData("not json", "*line 1 is not a valid review line*")]
    [InlineData("[1,2]", "*line 1 is not a JSON object*")]
    [InlineData("{\"id\":\"x\"}", "*line 1 is not a valid review line*missing required properties*rowId*")]
    [InlineData("{\"format\":2,\"id\":\"x\"}", "*format 2, written by a newer EvalSpec*")]
    [InlineData("{\"format\":1,\"id\":\"x\",\"rowId\":\"r\",\"reason\":\"abstained\",\"cascade\":\"c\",\"outcome\":\"pass\",\"output\":\"o\",\"tiers\":[{\"name\":\"t\",\"judges\":[],\"votes\":[{\"sample\":1,\"outcome\":\"Pass\"}]}]}", "*(item 'x') has a vote without a \"judge\"*")]
    [InlineData("{\"format\":1,\"id\":\"x\",\"rowId\":\"r\",\"reason\":\"abstained\",\"cascade\":\"c\",\"outcome\":\"pass\",\"output\":\"o\",\"tiers\":[{\"name\":\"t\",\"judges\":[],\"votes\":[{\"judge\":\"a\",\"sample\":1,\"outcome\":\"Maybe\"}]}]}", "*not a valid review line*")]
    public void A_broken_line_is_refused_naming_the_file_and_line(string line, string message) =>
        FluentActions.Invoking(() => ReviewQueue.Read(Write(line))).Should().Throw<EvalConfigurationException>().WithMessage("*labels.jsonl*").WithMessage(message);

    // Review finding: labels of queued (contested) rows only, every one with a split cheap tier (confidence 2/3), used to
    // certify 2/3, and the calibrated cascade then decided every unanimous cheap-tier row under the guarantee: rows of which
    // not one was ever labelled. Queued rows are not a representative sample: they are left out, and here nothing is left.
    [Fact]
    public void Labels_of_queued_rows_only_do_not_give_a_guarantee_for_rows_the_cascade_never_queued()
    {
        var random = new Random(11);
        var lines = new System.Collections.Generic.List<string>();
        for (int i = 0; i < 200; i++)
        {
            bool pass = random.Next(2) == 0;
            string truth = pass ? "Pass" : "Fail", other = pass ? "Fail" : "Pass";
            string majority = random.NextDouble() < 0.9 ? truth : other;
            string minority = majority == "Pass" ? "Fail" : "Pass";
            string strong = random.NextDouble() < 0.9 ? truth : other;
            int dissenter = random.Next(3);
            string Vote(int judge) => judge == dissenter ? minority : majority;
            lines.Add("{\"format\":1,\"id\":\"item-" + i + "\",\"rowId\":\"Faq.Returns/c" + i + "/formal/identity\",\"reason\":\"contested\",\"cascade\":\"cascade\",\"outcome\":\"" + strong.ToLowerInvariant() + "\",\"output\":\"answer " + i + "\",\"tiers\":["
                + "{\"name\":\"cheap\",\"judges\":[{\"name\":\"a\",\"model\":\"small-1\",\"verdicts\":[]},{\"name\":\"b\",\"model\":\"small-2\",\"verdicts\":[]},{\"name\":\"c\",\"model\":\"small-3\",\"verdicts\":[]}],"
                + "\"votes\":[{\"judge\":\"a\",\"sample\":1,\"outcome\":\"" + Vote(0) + "\"},{\"judge\":\"b\",\"sample\":1,\"outcome\":\"" + Vote(1) + "\"},{\"judge\":\"c\",\"sample\":1,\"outcome\":\"" + Vote(2) + "\"}]},"
                + "{\"name\":\"strong\",\"judges\":[{\"name\":\"g\",\"model\":\"gpt-4\",\"verdicts\":[]}],\"votes\":[{\"judge\":\"g\",\"sample\":1,\"outcome\":\"" + strong + "\"}]}"
                + "],\"label\":\"" + truth.ToLowerInvariant() + "\"}");
        }

        string path = Path.Combine(_folder, "labels.jsonl");
        File.WriteAllLines(path, lines);

        CascadeCalibration? calibration = null;
        Action calibrate = () =>
        {
            var (items, shape, _) = ReviewQueue.ToCalibration(ReviewQueue.Read(path), path);
            calibration = CascadeCalibrator.Fit(items, shape, 0.85, 0.1, new CalibrationOptions { WeighJudges = false });
        };

        try
        {
            calibrate();
        }
        catch (CalibrationException)
        {
            return; // refused: fine
        }

        calibration!.Tiers[0].Threshold.Should().BeNull(
            $"no labelled item had a unanimous cheap tier, yet threshold {calibration.Tiers[0].Threshold} lets it decide every unanimous row under the guarantee; warnings: [{string.Join(" | ", calibration.Warnings)}]");
    }
}
