using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FaqBot;
using FaqBot.Evals;

// Calibration set: every distinct expected answer of examples/FaqBot.Evals (keep this list in step with its [Case]s)
// against every answer the bot can give: it answers only with an FAQ entry's answer or its fallback. The rows' outcomes
// are not used: the pairs are all possible outputs, not the ones the bot chose.
//
// Labels are written by hand, not computed by any judge (a label computed by the expected-answer rule would make every
// judge that copies that rule look perfect, which is what the panel must not be): for each expected answer, the answers
// that state that fact to a customer reading them, in any wording. Where the wording is close but the fact is not the
// same, the pair is labelled "does not state it": "7 to 14 business days" does not state "14 days"; "3 years in total"
// does not state "2 years"; "within 5 business days" does not state "3 to 5 business days".
const string Fallback = "fallback";   // the label id of the bot's fallback answer
var statedBy = new Dictionary<string, string[]>(StringComparer.Ordinal)
{
    ["30 days"] = ["return-policy", "return-window-laptops", "software-returns", "exchanges", "extended-protection"],
    ["14 days"] = ["return-policy", "return-window-headphones", "exchanges", "wrong-item", "price-match"],
    ["3 to 5 business days"] = ["refund-timing", "shipping-times"],
    ["$14.99"] = ["shipping-costs"],
    ["Canada"] = ["international-shipping"],
    ["tracking number"] = ["order-tracking", "change-order-address"],
    ["Processing"] = ["order-cancellation", "change-order-address"],
    ["48 hours"] = ["damaged-item"],
    ["2 years"] = ["warranty-coverage"],
    ["PayPal"] = ["payment-methods"],
    ["4 interest-free installments"] = ["installments"],
    ["never expire"] = ["gift-cards"],
    ["10%"] = ["student-discount"],
    ["contact support"] = [Fallback, "contact-support", "change-order-address"],
};

IReadOnlyList<FaqEntry> entries = FaqKnowledgeBase.LoadDefaultEntries();
var outputs = entries.Select(e => (Id: e.Id, Text: e.Answer)).Append((Id: Fallback, Text: SupportBot.FallbackAnswer)).ToArray();
foreach (string id in statedBy.Values.SelectMany(ids => ids).Where(id => outputs.All(o => o.Id != id)))
{
    throw new InvalidOperationException($"The label list names FAQ entry '{id}', which examples/FaqBot/knowledge/faq.json does not have.");
}

var pairs = new List<Pair>();
foreach ((string expected, string[] ids) in statedBy)
{
    foreach ((string id, string text) in outputs)
    {
        pairs.Add(new Pair(expected, id, text, ids.Contains(id)));
    }
}

int positives = pairs.Count(p => p.States);
Console.WriteLine(Invariant($"{pairs.Count} pairs ({statedBy.Count} expected answers x {outputs.Length} possible answers): {positives} state the expected answer (hand labels), {pairs.Count - positives} do not."));
Console.WriteLine();

using var generator = new MiniLmEmbeddingGenerator();

// Each candidate is the real judge, asked through IJudge.JudgeAsync exactly as a row's panel asks it. A threshold sweep
// asks one judge with threshold 0 for its score and applies each threshold to the score, which is what the judge does.
Console.WriteLine("Threshold sweeps (pass rate on the answers stating the fact / fail rate on the others / balanced accuracy):");
await Sweep("rouge-l-recall", new RougeLJudge(0.0) { Measure = RougeLMeasure.Recall }, [0.5, 0.67, 0.75, 1.0]);
await Sweep("token-f1", new TokenF1Judge(0.0), [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15, 0.20]);
await Sweep("minilm-similarity", new EmbeddingSimilarityJudge(generator, 0.0), [0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.50, 0.75]);
Console.WriteLine();

// The panel's judges at their chosen settings, the expected-answer rule (each row's own check) for comparison, and the
// numeric judge that was considered.
IReadOnlyList<IJudge> panel = EvalSetupForFaqBot.CreatePanelJudges(generator);
IJudge[] others =
[
    new ExpectedAnswerJudge(),
    new NumericToleranceJudge(),
];
IJudge[] candidates = panel.Concat(others.Where(o => panel.All(p => p.Name != o.Name))).ToArray();
var verdicts = new Dictionary<string, VerdictOutcome[]>(StringComparer.Ordinal);
foreach (IJudge judge in candidates)
{
    verdicts[judge.Name] = await Outcomes(judge);
}

Console.WriteLine("Each judge on the calibration pairs (balanced accuracy over the pairs it decided; inconclusive pairs counted apart):");
foreach (IJudge judge in candidates)
{
    VerdictOutcome[] outcomes = verdicts[judge.Name];
    string role = panel.Contains(judge) ? "panel" : judge is ExpectedAnswerJudge ? "each row's own check" : "not on the panel";
    Console.WriteLine(Invariant($"  {judge.Name,-22} {Describe(outcomes)}   ({role})"));
}

VerdictOutcome[] panelOutcomes = PanelOutcomes(panel.Select(j => j.Name).ToArray());
Console.WriteLine(Invariant($"  {"the panel",-22} {Describe(panelOutcomes)}   (majority, quorum {JudgePanel.MajorityQuorum(panel.Count)} of {panel.Count})"));
Console.WriteLine();

// Other panels that were considered, on the same pairs (a tie or too few deciding judges is inconclusive).
Console.WriteLine("Panels considered (majority, default quorum):");
string[][] considered =
[
    panel.Select(j => j.Name).ToArray(),
    ["numeric-tolerance", "rouge-l-recall", "minilm-similarity"],
    ["numeric-tolerance", "token-f1", "minilm-similarity"],
    ["numeric-tolerance", "rouge-l-recall", "token-f1", "minilm-similarity"],
    ["expected-answer", "rouge-l-recall", "minilm-similarity"],
];
foreach (string[] names in considered.DistinctBy(n => string.Join(",", n)))
{
    VerdictOutcome[] outcomes = PanelOutcomes(names);
    var both = Enumerable.Range(0, pairs.Count).Where(i => Decided(outcomes[i])).Select(i => (outcomes[i], verdicts[ExpectedAnswerJudge.JudgeName][i])).ToArray();
    double? kappa = CohensKappa.Compute(both);
    Console.WriteLine(Invariant($"  {string.Join(" + ", names)}: {Describe(outcomes)}; kappa with the expected-answer rule {(kappa is double k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "undefined")}"));
}

Console.WriteLine();

Console.WriteLine("Pairwise agreement on the calibration pairs both judges decided (observed agreement, Cohen's kappa):");
for (int a = 0; a < candidates.Length; a++)
{
    for (int b = a + 1; b < candidates.Length; b++)
    {
        VerdictOutcome[] first = verdicts[candidates[a].Name];
        VerdictOutcome[] second = verdicts[candidates[b].Name];
        var both = Enumerable.Range(0, pairs.Count).Where(i => Decided(first[i]) && Decided(second[i])).Select(i => (first[i], second[i])).ToArray();
        double? kappa = CohensKappa.Compute(both);
        string agreement = both.Length == 0 ? "no pair decided by both" : Invariant($"{100.0 * both.Count(p => p.Item1 == p.Item2) / both.Length:0}% of {both.Length}, kappa {(kappa is double k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "undefined")}");
        Console.WriteLine(Invariant($"  {candidates[a].Name + " / " + candidates[b].Name,-45} {agreement}"));
    }
}

Console.WriteLine();
Console.WriteLine("Pairs the expected-answer rule (each row's own check) gets wrong against the hand labels:");
VerdictOutcome[] rule = verdicts[ExpectedAnswerJudge.JudgeName];
for (int i = 0; i < pairs.Count; i++)
{
    if (Decided(rule[i]) && (rule[i] == VerdictOutcome.Pass) != pairs[i].States)
    {
        string panelSays = panelOutcomes[i].ToString().ToLowerInvariant();
        Console.WriteLine(Invariant($"  \"{pairs[i].Expected}\" vs {pairs[i].OutputId}: rule {rule[i].ToString().ToLowerInvariant()}, label {(pairs[i].States ? "states it" : "does not")}, panel {panelSays}"));
    }
}

async Task<VerdictOutcome[]> Outcomes(IJudge judge)
{
    var outcomes = new VerdictOutcome[pairs.Count];
    for (int i = 0; i < pairs.Count; i++)
    {
        outcomes[i] = (await judge.JudgeAsync(new JudgeRequest(pairs[i].Output) { Expected = pairs[i].Expected }).ConfigureAwait(false)).Outcome;
    }

    return outcomes;
}

async Task Sweep(string name, IJudge judge, double[] thresholds)
{
    var scores = new double[pairs.Count];
    for (int i = 0; i < pairs.Count; i++)
    {
        scores[i] = (await judge.JudgeAsync(new JudgeRequest(pairs[i].Output) { Expected = pairs[i].Expected }).ConfigureAwait(false)).Score ?? 0.0;
    }

    foreach (double t in thresholds)
    {
        VerdictOutcome[] outcomes = scores.Select(s => s >= t ? VerdictOutcome.Pass : VerdictOutcome.Fail).ToArray();
        Console.WriteLine(Invariant($"  {name} {t:0.00}: {Describe(outcomes)}"));
    }
}

string Describe(VerdictOutcome[] outcomes)
{
    int[] decidedPositive = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].States && Decided(outcomes[i])).ToArray();
    int[] decidedNegative = Enumerable.Range(0, pairs.Count).Where(i => !pairs[i].States && Decided(outcomes[i])).ToArray();
    int inconclusive = outcomes.Count(o => !Decided(o));
    if (decidedPositive.Length == 0 || decidedNegative.Length == 0)
    {
        return Invariant($"too few decided pairs ({inconclusive} inconclusive)");
    }

    double passRight = decidedPositive.Average(i => outcomes[i] == VerdictOutcome.Pass ? 1.0 : 0.0);
    double failWrong = decidedNegative.Average(i => outcomes[i] == VerdictOutcome.Fail ? 1.0 : 0.0);
    return Invariant($"passes {100 * passRight,3:0}% of {decidedPositive.Length,2} stating it, fails {100 * failWrong,3:0}% of {decidedNegative.Length,3} others, balanced accuracy {(passRight + failWrong) / 2:0.000}, {inconclusive} inconclusive");
}

VerdictOutcome[] PanelOutcomes(string[] names) =>
    Enumerable.Range(0, pairs.Count).Select(i => PanelOutcome(names.Select(n => verdicts[n][i]).ToArray())).ToArray();

static VerdictOutcome PanelOutcome(VerdictOutcome[] votes)
{
    // The panel of a row: majority of the deciding judges, inconclusive on a tie or below the default quorum.
    int pass = votes.Count(v => v == VerdictOutcome.Pass);
    int fail = votes.Count(v => v == VerdictOutcome.Fail);
    if (pass + fail < JudgePanel.MajorityQuorum(votes.Length) || pass == fail)
    {
        return VerdictOutcome.Inconclusive;
    }

    return pass > fail ? VerdictOutcome.Pass : VerdictOutcome.Fail;
}

static bool Decided(VerdictOutcome outcome) => outcome is VerdictOutcome.Pass or VerdictOutcome.Fail;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

/// <summary>One calibration pair: an expected answer, a possible answer of the bot, and the hand label.</summary>
internal sealed record Pair(string Expected, string OutputId, string Output, bool States);
