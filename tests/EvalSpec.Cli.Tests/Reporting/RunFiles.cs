using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>One row of a run to write: identity rows carry an expected-answer check and a two-judge rubric panel.</summary>
/// <param name="Method">The eval method's name (in the class Shop.RefundEvals).</param>
/// <param name="Case">The case id.</param>
/// <param name="Variant">The prompt variant key.</param>
/// <param name="Outcome">pass, fail or inconclusive.</param>
/// <param name="Relation">The relation key, or identity.</param>
/// <param name="Applicable">False for a relation that did not change the input.</param>
internal sealed record ResultRow(string Method, string Case, string Variant, string Outcome, string Relation = "identity", bool Applicable = true)
{
    public string RowId => $"{RunFiles.Suite}.{Method}/{Case}/{Variant}/{Relation}";
}

/// <summary>
/// Writes run folders as the EvalSpec runtime does (<c>&lt;project&gt;/TestResults/evalspec/&lt;run id&gt;/</c> with
/// results.jsonl and summary.json), in the shape of real runs: checks with verdicts, model ids and token counts, panels
/// with agreement statistics, multi-prompt and robustness sections.
/// </summary>
internal static class RunFiles
{
    public const string Suite = "Shop.RefundEvals";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>RefundWindow: 12 cases under formal, 4 under casual; Warranty: 4 cases with a typos row each (one not applicable).</summary>
    public static List<ResultRow> Suite16()
    {
        var rows = new List<ResultRow>();
        rows.AddRange(Enumerable.Range(0, 12).Select(i => new ResultRow("RefundWindow", $"c{i:00}", "formal", "pass")));
        rows.AddRange(Enumerable.Range(0, 4).Select(i => new ResultRow("RefundWindow", $"c{i:00}", "casual", i == 3 ? "fail" : "pass")));
        rows.AddRange(Enumerable.Range(0, 4).Select(i => new ResultRow("Warranty", $"w{i}", "plain", "pass")));
        rows.AddRange(Enumerable.Range(0, 4).Select(i => new ResultRow("Warranty", $"w{i}", "plain", i == 0 ? "fail" : "pass", "typos", Applicable: i != 3)));
        return rows;
    }

    /// <summary>The rows with the outcome of the named identity rows of RefundWindow under formal replaced.</summary>
    public static List<ResultRow> Failing(IEnumerable<ResultRow> rows, string outcome, params string[] cases) =>
        rows.Select(r => r.Method == "RefundWindow" && r.Variant == "formal" && r.Relation == "identity" && cases.Contains(r.Case) ? r with { Outcome = outcome } : r).ToList();

    /// <summary>Writes the run and returns its folder.</summary>
    /// <param name="sample">For a sampled run (EVALSPEC_SAMPLE): the population the rows were drawn from and the estimate the summary reports.</param>
    /// <param name="population">
    /// The rows of a sample's population, listed in summary.json as the runtime lists them (<c>sample.populationRows</c>);
    /// null to leave the list out, as an older EvalSpec did.
    /// </param>
    public static string Write(string projectDirectory, string runId, IEnumerable<ResultRow> rows, bool withSummary = true, DateTime? written = null, (int Population, double Estimate, double StandardError)? sample = null, IEnumerable<ResultRow>? population = null)
    {
        ResultRow[] all = rows.ToArray();
        string folder = Path.Combine(projectDirectory, "TestResults", "evalspec", runId);
        Directory.CreateDirectory(folder);
        string results = Path.Combine(folder, "results.jsonl");
        File.WriteAllLines(results, all.Select(r => JsonSerializer.Serialize(Line(runId, r))));
        if (withSummary)
        {
            Dictionary<string, object?> summary = Summary(runId, all);
            if (sample is { } drawn)
            {
                summary["sample"] = new
                {
                    budget = all.Length,
                    population = drawn.Population,
                    selected = all.Length,
                    skippedOutsideSample = drawn.Population - all.Length,
                    judgedOutsidePopulation = 0,
                    estimatedPassRate = drawn.Estimate,
                    standardError = drawn.StandardError,
                    confidenceInterval95 = new[] { Math.Max(0, drawn.Estimate - (1.96 * drawn.StandardError)), Math.Min(1, drawn.Estimate + (1.96 * drawn.StandardError)) },
                    judged = all.Length,
                    unsampledPopulation = 0,
                    populationRows = population?.Select(r => r.RowId).Order(StringComparer.Ordinal).ToArray(),
                };
            }

            File.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(summary, Indented));
        }

        if (written is DateTime time)
        {
            foreach (string file in Directory.EnumerateFiles(folder))
            {
                File.SetLastWriteTimeUtc(file, time);
            }
        }

        return folder;
    }

    private static Dictionary<string, object?> Line(string runId, ResultRow row)
    {
        bool identity = row.Relation == "identity";
        double score = row.Outcome == "pass" ? 0.9 : row.Outcome == "fail" ? 0.1 : 0.5;
        string expected = row.Outcome == "fail" ? "fail" : "pass";
        var line = new Dictionary<string, object?>
        {
            ["runId"] = runId,
            ["rowId"] = row.RowId,
            ["suite"] = Suite,
            ["method"] = row.Method,
            ["case"] = row.Case,
            ["variant"] = row.Variant,
            ["relation"] = row.Relation,
            ["relationKind"] = identity ? null : "invariant",
            ["inputs"] = new { product = row.Case },
            ["prompt"] = $"What is the refund window for {row.Case}?",
            ["expected"] = identity ? "30 days" : null,
            ["output"] = row.Outcome == "pass" ? "You can return it within 30 days." : "Returns are accepted within 14 days.",
            ["outcome"] = row.Applicable ? row.Outcome : "not-applicable",
            ["checks"] = !row.Applicable ? Array.Empty<object>() : identity
                ? new object[]
                {
                    Check("expected-answer", expected, expected == "pass" ? 1 : 0, Verdict("expected-answer", expected, expected == "pass" ? 1 : 0, null, 0, 0)),
                    Check("rubric", row.Outcome, row.Outcome == "inconclusive" ? null : score,
                        Verdict("llama", row.Outcome == "inconclusive" ? "inconclusive" : row.Outcome, row.Outcome == "inconclusive" ? null : score, "llama-3.1-8b", 812, 64),
                        Verdict("qwen", row.Outcome, row.Outcome == "inconclusive" ? null : score, "qwen2.5-7b", 790, 58)),
                }
                : new object[] { Check($"relation {row.Relation} (invariant)", row.Outcome, row.Outcome == "pass" ? 0.8 : 0.2, Verdict("token-f1-invariance", row.Outcome, row.Outcome == "pass" ? 0.8 : 0.2, null, 0, 0)) },
            ["reason"] = !row.Applicable
                ? $"relation '{row.Relation}' did not change the prompt, so there is nothing to check for this case"
                : row.Outcome switch { "fail" => identity ? "failed check(s): expected-answer, rubric" : $"failed check(s): relation {row.Relation} (invariant)", "inconclusive" => "inconclusive check(s): rubric", _ => null },
            ["latencyMs"] = 120.5,
            ["startedAt"] = "2026-03-14T09:00:00+00:00",
            ["inputSimilarity"] = identity || !row.Applicable ? null : 0.92,
        };
        return line.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
    }

    private static object Check(string name, string outcome, double? score, params object[] verdicts) =>
        new { name, outcome, score, rationale = outcome == "pass" ? "states the 30-day window" : outcome == "fail" ? "states 14 days, not 30" : "the judges tied", verdicts };

    private static Dictionary<string, object?> Verdict(string judge, string outcome, double? score, string? model, long input, long output)
    {
        var verdict = new Dictionary<string, object?>
        {
            ["judge"] = judge,
            ["outcome"] = outcome,
            ["score"] = score,
            ["rationale"] = "Verdict: " + outcome,
            ["latencyMs"] = 35.2,
        };
        if (model is not null)
        {
            verdict["modelCalls"] = 1;
            verdict["model"] = model;
            verdict["inputTokens"] = input;
            verdict["outputTokens"] = output;
        }

        return verdict;
    }

    private static Dictionary<string, object?> Summary(string runId, ResultRow[] rows)
    {
        ResultRow[] identity = rows.Where(r => r.Relation == "identity").ToArray();
        var multiPrompt = new Dictionary<string, object>();
        foreach (IGrouping<string, ResultRow> method in identity.GroupBy(r => $"{Suite}.{r.Method}"))
        {
            string[] variants = method.Select(r => r.Variant).Distinct().ToArray();
            if (variants.Length < 2)
            {
                continue;
            }

            string[] cases = method.Select(r => r.Case).Distinct().Where(c => variants.All(v => method.Any(r => r.Case == c && r.Variant == v && r.Outcome != "inconclusive"))).ToArray();
            Dictionary<string, double> rates = variants.ToDictionary(v => v, v => cases.Count(c => method.Single(r => r.Case == c && r.Variant == v).Outcome == "pass") / (double)cases.Length);
            double max = rates.Values.Max(), avg = rates.Values.Average();
            multiPrompt[method.Key] = new
            {
                variants,
                casesUsed = cases.Length,
                cases = method.Select(r => r.Case).Distinct().Count(),
                variantPassRate = rates,
                maxP = max,
                avgP = avg,
                saturation = 1 - (max - avg),
                cps = (1 - (max - avg)) * max,
                perCase = cases.ToDictionary(c => c, c => new { passingVariants = variants.Where(v => method.Single(r => r.Case == c && r.Variant == v).Outcome == "pass").ToArray() }),
            };
        }

        int Count(string outcome) => rows.Count(r => r.Applicable && r.Outcome == outcome);
        int judgements = identity.Length;
        return new Dictionary<string, object?>
        {
            ["runId"] = runId,
            ["configuration"] = null,
            ["finishedAt"] = "2026-03-14T09:00:05+00:00",
            ["maxConcurrency"] = 8,
            ["wallTimeMs"] = 5120.4,
            ["systemUnderTestCalls"] = identity.Length + rows.Count(r => r.Relation != "identity" && r.Applicable),
            ["rows"] = new { total = rows.Length, pass = Count("pass"), fail = Count("fail"), inconclusive = Count("inconclusive"), notApplicable = rows.Count(r => !r.Applicable) },
            ["baseline"] = new { path = (string?)null, mode = "use", knownFailures = 0, fixedSinceBaseline = 0 },
            ["judges"] = new Dictionary<string, object>
            {
                ["expected-answer"] = new { pass = Count("pass"), fail = Count("fail"), inconclusive = 0, errored = 0, modelCalls = 0, inputTokens = 0, outputTokens = 0 },
                ["llama"] = new { pass = Count("pass"), fail = Count("fail"), inconclusive = Count("inconclusive"), errored = Count("inconclusive"), modelCalls = judgements, inputTokens = 812L * judgements, outputTokens = 64L * judgements },
                ["qwen"] = new { pass = Count("pass"), fail = Count("fail"), inconclusive = 0, errored = 0, modelCalls = judgements, inputTokens = 790L * judgements, outputTokens = 58L * judgements },
            },
            ["panels"] = new Dictionary<string, object>
            {
                ["rubric"] = new
                {
                    judgements,
                    judgesAsked = 2 * judgements,
                    judgesSkipped = 0,
                    agreement = new
                    {
                        items = judgements,
                        fleissKappa = 0.7321,
                        fleissItemsUsed = judgements,
                        krippendorffAlpha = 0.7412,
                        krippendorffItemsUsed = judgements,
                        pairs = new[] { new { judges = "llama / qwen", cohensKappa = 0.7321, observedAgreement = 0.9, itemsUsed = judgements } },
                    },
                },
            },
            ["inputSimilarity"] = new { measure = "token-f1", fallbacksToTokenF1 = 0 },
            ["multiPrompt"] = multiPrompt,
        };
    }
}
