using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class EarlyStoppingTests
{
    private static readonly JudgeRequest Request = new("You have 30 days to return it.");

    public static TheoryData<string, int, int?> PanelShapes()
    {
        var shapes = new TheoryData<string, int, int?>();
        foreach (string aggregator in new[] { "majority", "unanimity", "mean", "weighted-majority", "dawid-skene" })
        {
            for (int judges = 1; judges <= 5; judges++)
            {
                shapes.Add(aggregator, judges, null);
                shapes.Add(aggregator, judges, 1);
                if (judges >= 2)
                {
                    shapes.Add(aggregator, judges, 2);
                }
            }
        }

        return shapes;
    }

    [Fact]
    public async Task Three_majority_judges_that_agree_at_first_leave_the_third_unasked()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Fail);

        PanelVerdict verdict = await Panel(MajorityAggregator.Instance, judges).JudgeAsync(Request);

        judges.Select(j => j.Calls).Should().Equal(1, 1, 0);
        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.JudgesSkipped.Should().Be(1);
        verdict.Verdicts.Select(v => v.Judge).Should().Equal("j0", "j1");
    }

    [Fact]
    public async Task Three_majority_judges_that_disagree_at_first_ask_the_third()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Fail);

        PanelVerdict verdict = await Panel(MajorityAggregator.Instance, judges).JudgeAsync(Request);

        judges.Select(j => j.Calls).Should().Equal(1, 1, 1);
        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.JudgesSkipped.Should().Be(0);
    }

    [Fact]
    public async Task The_first_two_of_three_majority_judges_are_asked_together()
    {
        // Each of the first two judges waits until the other has been asked: asked one after the other,
        // the first would time out and abstain.
        var bothAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int asked = 0;
        IJudge Waiting(string name) => new StubJudge(name, async (_, ct) =>
        {
            if (Interlocked.Increment(ref asked) == 2)
            {
                bothAsked.SetResult();
            }

            Task first = await Task.WhenAny(bothAsked.Task, Task.Delay(TimeSpan.FromSeconds(10), ct));
            return first == bothAsked.Task ? Verdicts.Pass(name) : Verdicts.Abstain(name);
        });
        var third = new CountingJudge("third", VerdictOutcome.Fail);

        PanelVerdict verdict = await Panel(MajorityAggregator.Instance, new[] { Waiting("first"), Waiting("second"), third }).JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        third.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Unanimity_with_a_quorum_of_one_stops_at_the_first_failing_judge()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Fail, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);

        PanelVerdict verdict = await new JudgePanel("jury", judges, UnanimityAggregator.Instance, quorum: 1, earlyStop: true).JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.JudgesSkipped.Should().Be(3);
        judges.Skip(1).Sum(j => j.Calls).Should().Be(0);
    }

    [Fact]
    public async Task Unanimity_with_the_default_quorum_asks_until_a_majority_has_decided()
    {
        // Four judges need three deciding: after one fail, the other three could all abstain (inconclusive), so two
        // more are asked together; then the last cannot change the outcome.
        CountingJudge[] judges = Judges(VerdictOutcome.Fail, VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);

        PanelVerdict verdict = await Panel(UnanimityAggregator.Instance, judges).JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        judges.Select(j => j.Calls).Should().Equal(1, 1, 1, 0);
        verdict.JudgesSkipped.Should().Be(1);
    }

    [Fact]
    public async Task With_the_default_quorum_an_abstaining_first_judge_means_every_judge_is_asked()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Inconclusive, VerdictOutcome.Pass, VerdictOutcome.Pass);

        PanelVerdict verdict = await Panel(MajorityAggregator.Instance, judges).JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        judges.Select(j => j.Calls).Should().Equal(1, 1, 1);
    }

    [Fact]
    public async Task With_the_default_quorum_one_pass_and_two_abstentions_stay_inconclusive_with_early_stopping()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Pass, VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive);

        PanelVerdict verdict = await Panel(MajorityAggregator.Instance, judges).JudgeAsync(Request);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("quorum not met");
        judges.Select(j => j.Calls).Should().Equal(1, 1, 1);
    }

    [Fact]
    public async Task Without_early_stopping_every_judge_is_asked()
    {
        CountingJudge[] judges = Judges(VerdictOutcome.Pass, VerdictOutcome.Pass, VerdictOutcome.Pass);

        PanelVerdict verdict = await new JudgePanel("jury", judges, MajorityAggregator.Instance).JudgeAsync(Request);

        judges.Select(j => j.Calls).Should().Equal(1, 1, 1);
        verdict.JudgesSkipped.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(PanelShapes))]
    public async Task Early_stopping_never_changes_the_outcome_of_asking_everyone(string aggregatorName, int judgeCount, int? quorum)
    {
        IVerdictAggregator aggregator = Aggregator(aggregatorName, judgeCount);
        var outcomes = new[] { VerdictOutcome.Pass, VerdictOutcome.Fail, VerdictOutcome.Inconclusive };
        int combinations = (int)Math.Pow(3, judgeCount);
        for (int combination = 0; combination < combinations; combination++)
        {
            VerdictOutcome[] pattern = Enumerable.Range(0, judgeCount).Select(i => outcomes[combination / (int)Math.Pow(3, i) % 3]).ToArray();
            CountingJudge[] everyone = Judges(pattern);
            CountingJudge[] stopping = Judges(pattern);

            PanelVerdict all = await new JudgePanel("jury", everyone, aggregator, quorum).JudgeAsync(Request);
            PanelVerdict early = await new JudgePanel("jury", stopping, aggregator, quorum, earlyStop: true).JudgeAsync(Request);

            string because = $"{aggregatorName}, quorum {quorum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "majority"}, judges answering {string.Join(", ", pattern)}";
            early.Outcome.Should().Be(all.Outcome, because);
            early.JudgesSkipped.Should().Be(stopping.Count(j => j.Calls == 0), because);
            (early.Verdicts.Count + early.JudgesSkipped).Should().Be(judgeCount, because);
            stopping.Should().OnlyContain(j => j.Calls <= 1, because);
        }
    }

    private static CountingJudge[] Judges(params VerdictOutcome[] outcomes) =>
        outcomes.Select((outcome, i) => new CountingJudge("j" + i, outcome, outcome switch
        {
            // Scores away from 0 and 1, so the mean aggregator is checked against scores early stopping did not enumerate.
            VerdictOutcome.Pass => 0.7,
            VerdictOutcome.Fail => 0.2,
            _ => null,
        })).ToArray();

    private static JudgePanel Panel(IVerdictAggregator aggregator, IJudge[] judges) => new("jury", judges, aggregator, earlyStop: true);

    private static IVerdictAggregator Aggregator(string name, int judgeCount)
    {
        string[] names = Enumerable.Range(0, judgeCount).Select(i => "j" + i).ToArray();

        // Uneven reliabilities, so that the weighted rules differ from a plain vote.
        double[] accuracy = { 0.9, 0.6, 0.7, 0.55, 0.8 };
        return name switch
        {
            "majority" => MajorityAggregator.Instance,
            "unanimity" => UnanimityAggregator.Instance,
            "mean" => new MeanScoreAggregator(0.5),
            "weighted-majority" => new WeightedMajorityAggregator(ReliabilityWeights.FromAccuracy(names.Select((n, i) => (n, accuracy[i])).ToDictionary(p => p.n, p => p.Item2))),
            "dawid-skene" => new DawidSkeneAggregator(new DawidSkeneModel(0.6, names.Select((n, i) => (n, accuracy[i])).ToDictionary(p => p.n, p => new JudgeConfusion(p.Item2, 1.5 - p.Item2)))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown aggregator."),
        };
    }
}
