using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Bench.LlmBar;

/// <summary>
/// The honest comparisons of issue 12: calibration and test on disjoint items; single judges calibrated the same way as panels;
/// aggregations chosen on calibration data only; cross-set transfer both ways; the judge cascade against GPT-4 alone; and the
/// agreement guarantee over random calibration/test splits.
/// </summary>
internal static class Honest
{
    private const int Splits = 200;
    private static readonly string[] Cheap = { "ChatGPT", "LLaMA2", "PaLM2" };
    private static readonly string[] All = { "ChatGPT", "LLaMA2", "PaLM2", "Falcon", "GPT-4" };

    public static void Run(Dictionary<string, IReadOnlyList<LlmBarItem>> items, Dictionary<(string Set, string Judge), Verdict[]> verdicts, Action<string> line)
    {
        BenchItem[] every = LlmBarData.Sets.SelectMany(set => items[set].Select(i => new BenchItem(set, i.Index, i.Label == 1 ? VerdictOutcome.Pass : VerdictOutcome.Fail))).ToArray();
        var byJudge = All.ToDictionary(j => j, j => (IReadOnlyDictionary<string, Verdict>)every.ToDictionary(i => i.Id, i => verdicts[(i.Set, j)][i.Index]));
        var data = new Data(every, byJudge);

        line("## Calibration that cannot invert, and honest comparisons");
        line("");
        line("Accuracy against the gold label on the test items only (never on the items calibrated on); a tie or inconclusive verdict counts as half right. Judges' verdicts use the MT-Bench rule (a win only when both presentation orders agree, else a tie). \"Sign-calibrated\" single judges are flipped when below chance on the calibration items (the same freedom an inverting panel has). \"Chosen on calibration data\" picks, per calibration set, the method with the best accuracy on the calibration items, then applies it to the test items.");
        line("");
        Transfer(data, "calibrated on the adversarial sets, tested on Natural", every.Where(i => !i.Natural).ToArray(), every.Where(i => i.Natural).ToArray(), line);
        Transfer(data, "calibrated on Natural, tested on the adversarial sets", every.Where(i => i.Natural).ToArray(), every.Where(i => !i.Natural).ToArray(), line);
        CrossValidated(data, line);
        EarlyStop(data, line);
        Cascade(data, line);
    }

    /// <summary>Every method, calibrated on <paramref name="calibration"/> and scored on <paramref name="test"/>.</summary>
    private static void Transfer(Data data, string title, BenchItem[] calibration, BenchItem[] test, Action<string> line)
    {
        line($"### Transfer: {title} ({calibration.Length} calibration items, {test.Length} test items)");
        line("");
        line("| method | accuracy | inconclusive |");
        line("| --- | --- | --- |");
        foreach ((string name, Func<BenchItem, VerdictOutcome> decide) in Methods(data, calibration))
        {
            (double accuracy, double inconclusive) = Score(test, decide);
            line($"| {name} | {P(accuracy)} | {P(inconclusive)} |");
        }

        line("");
    }

    /// <summary>5-fold cross-validation over every item of every set, without the set's identity, folds seeded.</summary>
    private static void CrossValidated(Data data, Action<string> line)
    {
        BenchItem[] shuffled = Shuffled(data.Items, new Random(2025));
        var results = new Dictionary<string, (double Right, int Inconclusive)>(StringComparer.Ordinal);
        var order = new List<string>();
        var chosen = new List<string>();
        for (int fold = 0; fold < 5; fold++)
        {
            BenchItem[] test = shuffled.Where((_, i) => i % 5 == fold).ToArray();
            BenchItem[] calibration = shuffled.Where((_, i) => i % 5 != fold).ToArray();
            foreach ((string name, Func<BenchItem, VerdictOutcome> decide) in Methods(data, calibration, chosen))
            {
                if (!results.ContainsKey(name))
                {
                    order.Add(name);
                    results[name] = (0, 0);
                }

                foreach (BenchItem item in test)
                {
                    VerdictOutcome outcome = decide(item);
                    (double right, int inconclusive) = results[name];
                    results[name] = (right + (outcome == VerdictOutcome.Inconclusive ? 0.5 : outcome == item.Label ? 1 : 0), inconclusive + (outcome == VerdictOutcome.Inconclusive ? 1 : 0));
                }
            }
        }

        line($"### 5-fold cross-validation over all {data.Items.Length} items of the five sets (folds drawn at random, seed 2025, without the set's identity)");
        line("");
        line("| method | accuracy | inconclusive |");
        line("| --- | --- | --- |");
        foreach (string name in order)
        {
            line($"| {name} | {P(results[name].Right / data.Items.Length)} | {P((double)results[name].Inconclusive / data.Items.Length)} |");
        }

        line("");
        line($"Chosen on calibration data, per fold: {string.Join(", ", chosen)}.");
        line("");
    }

    /// <summary>
    /// The methods, calibrated on <paramref name="calibration"/>: single judges as they are and sign-calibrated; panels of the
    /// three cheap judges and of all five by majority, reliability weights and Dawid-Skene, each by default (cannot invert) and
    /// with inversion allowed (the old behaviour); and the method chosen on the calibration data.
    /// </summary>
    private static List<(string Name, Func<BenchItem, VerdictOutcome> Decide)> Methods(Data data, BenchItem[] calibration, List<string>? chosen = null)
    {
        var methods = new List<(string Name, Func<BenchItem, VerdictOutcome> Decide)>();
        foreach (string judge in All)
        {
            methods.Add(($"{judge} alone", item => data.Verdict(judge, item).Outcome));
        }

        foreach (string judge in All)
        {
            bool flip = Score(calibration, item => data.Verdict(judge, item).Outcome).Accuracy < 0.5;
            methods.Add(($"{judge} alone, sign-calibrated{(flip ? " (flipped)" : string.Empty)}", item => flip ? Opposite(data.Verdict(judge, item).Outcome) : data.Verdict(judge, item).Outcome));
        }

        foreach ((string panel, string[] members) in new[] { ("cheap three", Cheap), ("all five", All) })
        {
            LabelledJudgement[] labelled = calibration.Select(item => new LabelledJudgement(members.Select(j => data.Verdict(j, item)).ToArray(), item.Label)).ToArray();
            methods.Add(($"{panel}: majority", Panel(data, members, MajorityAggregator.Instance)));
            foreach (bool invert in new[] { false, true })
            {
                string how = invert ? "inversion allowed (old behaviour)" : "cannot invert (default)";
                JudgeCalibrationReport report = JudgeCalibration.Fit(labelled, new CalibrationOptions { AllowInvertedJudges = invert });
                methods.Add(($"{panel}: reliability-weighted, {how}", report.Weights.Values.Any(w => w != 0) ? Panel(data, members, report.ToWeightedMajority()) : _ => VerdictOutcome.Inconclusive));
                methods.Add(($"{panel}: Dawid-Skene, {how}", Panel(data, members, new DawidSkeneAggregator(DawidSkeneModel.Fit(labelled, invert)))));
            }
        }

        // Chosen on the calibration items only: the best method there, applied to the test items.
        (string Name, Func<BenchItem, VerdictOutcome> Decide) best = methods.MaxBy(m => Score(calibration, m.Decide).Accuracy);
        chosen?.Add(best.Name);
        methods.Add(($"chosen on calibration data ({best.Name})", best.Decide));
        return methods;
    }

    private static Func<BenchItem, VerdictOutcome> Panel(Data data, string[] members, IVerdictAggregator aggregator)
    {
        var cache = new Dictionary<string, VerdictOutcome>(StringComparer.Ordinal);
        return item =>
        {
            if (!cache.TryGetValue(item.Id, out VerdictOutcome outcome))
            {
                outcome = aggregator.Decide(members.Select(j => data.Verdict(j, item)).ToArray()).Outcome;
                cache[item.Id] = outcome;
            }

            return outcome;
        };
    }

    /// <summary>Judge calls of panels over all items, with and without early stopping, and whether any verdict changed.</summary>
    private static void EarlyStop(Data data, Action<string> line)
    {
        line("### Early stopping (all 419 items; judge calls are model calls, 2 per judge and item plus re-asks of unreadable answers)");
        line("");
        line("| panel | aggregation | judge calls | with early stop | same verdicts |");
        line("| --- | --- | --- | --- | --- |");
        foreach ((string panel, string[] members) in new[] { ("cheap three", Cheap), ("all five", All) })
        {
            LabelledJudgement[] labelled = data.Items.Select(item => new LabelledJudgement(members.Select(j => data.Verdict(j, item)).ToArray(), item.Label)).ToArray();
            foreach ((string name, IVerdictAggregator aggregator) in new (string, IVerdictAggregator)[]
            {
                ("majority", MajorityAggregator.Instance),
                ("reliability-weighted, cannot invert (weights from all items: calls only)", JudgeCalibration.Fit(labelled).ToWeightedMajority()),
            })
            {
                IJudge[] judges = members.Select(j => (IJudge)new RecordedJudge(j, data.ByJudge[j])).ToArray();
                var full = new JudgePanel("panel", judges, aggregator, quorum: 1);
                var early = new JudgePanel("panel", judges, aggregator, quorum: 1, earlyStop: true);
                int fullCalls = 0, earlyCalls = 0;
                bool same = true;
                foreach (BenchItem item in data.Items)
                {
                    PanelVerdict a = full.JudgeAsync(new JudgeRequest(item.Id)).GetAwaiter().GetResult();
                    PanelVerdict b = early.JudgeAsync(new JudgeRequest(item.Id)).GetAwaiter().GetResult();
                    fullCalls += a.ModelCalls;
                    earlyCalls += b.ModelCalls;
                    same &= a.Outcome == b.Outcome;
                }

                line($"| {panel} | {name} | {fullCalls} | {earlyCalls} ({P(1 - ((double)earlyCalls / fullCalls))} fewer) | {(same ? "yes" : "NO")} |");
            }
        }

        line("");
    }

    /// <summary>The cascade (ChatGPT + LLaMA2 + PaLM2, then GPT-4) over random calibration/test splits.</summary>
    private static void Cascade(Data data, Action<string> line)
    {
        JudgeCascade collecting = NewCascade(data);
        collecting.AskAllTiers = true;
        Dictionary<string, CalibrationItem> labelled = data.Items.ToDictionary(
            i => i.Id,
            i => new CalibrationItem(i.Id, i.Label, collecting.JudgeAsync(new JudgeRequest(i.Id)).AsTask().GetAwaiter().GetResult().Cascade!.Steps.ToDictionary(s => s.Tier, s => s.Votes)));

        line($"## Judge cascade: ChatGPT + LLaMA2 + PaLM2 (6 votes: 3 judges x 2 orders), then GPT-4 (2 votes)");
        line("");
        line($"Each row: {Splits} random splits of the items into calibration and test halves (seeded by split number). Thresholds fitted by `CascadeCalibrator` (fixed-sequence testing, Clopper-Pearson, risk split over the tiers, judges weighted by reliability, at least \"min. decided\" items per tested threshold) on the calibration half only; the real `JudgeCascade` then judges the test half. \"Guaranteed\" abstains when GPT-4 is not confident either (its 2 votes disagree or its tier was not certified); \"GPT-4 decides the rest\" keeps the calibrated first tier and lets GPT-4 decide everything it reaches (a GPT-4 tie counts half, as for GPT-4 alone). GPT-4 share: test items on which GPT-4 was asked.");
        line("");
        line("| items | target | risk | min. decided | splits meeting the target (guaranteed; splits deciding nothing left out) | agreement on decided (mean) | coverage (mean) | GPT-4 share (guaranteed) | accuracy, GPT-4 decides the rest | GPT-4 share | GPT-4 alone | difference (points) | splits where tier 1 never decides | where it decides: accuracy vs GPT-4 alone, GPT-4 share |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach ((string pool, BenchItem[] poolItems) in new[] { ("Natural", data.Items.Where(i => i.Natural).ToArray()), ("adversarial sets", data.Items.Where(i => !i.Natural).ToArray()), ("all five sets", data.Items) })
        {
            foreach ((double target, int minimumDecided) in new[] { (0.8, 30), (0.85, 30), (0.9, 30), (0.8, 15), (0.85, 15) })
            {
                const double risk = 0.1;
                int met = 0, firstNever = 0, fitted = 0, decidedSomething = 0;
                double agreement = 0, coverage = 0, strongShare = 0, fallbackAccuracy = 0, fallbackStrong = 0, gpt4 = 0;
                double certifiedDifference = 0, certifiedStrong = 0;
                for (int split = 0; split < Splits; split++)
                {
                    BenchItem[] shuffled = Shuffled(poolItems, new Random(split));
                    BenchItem[] calibration = shuffled.Take(shuffled.Length / 2).ToArray();
                    BenchItem[] test = shuffled.Skip(shuffled.Length / 2).ToArray();
                    JudgeCascade cascade = NewCascade(data);
                    CascadeCalibration calibrated;
                    try
                    {
                        calibrated = CascadeCalibrator.Fit(calibration.Select(i => labelled[i.Id]).ToArray(), cascade.Shape(), target, risk, new CalibrationOptions { MinimumDecided = minimumDecided });
                    }
                    catch (CalibrationException)
                    {
                        continue;
                    }

                    fitted++;
                    firstNever += calibrated.Tiers[0].Threshold is null ? 1 : 0;
                    cascade.UseCalibration(calibrated);
                    Outcomes guaranteed = Judge(cascade, test);
                    if (guaranteed.Coverage > 0)
                    {
                        decidedSomething++;
                        met += guaranteed.Agreement >= target ? 1 : 0;
                        agreement += guaranteed.Agreement;
                    }

                    coverage += guaranteed.Coverage;
                    strongShare += guaranteed.StrongShare;

                    JudgeCascade fallback = NewCascade(data);
                    fallback.UseCalibration(WithStrongDeciding(calibrated));
                    Outcomes rest = Judge(fallback, test);
                    double alone = Score(test, i => data.Verdict("GPT-4", i).Outcome).Accuracy;
                    fallbackAccuracy += rest.Accuracy;
                    fallbackStrong += rest.StrongShare;
                    gpt4 += alone;
                    if (calibrated.Tiers[0].Threshold is not null)
                    {
                        certifiedDifference += rest.Accuracy - alone;
                        certifiedStrong += rest.StrongShare;
                    }
                }

                double n = Math.Max(1, fitted);
                string meeting = decidedSomething == 0 ? $"n/a (nothing decided in {fitted})" : $"{P((double)met / decidedSomething)} of {decidedSomething}";
                string mean = decidedSomething == 0 ? "n/a" : P(agreement / decidedSomething);
                line($"| {pool} ({poolItems.Length}) | {target:0.00} | {risk:0.0} | {minimumDecided} | {meeting} | {mean} | {P(coverage / n)} | {P(strongShare / n)} | {P(fallbackAccuracy / n)} | {P(fallbackStrong / n)} | {P(gpt4 / n)} | {((fallbackAccuracy - gpt4) / n * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} | {firstNever} | {(fitted == firstNever ? "n/a" : $"{(certifiedDifference / (fitted - firstNever) * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} points, GPT-4 on {P(certifiedStrong / (fitted - firstNever))}")} |");
            }
        }

        line("");
    }

    /// <summary>The calibration with GPT-4's tier deciding whenever it leans one way (threshold 0.5: both of its votes agree, or one abstains).</summary>
    private static CascadeCalibration WithStrongDeciding(CascadeCalibration calibration) => new()
    {
        Target = calibration.Target,
        Risk = calibration.Risk,
        CalibrationItems = calibration.CalibrationItems,
        Tiers = new[]
        {
            calibration.Tiers[0],
            new CascadeCalibrationTier { Name = calibration.Tiers[1].Name, Threshold = 0.5, Judges = calibration.Tiers[1].Judges },
        },
    };

    private static JudgeCascade NewCascade(Data data) => new("cascade", new[]
    {
        new CascadeTier("cheap", Cheap.Select(j => (IJudge)new RecordedJudge(j, data.ByJudge[j]))),
        new CascadeTier("strong", new IJudge[] { new RecordedJudge("GPT-4", data.ByJudge["GPT-4"]) }),
    });

    private static Outcomes Judge(JudgeCascade cascade, BenchItem[] test)
    {
        int decided = 0, right = 0, strong = 0;
        foreach (BenchItem item in test)
        {
            Verdict verdict = cascade.JudgeAsync(new JudgeRequest(item.Id)).AsTask().GetAwaiter().GetResult();
            strong += verdict.Cascade!.Steps.Count > 1 ? 1 : 0;
            if (verdict.Outcome != VerdictOutcome.Inconclusive)
            {
                decided++;
                right += verdict.Outcome == item.Label ? 1 : 0;
            }
        }

        return new Outcomes(
            decided == 0 ? 1 : (double)right / decided,
            (double)decided / test.Length,
            (right + (0.5 * (test.Length - decided))) / test.Length,
            (double)strong / test.Length);
    }

    private static (double Accuracy, double Inconclusive) Score(IReadOnlyCollection<BenchItem> items, Func<BenchItem, VerdictOutcome> decide)
    {
        double right = 0;
        int inconclusive = 0;
        foreach (BenchItem item in items)
        {
            VerdictOutcome outcome = decide(item);
            inconclusive += outcome == VerdictOutcome.Inconclusive ? 1 : 0;
            right += outcome == VerdictOutcome.Inconclusive ? 0.5 : outcome == item.Label ? 1 : 0;
        }

        return (right / items.Count, (double)inconclusive / items.Count);
    }

    private static BenchItem[] Shuffled(BenchItem[] items, Random random)
    {
        BenchItem[] copy = items.ToArray();
        random.Shuffle(copy);
        return copy;
    }

    private static VerdictOutcome Opposite(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => VerdictOutcome.Fail,
        VerdictOutcome.Fail => VerdictOutcome.Pass,
        _ => outcome,
    };

    private static string P(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private sealed record Outcomes(double Agreement, double Coverage, double Accuracy, double StrongShare);

    private sealed record Data(BenchItem[] Items, Dictionary<string, IReadOnlyDictionary<string, Verdict>> ByJudge)
    {
        public Verdict Verdict(string judge, BenchItem item) => ByJudge[judge][item.Id];
    }
}
