using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

/// <summary>
/// Review finding (expected to fail): calibrating on a labels file of queued rows only (reason "contested" or
/// "abstained", none collected with Cascade:AskAllTiers) certifies thresholds on a sample chosen by the cascade's own
/// uncertainty. Here every labelled item has a split cheap tier (confidence 2/3), so 2/3 is certified, and the calibrated
/// cascade then decides every unanimous cheap-tier row (confidence 1 >= 2/3) under "agreement with people >= 0.85":
/// rows of which not one was ever labelled (a cheap tier unanimously fooled is exactly what the guarantee is for). The
/// refusal message even suggests it ("or label only rows the cascade abstained on"). Nothing refuses or warns.
/// </summary>
public sealed class ReviewQueuedOnlyCalibrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-review-labels-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void Review_labels_of_queued_rows_only_do_not_give_a_guarantee_for_rows_the_cascade_never_queued()
    {
        var random = new Random(11);
        var lines = new List<string>();
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
