using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FaqBot;
using Microsoft.Extensions.AI;

// Calibration set: every distinct expected answer of examples/FaqBot.Evals (keep this list in step with its [Case]s)
// against every answer the bot can give: it answers only with an FAQ entry's answer or its fallback. A pair is labelled
// "states the expected answer" by the expected-answer rule (ExpectedAnswerJudge: the expected phrase, or at least half of
// its words with every number and negation). The rows' outcomes are not used: the pairs are all possible outputs, not
// the ones the bot chose.
string[] expectedAnswers =
{
    "30 days", "14 days", "3 to 5 business days", "$14.99", "Canada", "tracking number", "Processing", "48 hours",
    "2 years", "PayPal", "4 interest-free installments", "never expire", "10%", "contact support",
};
string[] outputs = FaqKnowledgeBase.LoadDefaultEntries().Select(e => e.Answer).Append(SupportBot.FallbackAnswer).ToArray();

using var generator = new MiniLmEmbeddingGenerator();
var labelJudge = new ExpectedAnswerJudge();
var pairs = new List<(bool States, double Cosine, double RougeLRecall)>();
foreach (string expected in expectedAnswers)
{
    GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(outputs.Append(expected).ToArray());
    ReadOnlyMemory<float> reference = embeddings[^1].Vector;
    for (int i = 0; i < outputs.Length; i++)
    {
        Verdict label = await labelJudge.JudgeAsync(new JudgeRequest(outputs[i]) { Expected = expected });
        pairs.Add((label.Outcome == VerdictOutcome.Pass, Cosine(embeddings[i].Vector.Span, reference.Span), RougeL.Score(outputs[i], expected).Recall));
    }
}

int positives = pairs.Count(p => p.States);
Console.WriteLine(Invariant($"{pairs.Count} pairs ({expectedAnswers.Length} expected answers x {outputs.Length} possible answers): {positives} state the expected answer, {pairs.Count - positives} do not."));
Console.WriteLine();
Console.WriteLine("MiniLM cosine similarity between the answer and the expected answer (EmbeddingSimilarityJudge):");
Describe("  stating it    ", pairs.Where(p => p.States).Select(p => p.Cosine));
Describe("  not stating it", pairs.Where(p => !p.States).Select(p => p.Cosine));
(double best, double balanced) = Enumerable.Range(0, 101).Select(t => t / 100.0).Select(t => (t, BalancedAccuracy(t, p => p.Cosine))).MaxBy(x => x.Item2);
foreach (double t in new[] { 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.50, 0.75 })
{
    Report(Invariant($"  threshold {t:0.00}"), t, p => p.Cosine);
}

Console.WriteLine(Invariant($"  best balanced accuracy: {balanced:0.000} at threshold {best:0.00} (the default 0.75 is for comparing two answers, not a key fact with an answer)"));
Console.WriteLine();
Console.WriteLine("ROUGE-L recall of the expected answer in the answer (RougeLJudge, Measure = Recall):");
foreach (double t in new[] { 0.5, 1.0 })
{
    Report(Invariant($"  threshold {t:0.00}"), t, p => p.RougeLRecall);
}

double BalancedAccuracy(double threshold, Func<(bool States, double Cosine, double RougeLRecall), double> score) =>
    (pairs.Where(p => p.States).Average(p => score(p) >= threshold ? 1.0 : 0.0) + pairs.Where(p => !p.States).Average(p => score(p) < threshold ? 1.0 : 0.0)) / 2;

void Report(string label, double threshold, Func<(bool States, double Cosine, double RougeLRecall), double> score)
{
    double passRight = pairs.Where(p => p.States).Average(p => score(p) >= threshold ? 1.0 : 0.0);
    double failWrong = pairs.Where(p => !p.States).Average(p => score(p) < threshold ? 1.0 : 0.0);
    Console.WriteLine(Invariant($"{label}: passes {100 * passRight:0}% of the answers stating it, fails {100 * failWrong:0}% of the others (balanced accuracy {(passRight + failWrong) / 2:0.000})"));
}

static void Describe(string label, IEnumerable<double> values)
{
    double[] sorted = values.Order().ToArray();
    double Quantile(double q) => sorted[(int)Math.Floor(q * (sorted.Length - 1))];
    Console.WriteLine(Invariant($"{label}: min {sorted[0]:0.000}, quartiles {Quantile(0.25):0.000} / {Quantile(0.5):0.000} / {Quantile(0.75):0.000}, max {sorted[^1]:0.000}"));
}

static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    double dot = 0, normA = 0, normB = 0;
    for (int i = 0; i < a.Length; i++)
    {
        dot += (double)a[i] * b[i];
        normA += (double)a[i] * a[i];
        normB += (double)b[i] * b[i];
    }

    return dot / Math.Sqrt(normA * normB);
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
