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
string[] all = { "ChatGPT", "LLaMA2", "PaLM2", "Falcon", "GPT-4" };
var report = new StringBuilder();
void Line(string text = "")
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

// Verdicts of every judge on every item of every set.
var verdicts = new Dictionary<(string Set, string Judge), Verdict[]>();
var items = new Dictionary<string, IReadOnlyList<LlmBarItem>>();
foreach (string set in LlmBarData.Sets)
{
    items[set] = LlmBarData.Items(root, set);
    foreach (string judge in all)
    {
        var client = new ReplayChatClient(judge, items[set], LlmBarData.Judgements(root, set, judge, Strategy));
        var pairwise = new PairwiseJudge(judge, client, new LlmJudgeOptions { MaxRetries = 0 });
        verdicts[(set, judge)] = await Task.WhenAll(items[set].Select(item => pairwise.JudgeAsync(Request(item)).AsTask()));
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
Honest.Run(items, verdicts, Line);

string output = Path.Combine(repoRoot, "bench", "EvalSpec.Bench.LlmBar", "results.md");
File.WriteAllText(output, report.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
Console.WriteLine($"\nWritten to {output}");
return worst <= 1 ? 0 : 1;

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


