using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

/// <summary>What a run does with the cascades among its rubric judges: calibration file, data collection, counts, review queue.</summary>
public sealed class CascadeRunTests : IDisposable
{
    private static readonly JudgeRequest Request = new("Laptops can be returned within 60 days.") { Input = "How long do I have to return a laptop?", RowId = "Faq.Returns" };
    private readonly string _project = Directory.CreateTempSubdirectory("evalspec-cascade-run-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private static JudgeCascade Cascade(VerdictOutcome a, VerdictOutcome b, VerdictOutcome strong) => new("cascade", new[]
    {
        new CascadeTier("cheap", new IJudge[] { new FixedModelJudge("a", a, "small"), new FixedModelJudge("b", b, "small") }),
        new CascadeTier("strong", new IJudge[] { new FixedModelJudge("g", strong, "gpt-4") }),
    });

    private static JudgePanel Rubric(JudgeCascade cascade) => new("rubric", new IJudge[] { cascade });

    [Fact]
    public void The_calibration_file_in_the_project_folder_is_applied_to_the_rubric_panels_cascades()
    {
        JudgeCascade cascade = Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);
        CascadeCalibrationFiles.For(cascade, 0.5, 1).Save(Path.Combine(_project, CascadeCalibration.FileName));

        var cascades = EvalRunHost.ConfigureCascades(Rubric(cascade), new CascadeOptions(), _project);

        cascades.Should().ContainKey("cascade");
        cascade.Calibration!.Tiers[0].Threshold.Should().Be(0.5);
        cascade.Guarantee.Should().NotBeNull();
    }

    [Fact]
    public void Without_a_calibration_file_the_cascade_runs_and_claims_no_guarantee()
    {
        JudgeCascade cascade = Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);

        EvalRunHost.ConfigureCascades(Rubric(cascade), new CascadeOptions { AskAllTiers = true }, _project);

        cascade.Calibration.Should().BeNull();
        cascade.NoGuaranteeReason.Should().Contain("not calibrated");
        cascade.AskAllTiers.Should().BeTrue();
    }

    [Fact]
    public void A_configured_calibration_file_that_does_not_exist_is_an_error_naming_it_and_the_setting()
    {
        JudgeCascade cascade = Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);

        FluentActions.Invoking(() => EvalRunHost.ConfigureCascades(Rubric(cascade), new CascadeOptions { CalibrationFile = "calibration/cascade.json" }, _project))
            .Should().Throw<EvalConfigurationException>().WithMessage("*cascade.json (Cascade:CalibrationFile) does not exist*evalspec calibrate*");
    }

    [Fact]
    public void A_calibration_of_another_cascade_is_an_error_naming_the_file()
    {
        var other = new JudgeCascade("cascade", new[] { new CascadeTier("only", new IJudge[] { new FixedModelJudge("z", VerdictOutcome.Pass) }) });
        new CascadeCalibration { Target = 0.85, Risk = 0.1, CalibrationItems = 100, Tiers = new[] { new CascadeCalibrationTier { Name = "only", Threshold = 1, Judges = new[] { new CascadeCalibrationJudge { Name = "z", Weight = 1 } } } } }
            .Save(Path.Combine(_project, CascadeCalibration.FileName));

        FluentActions.Invoking(() => EvalRunHost.ConfigureCascades(Rubric(Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass)), new CascadeOptions(), _project))
            .Should().Throw<EvalConfigurationException>().WithMessage("*evalspec.calibration.json does not fit cascade 'cascade'*");
        _ = other;
    }

    [Fact]
    public async Task Escalations_abstentions_and_calls_per_tier_are_counted()
    {
        var statistics = new JudgeStatistics();
        JudgeCascade confident = Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail);
        JudgeCascade split = Cascade(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail);
        JudgeCascade unsure = Cascade(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Inconclusive);
        foreach (JudgeCascade cascade in new[] { confident, split, unsure })
        {
            statistics.Record(await Rubric(cascade).JudgeAsync(Request));
        }

        JudgeStatistics.CascadeCounts counts = statistics.Cascades["cascade"];
        counts.Judged.Should().Be(3);
        counts.Abstained.Should().Be(1);
        counts.Tiers.Select(t => (t.Tier, t.Asked, t.Decided, t.Escalated, t.ModelCalls)).Should().Equal(("cheap", 3, 1, 2, 6), ("strong", 2, 1, 1, 2));
        counts.Guarantee.Should().StartWith("none: not calibrated");
    }

    [Fact]
    public async Task An_abstained_row_goes_to_the_review_queue_with_every_judges_verdict_and_model_and_reads_back()
    {
        JudgeCascade cascade = Cascade(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Inconclusive);
        Verdict verdict = (await Rubric(cascade).JudgeAsync(Request)).Verdicts.Single();
        string path = Path.Combine(_project, ReviewQueue.FileName);

        using (var writer = new ReviewQueueWriter(path))
        {
            writer.Append(ReviewQueue.ItemFor(cascade, verdict, Request, "Faq.Returns", "run-1")!);
        }

        ReviewItem item = ReviewQueue.Read(path).Single();
        item.Reason.Should().Be(ReviewQueue.Abstained);
        item.Outcome.Should().Be("inconclusive");
        item.Input.Should().Be(Request.Input);
        item.Output.Should().Be(Request.Output);
        item.Id.Should().StartWith("Faq.Returns@").And.HaveLength("Faq.Returns@".Length + 16);
        item.Tiers.Select(t => t.Name).Should().Equal("cheap", "strong");
        item.Tiers[0].Judges.Select(j => (j.Name, j.Model, j.Verdicts.Single().Outcome)).Should().Equal(("a", "small", "pass"), ("b", "small", "fail"));
        item.Tiers[0].Votes.Select(v => v.Outcome).Should().Equal(VerdictOutcome.Pass, VerdictOutcome.Fail);
        item.Rationale.Should().Contain("review queue");
    }

    [Fact]
    public async Task A_confident_uncontested_row_is_not_queued_unless_calibration_data_is_collected()
    {
        JudgeCascade cascade = Cascade(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail);
        Verdict verdict = (await Rubric(cascade).JudgeAsync(Request)).Verdicts.Single();
        ReviewQueue.ItemFor(cascade, verdict, Request, "Faq.Returns", null).Should().BeNull();

        cascade.AskAllTiers = true;
        Verdict collected = (await Rubric(cascade).JudgeAsync(Request)).Verdicts.Single();
        ReviewItem item = ReviewQueue.ItemFor(cascade, collected, Request, "Faq.Returns", null)!;
        item.Reason.Should().Be(ReviewQueue.Collected);
        item.Tiers.Should().HaveCount(2, "every tier was asked");
    }

    [Fact]
    public void A_run_with_nothing_to_review_writes_no_review_file()
    {
        string path = Path.Combine(_project, ReviewQueue.FileName);
        using (new ReviewQueueWriter(path))
        {
        }

        File.Exists(path).Should().BeFalse();
    }
}
