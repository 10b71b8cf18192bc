using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using EvalSpec.Bench.LlmBar;
using EvalSpec.Judging;

// LLMBar replay benchmark: each judge's recorded completions go through EvalSpec's PairwiseJudge (parsing,
// both presentation orders, MT-Bench rule), then panels aggregate the judges' verdicts.
string repoRoot = typeof(LlmBarData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
string root = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data", "llmbar-dev"));
const string Strategy = "Vanilla_NoRules";
string[] cheap = { "ChatGPT", "LLaMA2", "PaLM2" };
string[] all = { "ChatGPT", "LLaMA2", "PaLM2", "Falcon", "GPT-4" };
var report = new StringBuilder();
void Line(string text = "")
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

// Verdicts of every judge on every item of every set.
var verdicts = new Dictionary<(string Set, string Judge), Verdict[]>();
var calls = new Dictionary<(string Set, string Judge), int>();
var items = new Dictionary<string, IReadOnlyList<LlmBarItem>>();
foreach (string set in LlmBarData.Sets)
{
    items[set] = LlmBarData.Items(root, set);
    foreach (string judge in all)
    {
        var client = new ReplayChatClient(judge, items[set], LlmBarData.Judgements(root, set, judge, Strategy));
        var pairwise = new PairwiseJudge(judge, client, new LlmJudgeOptions { MaxRetries = 0 });
        verdicts[(set, judge)] = await Task.WhenAll(items[set].Select(item => pairwise.JudgeAsync(Request(item)).AsTask()));
        calls[(set, judge)] = client.Calls;
    }
}

Line($"LLMBar dev replay ({Strategy} completions of 5 judges; EvalSpec PairwiseJudge parsing and swap logic)");
Line();
Line("Per judge: accuracy against the gold label in each presentation order and their average, accuracy when both orders must be right, position consistency (both orders chose the same); LLMBar's own statistics.json in brackets.");
Line();
Line("| set | judge | acc. unswapped | acc. swapped | acc. average | both right | consistency | max diff (points) |");
Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
double worst = 0;
foreach (string set in LlmBarData.Sets)
{
    foreach (string judge in all)
    {
        Verdict[] v = verdicts[(set, judge)];
        IReadOnlyList<LlmBarItem> it = items[set];
        double unswapped = Mean(it.Select((item, i) => Label(v[i].Pairwise!.CandidateFirst) == item.Label));
        double swapped = Mean(it.Select((item, i) => Label(v[i].Pairwise!.ReferenceFirst) == item.Label));
        double both = Mean(it.Select((item, i) => Label(v[i].Pairwise!.CandidateFirst) == item.Label && Label(v[i].Pairwise!.ReferenceFirst) == item.Label));
        double equal = Mean(v.Select(x => x.Pairwise!.CandidateFirst == x.Pairwise!.ReferenceFirst));
        LlmBarStatistics theirs = LlmBarData.Statistics(root, set, judge, Strategy);
        double diff = new[] { unswapped - theirs.CorrectUnswapped, swapped - theirs.CorrectSwapped, (unswapped + swapped) / 2 - theirs.CorrectAverage, both - theirs.CorrectBoth, equal - theirs.Equal }.Max(d => Math.Abs(d)) * 100;
        worst = Math.Max(worst, diff);
        Line($"| {set} | {judge} | {P(unswapped)} [{P(theirs.CorrectUnswapped)}] | {P(swapped)} [{P(theirs.CorrectSwapped)}] | {P((unswapped + swapped) / 2)} [{P(theirs.CorrectAverage)}] | {P(both)} [{P(theirs.CorrectBoth)}] | {P(equal)} [{P(theirs.Equal)}] | {diff.ToString("0.0", CultureInfo.InvariantCulture)} |");
    }
}

Line();
Line($"Largest difference from LLMBar's statistics: {worst.ToString("0.0", CultureInfo.InvariantCulture)} points (target <= 1).");
Line();
Line("Panels: each judge's verdict under the MT-Bench rule (a win only when both orders agree, else a tie = abstention), aggregated per item. Accuracy counts a tie or inconclusive panel as half right (a coin flip); judge calls are model calls (2 per judge and item).");
Line();
Line("| set | panel | aggregation | accuracy | inconclusive | judge calls | with early stop | same verdicts |");
Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (string set in LlmBarData.Sets.Append("all sets"))
{
    string[] sets = set == "all sets" ? LlmBarData.Sets : new[] { set };
    foreach (string judge in cheap)
    {
        (double accuracy, double inconclusive) = Score(sets, s => verdicts[(s, judge)].Select(v => v.Outcome).ToArray());
        Line($"| {set} | {judge} alone | MT-Bench rule | {P(accuracy)} | {P(inconclusive)} | {sets.Sum(s => calls[(s, judge)])} | | |");
    }

    foreach ((string name, string[] members) in new[] { ("ChatGPT+LLaMA2+PaLM2", cheap), ("all five", all) })
    {
        foreach ((string label, Func<string, int, IVerdictAggregator> aggregator) in Aggregators(members))
        {
            PanelRun[] full = sets.Select(s => Panel(s, members, i => aggregator(s, i), earlyStop: false)).ToArray();
            PanelRun[] early = sets.Select(s => Panel(s, members, i => aggregator(s, i), earlyStop: true)).ToArray();
            (double accuracy, double inconclusive) = Score(sets, s => full[Array.IndexOf(sets, s)].Outcomes);
            int allCalls = full.Sum(r => r.Calls);
            int earlyCalls = early.Sum(r => r.Calls);
            bool identical = full.Zip(early).All(p => p.First.Outcomes.SequenceEqual(p.Second.Outcomes));
            Line($"| {set} | {name} | {label} | {P(accuracy)} | {P(inconclusive)} | {allCalls} | {earlyCalls} ({P(1 - (double)earlyCalls / allCalls)} fewer) | {(identical ? "yes" : "NO")} |");
        }
    }
}

string output = Path.Combine(repoRoot, "bench", "EvalSpec.Bench.LlmBar", "results.md");
File.WriteAllText(output, report.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
Console.WriteLine($"\nWritten to {output}");
return worst <= 1 ? 0 : 1;

// A panel over recorded verdicts: each judge "answers" with its verdict on the item, counting its calls.
PanelRun Panel(string set, string[] members, Func<int, IVerdictAggregator> aggregatorFor, bool earlyStop)
{
    IJudge[] judges = members.Select(j => (IJudge)new RecordedJudge(j, verdicts[(set, j)])).ToArray();
    PanelVerdict[] results = items[set]
        .Select(item => new JudgePanel("panel", judges, aggregatorFor(item.Index), quorum: 1, earlyStop: earlyStop)
            .JudgeAsync(new JudgeRequest(item.Index.ToString(CultureInfo.InvariantCulture))).GetAwaiter().GetResult())
        .ToArray();
    return new PanelRun(results.Select(r => r.Outcome).ToArray(), results.Sum(r => r.ModelCalls));
}

(double Accuracy, double Inconclusive) Score(string[] sets, Func<string, VerdictOutcome[]> outcomes)
{
    double right = 0;
    int total = 0, inconclusive = 0;
    foreach (string s in sets)
    {
        VerdictOutcome[] o = outcomes(s);
        for (int i = 0; i < o.Length; i++)
        {
            total++;
            int gold = items[s][i].Label;
            if (o[i] == VerdictOutcome.Inconclusive)
            {
                inconclusive++;
                right += 0.5;
            }
            else if ((o[i] == VerdictOutcome.Pass ? 1 : 2) == gold)
            {
                right += 1;
            }
        }
    }

    return (right / total, (double)inconclusive / total);
}

// Aggregations. Those that learn from labels never see the item they decide: they learn either from the other
// four sets, or (as a team calibrating its judges on its own data would) from the other four fifths of the same
// set (5-fold cross-validation by item index).
IEnumerable<(string Label, Func<string, int, IVerdictAggregator> Create)> Aggregators(string[] members)
{
    yield return ("majority", (_, _) => MajorityAggregator.Instance);
    yield return ("reliability-weighted, calibrated on the other sets", Cached((set, _) => Weighted(members, OtherSets(set))));
    yield return ("reliability-weighted, 5-fold calibration in the set", Cached((set, index) => Weighted(members, OtherFolds(set, index))));
    yield return ("Dawid-Skene, calibrated on the other sets", Cached((set, _) => Supervised(members, OtherSets(set))));
    yield return ("Dawid-Skene, 5-fold calibration in the set", Cached((set, index) => Supervised(members, OtherFolds(set, index))));
    yield return ("Dawid-Skene, unsupervised EM on the set", Cached((set, _) => new DawidSkeneAggregator(DawidSkeneModel.Fit(
        items[set].Select(item => (IReadOnlyList<Verdict>)members.Select(j => verdicts[(set, j)][item.Index]).ToArray()).ToArray()))));
}

IEnumerable<(string Set, LlmBarItem Item)> OtherSets(string set) =>
    LlmBarData.Sets.Where(s => s != set).SelectMany(s => items[s].Select(item => (s, item)));

IEnumerable<(string Set, LlmBarItem Item)> OtherFolds(string set, int index) =>
    items[set].Where(item => item.Index % 5 != index % 5).Select(item => (set, item));

IVerdictAggregator Weighted(string[] members, IEnumerable<(string Set, LlmBarItem Item)> calibration)
{
    var labelled = calibration.ToArray();
    return new WeightedMajorityAggregator(ReliabilityWeights.FromAccuracy(members.ToDictionary(j => j, j => DecidedAccuracy(labelled, j))));
}

IVerdictAggregator Supervised(string[] members, IEnumerable<(string Set, LlmBarItem Item)> calibration) =>
    new DawidSkeneAggregator(DawidSkeneModel.Fit(calibration.Select(c => new LabelledJudgement(
        members.Select(j => verdicts[(c.Set, j)][c.Item.Index]).ToArray(),
        c.Item.Label == 1 ? VerdictOutcome.Pass : VerdictOutcome.Fail))));

// Fitting once per set and fold (aggregators learning from other sets fit the same model for each fold).
static Func<string, int, IVerdictAggregator> Cached(Func<string, int, IVerdictAggregator> create)
{
    var cache = new Dictionary<(string, int), IVerdictAggregator>();
    return (set, index) =>
    {
        (string, int) key = (set, index % 5);
        if (!cache.TryGetValue(key, out IVerdictAggregator? aggregator))
        {
            aggregator = create(set, index);
            cache[key] = aggregator;
        }

        return aggregator;
    };
}

// Share of right answers among the calibration items a judge decided (not a tie).
double DecidedAccuracy(IEnumerable<(string Set, LlmBarItem Item)> calibration, string judge)
{
    int right = 0, decided = 0;
    foreach ((string set, LlmBarItem item) in calibration)
    {
        Verdict v = verdicts[(set, judge)][item.Index];
        if (v.Outcome == VerdictOutcome.Inconclusive)
        {
            continue;
        }

        decided++;
        right += (v.Outcome == VerdictOutcome.Pass ? 1 : 2) == item.Label ? 1 : 0;
    }

    return decided == 0 ? 0.5 : (double)right / decided;
}

static JudgeRequest Request(LlmBarItem item) => new(item.Output1) { Input = item.Instruction, ReferenceOutput = item.Output2 };

static int? Label(PairwiseChoice choice) => choice switch
{
    PairwiseChoice.Candidate => 1,
    PairwiseChoice.Reference => 2,
    _ => null,
};

static double Mean(IEnumerable<bool> values)
{
    bool[] all = values.ToArray();
    return all.Length == 0 ? 0 : (double)all.Count(v => v) / all.Length;
}

static string P(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

/// <summary>Panel outcomes per item and the model calls they took.</summary>
internal sealed record PanelRun(VerdictOutcome[] Outcomes, int Calls);
