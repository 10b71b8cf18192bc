using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Files;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// A row's panel verdicts written to its results line (<c>judgements</c>) and counted again by another process (a merge,
/// a resumed run): the judge statistics counted from the lines equal those counted from the verdicts themselves.
/// </summary>
public sealed class RowJudgementsTests
{
    private static PanelVerdict Panel(string name, int i) => new(name, VerdictOutcome.Pass, 0.8, "ok", new[]
    {
        new Verdict("llama", i % 2 == 0 ? VerdictOutcome.Pass : VerdictOutcome.Fail, 0.9, "because") { ModelCalls = 2, Usage = new UsageDetails { InputTokenCount = 800 + i, OutputTokenCount = 60 } },
        i % 5 == 0
            ? Verdict.Inconclusive("qwen", "unreadable: says PASS and FAIL", "PASS... no, FAIL") with { Errored = true, ModelCalls = 1 }
            : new Verdict("qwen", i % 3 == 0 ? VerdictOutcome.Fail : VerdictOutcome.Pass, null, "r"),
    })
    { JudgesSkipped = i % 4 == 0 ? 1 : 0 };

    private static PanelVerdict Pairwise(int i) => new("comparison", VerdictOutcome.Pass, null, "x", new[]
    {
        new Verdict("pairwise", VerdictOutcome.Pass, null, "a") { Pairwise = new PairwiseComparison(i % 3 == 0 ? PairwiseChoice.Candidate : PairwiseChoice.Tie, i % 2 == 0 ? PairwiseChoice.Reference : PairwiseChoice.None, 10 + i, 12) },
    });

    private static PanelVerdict Cascade(int i) => new("rubric", VerdictOutcome.Pass, null, "x", new[]
    {
        new Verdict("cascade", VerdictOutcome.Pass, null, "c")
        {
            Cascade = new CascadeTrail(
                [
                    new CascadeStep("cheap", [], [new Verdict("small", VerdictOutcome.Pass, null, "s") { ModelCalls = 3 }], VerdictOutcome.Pass, 0.6, 0.8, i % 2 == 0),
                    new CascadeStep("strong", [], [new Verdict("big", VerdictOutcome.Pass, null, "b") { ModelCalls = 5 }], VerdictOutcome.Pass, 0.9, 0.7, i % 2 != 0),
                ],
                i % 7 == 0 ? null : i % 2 == 0 ? "cheap" : "strong",
                i % 3 == 0,
                new CascadeGuarantee(0.9, 0.05, 200),
                null),
        },
    });

    [Fact]
    public void Statistics_counted_from_the_written_lines_equal_those_counted_from_the_verdicts()
    {
        var direct = new JudgeStatistics();
        var lines = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            string rowId = $"Suite.M/c{i}/plain/identity";
            foreach (PanelVerdict verdict in new[] { Panel("rubric-panel", i), Pairwise(i), Cascade(i) })
            {
                direct.Record(verdict, rowId);
            }

            RowResult line = new()
            {
                RunId = "r", RowId = rowId, Suite = "Suite", Method = "M", Case = "c" + i, Variant = "plain", Relation = "identity",
                Inputs = new Dictionary<string, JsonElement>(), Prompt = "p", Outcome = "pass", Checks = [], LatencyMs = 1, StartedAt = DateTimeOffset.UnixEpoch,
                Judgements = direct.TakeRow(rowId),
            };
            lines.Add(JsonSerializer.Serialize(line, RunFilesJson.Compact.RowResult));
        }

        var replayed = new JudgeStatistics();
        foreach (string line in lines)
        {
            replayed.Replay(JsonSerializer.Deserialize(line, RunFilesJson.LenientRowResult)!.Judgements!);
        }

        replayed.Judges.Should().BeEquivalentTo(direct.Judges);
        replayed.Panels.Keys.Should().BeEquivalentTo(direct.Panels.Keys);
        foreach (string panel in direct.Panels.Keys)
        {
            replayed.Panels[panel].JudgesAsked.Should().Be(direct.Panels[panel].JudgesAsked);
            replayed.Panels[panel].JudgesSkipped.Should().Be(direct.Panels[panel].JudgesSkipped);
            RunSummaryWriter.PanelAgreementSummary(replayed.Panels[panel].Judgements).Should().BeEquivalentTo(RunSummaryWriter.PanelAgreementSummary(direct.Panels[panel].Judgements));
        }

        RunSummaryWriter.PanelAgreementSummary(direct.Panels["rubric-panel"].Judgements).Should().NotBeNull("the two-judge panel has an agreement to compare");
        RunSummaryWriter.PairwiseBias(replayed.Pairwise).Should().BeEquivalentTo(RunSummaryWriter.PairwiseBias(direct.Pairwise));
        RunSummaryWriter.PairwiseBias(direct.Pairwise)!.PreferredLonger.Should().NotBeNull();
        replayed.Cascades.Should().BeEquivalentTo(direct.Cascades);
        direct.Cascades["cascade"].Guarantee.Should().Contain("200 labelled items");
    }

    [Fact]
    public void A_row_without_judging_writes_an_empty_list_and_a_row_taken_is_forgotten()
    {
        var statistics = new JudgeStatistics();
        statistics.TakeRow("Suite.M/c/plain/identity").Should().BeEmpty();
        statistics.Record(Panel("rubric", 1), "Suite.M/c/plain/identity");
        statistics.Record(Panel("rubric", 2), rowId: null);
        statistics.TakeRow("Suite.M/c/plain/identity").Should().ContainSingle();
        statistics.TakeRow("Suite.M/c/plain/identity").Should().BeEmpty();
        statistics.Panels["rubric"].Judgements.Should().HaveCount(2, "both verdicts count in the run, only one belongs to a row");
    }

    [Theory]
    [InlineData("PASS", VerdictOutcome.Pass)]
    [InlineData("passed", VerdictOutcome.Inconclusive)]
    [InlineData("1", VerdictOutcome.Inconclusive)]
    [InlineData("", VerdictOutcome.Inconclusive)]
    [InlineData("fail", VerdictOutcome.Fail)]
    [InlineData("раss", VerdictOutcome.Inconclusive)]
    public void An_outcome_a_line_spells_otherwise_counts_as_inconclusive_never_as_a_decision(string written, VerdictOutcome counted)
    {
        var judgement = new JudgementResult("rubric", [new JudgementVerdict("llama", written, null, null, null, null, null, null)], null);
        RowJudgements.FromResults([judgement]).Single().Verdicts.Single().Outcome.Should().Be(counted);
    }
}
