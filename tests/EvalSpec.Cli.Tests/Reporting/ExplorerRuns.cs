using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>
/// Run folders shaped like a real support-bot suite, for the report's row explorer: results.jsonl lines with every field
/// the runtime writes (prompts and follow-up prompts, outputs, checks with each judge's reason, raw answer, model and
/// tokens, snapshot checks, model-call counts, trials, tool calls) and a summary.json.
/// </summary>
/// <remarks>
/// Shop.SupportEvals.RefundWindow: 6 products x 3 prompt variants x (identity, typos, lowercase, swap-product). The bot
/// answers a 14-day product's casual question with 30 days (the casual column fails for headphones, phone and camera),
/// answers every TV question with the warranty (the tv case fails across the board), answers "bakc" with the fallback (typos
/// fail for the laptop), and ignores the product swap for the phone. Shop.SupportEvals.OrderStatus: 2 orders, an agent
/// answer with a tool call, the second run three times.
/// </remarks>
internal static class ExplorerRuns
{
    public const string Suite = "Shop.SupportEvals";

    public static readonly string[] Products = { "camera", "headphones", "laptop", "phone", "smartwatch", "tv" };

    private static readonly Dictionary<string, int> Window = new(StringComparer.Ordinal)
    {
        ["laptop"] = 30, ["headphones"] = 14, ["phone"] = 14, ["smartwatch"] = 30, ["tv"] = 30, ["camera"] = 14,
    };

    private static readonly (string Key, string Template)[] Variants =
    {
        ("formal", "What is the refund window for a {product}?"),
        ("casual", "how long can i send back my {product}"),
        ("terse", "{product} return window?"),
    };

    /// <summary>How the bot behaves in a run: which weaknesses it has.</summary>
    /// <param name="CasualWrong">The casual variant gets 30 days for 14-day products.</param>
    /// <param name="TyposBreakLaptop">The typos relation gets the fallback answer for the laptop.</param>
    /// <param name="LatencyFactor">Scales every latency (the history's latency chart).</param>
    /// <param name="Tokens">Input tokens per judge call (the history's token and cost chart).</param>
    public sealed record Bot(bool CasualWrong, bool TyposBreakLaptop, double LatencyFactor = 1, int Tokens = 812);

    public static readonly Bot Baseline = new(CasualWrong: false, TyposBreakLaptop: false, LatencyFactor: 0.8, Tokens: 700);

    public static readonly Bot Regressed = new(CasualWrong: true, TyposBreakLaptop: true);

    /// <summary>
    /// Writes a run of the suite with <paramref name="bot"/>'s answers and returns its folder. With
    /// <paramref name="recordedBy"/>, each row says what a baseline recorded from that bot's run holds (<c>baseline</c>),
    /// and a failure with the same outputs is a known failure, as the runtime writes them.
    /// </summary>
    public static string Write(string projectDirectory, string runId, Bot bot, DateTime written, Func<JsonObject, JsonObject>? edit = null, Bot? recordedBy = null)
    {
        List<JsonObject> lines = Lines(runId, bot);
        if (recordedBy is not null)
        {
            Dictionary<string, JsonObject> recorded = Lines(runId, recordedBy).ToDictionary(l => (string)l["rowId"]!, StringComparer.Ordinal);
            foreach (JsonObject line in lines)
            {
                JsonObject then = recorded[(string)line["rowId"]!];
                string outcome = (string)then["outcome"]!;
                if (outcome == "not-applicable" || (string?)line["outcome"] == "not-applicable")
                {
                    continue;
                }

                line["baseline"] = outcome;
                if ((string?)line["outcome"] == "fail" && outcome == "fail"
                    && line["output"]?.ToJsonString() == then["output"]?.ToJsonString() && line["sourceOutput"]?.ToJsonString() == then["sourceOutput"]?.ToJsonString())
                {
                    line["knownFailure"] = true;
                }
            }
        }

        string folder = Path.Combine(projectDirectory, "TestResults", "evalspec", runId);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "results.jsonl"), lines.Select(l => (edit ?? (x => x))(l).ToJsonString()));
        File.WriteAllText(Path.Combine(folder, "summary.json"), Summary(runId, lines, written).ToJsonString());
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            File.SetLastWriteTimeUtc(file, written);
        }

        return folder;
    }

    private static List<JsonObject> Lines(string runId, Bot bot)
    {
        var lines = new List<JsonObject>();
        foreach (string product in Products)
        {
            foreach ((string variant, string template) in Variants)
            {
                string prompt = template.Replace("{product}", product, StringComparison.Ordinal);
                string answer = Answer(bot, product, variant);
                lines.Add(Identity(runId, bot, product, variant, prompt, answer));
                lines.Add(Typos(runId, bot, product, variant, prompt, answer));
                lines.Add(Lowercase(runId, bot, product, variant, prompt, answer));
                lines.Add(Swap(runId, bot, product, variant, prompt, answer));
            }
        }

        lines.Add(Order(runId, bot, "A-1001", "shipped", trials: false));
        lines.Add(Order(runId, bot, "B-2002", "delayed", trials: true));
        return lines;
    }

    public static string RowId(string method, string caseId, string variant, string relation) => $"{Suite}.{method}/{caseId}/{variant}/{relation}";

    public static string Answer(Bot bot, string product, string variant)
    {
        string name = char.ToUpperInvariant(product[0]) + product[1..] + "s";
        if (product == "tv")
        {
            return "TVs come with a 2-year manufacturer warranty; contact support to book a repair.";
        }

        int days = bot.CasualWrong && variant == "casual" ? 30 : Window[product];
        return $"{name} can be returned within {days} days of delivery, in their original packaging.";
    }

    private static bool Correct(string product, string answer) => answer.Contains($"within {Window[product]} days", StringComparison.Ordinal);

    private static JsonObject Identity(string runId, Bot bot, string product, string variant, string prompt, string answer)
    {
        bool pass = Correct(product, answer);
        var checks = new JsonArray
        {
            Check("expected-answer", pass, pass ? 1 : 0, pass ? $"the output states \"{Window[product]} days\"" : $"the output does not state \"{Window[product]} days\"", Verdict("expected-answer", pass, pass ? 1 : 0, pass ? "contains the expected answer" : "the expected answer is missing", null, bot, 0)),
            Check("rubric", pass, pass ? 0.9 : 0.1, pass ? "2 of 2 judges passed" : "2 of 2 judges failed",
                Verdict("llama", pass, pass ? 0.9 : 0.1, pass ? $"States the {Window[product]}-day window." : $"Says something other than the {Window[product]}-day window.", "llama-3.1-8b", bot, 1),
                Verdict("qwen", pass, pass ? 0.85 : 0.15, pass ? "Correct refund window." : "Wrong or missing refund window.", "qwen2.5-7b", bot, 2)),
        };
        if (variant == "formal")
        {
            checks.Add(Check("snapshot", true, 1, $"matches RefundWindow.{product}.formal.verified.txt"));
        }

        JsonObject row = Row(runId, "RefundWindow", product, variant, "identity", null, prompt, null, answer, null, pass ? "pass" : "fail", checks, bot, 420);
        row["expected"] = $"{Window[product]} days";
        row["modelCalls"] = new JsonObject { ["mode"] = "replay", ["replayed"] = 3, ["recorded"] = 0, ["live"] = 0, ["failed"] = 0 };
        return row;
    }

    private static JsonObject Typos(string runId, Bot bot, string product, string variant, string prompt, string answer)
    {
        string followUp = prompt.Replace("window", "windwo", StringComparison.Ordinal).Replace("back", "bakc", StringComparison.Ordinal).Replace("return", "retrun", StringComparison.Ordinal);
        string followUpAnswer = bot.TyposBreakLaptop && product == "laptop"
            ? "Sorry, I did not understand. Please contact support at help@example.com."
            : answer;
        bool same = followUpAnswer == answer;
        JsonObject row = Row(runId, "RefundWindow", product, variant, "typos", "invariant", prompt, followUp, followUpAnswer, answer, same ? "pass" : "fail",
            new JsonArray { Check("relation typos (invariant)", same, same ? 1 : 0.18, same ? "outputs equivalent: token F1 1.00 (threshold 0.50)" : "outputs differ: token F1 0.18 (threshold 0.50)", Verdict("token-f1-invariance", same, same ? 1 : 0.18, same ? "token F1 1.00" : "token F1 0.18", null, bot, 0)) },
            bot, 380);
        row["relationNotes"] = new JsonObject { ["typos"] = "window → windwo; back → bakc; return → retrun" };
        row["inputSimilarity"] = 0.91;
        return row;
    }

    private static JsonObject Lowercase(string runId, Bot bot, string product, string variant, string prompt, string answer)
    {
        string followUp = prompt.ToLowerInvariant();
        if (followUp == prompt)
        {
            JsonObject skipped = Row(runId, "RefundWindow", product, variant, "lowercase", "invariant", prompt, null, null, null, "not-applicable", new JsonArray(), bot, 0.2);
            skipped["reason"] = "relation 'lowercase' did not change the prompt, so there is nothing to check for this case";
            return skipped;
        }

        JsonObject row = Row(runId, "RefundWindow", product, variant, "lowercase", "invariant", prompt, followUp, answer, answer, "pass",
            new JsonArray { Check("relation lowercase (invariant)", true, 1, "outputs equivalent: token F1 1.00 (threshold 0.50)", Verdict("token-f1-invariance", true, 1, "token F1 1.00", null, bot, 0)) },
            bot, 360);
        row["inputSimilarity"] = 1;
        return row;
    }

    private static JsonObject Swap(string runId, Bot bot, string product, string variant, string prompt, string answer)
    {
        string other = product == "laptop" ? "headphones" : "laptop";
        string followUp = prompt.Replace(product, other, StringComparison.Ordinal);
        string followUpAnswer = product == "phone" ? answer : Answer(bot, other, variant);
        bool changed = followUpAnswer != answer;
        JsonObject row = Row(runId, "RefundWindow", product, variant, "swap-product", "directional", prompt, followUp, followUpAnswer, answer, changed ? "pass" : "fail",
            new JsonArray { Check("relation swap-product (directional)", changed, changed ? 1 : 0, changed ? "the follow-up output changed: token F1 0.62 (must be below 0.90)" : "the follow-up output did not change: token F1 1.00 (must be below 0.90)", Verdict("token-f1-change", changed, changed ? 1 : 0, changed ? "token F1 0.62" : "token F1 1.00", null, bot, 0)) },
            bot, 400);
        row["followUpInputs"] = new JsonObject { ["product"] = other };
        row["relationNotes"] = new JsonObject { ["product"] = $"{product} → {other}" };
        row["inputSimilarity"] = 0.74;
        return row;
    }

    private static JsonObject Order(string runId, Bot bot, string order, string status, bool trials)
    {
        string text = $"Your order {order} has {status}.";
        var output = new JsonObject
        {
            ["messages"] = new JsonArray
            {
                new JsonObject { ["role"] = "assistant", ["contents"] = new JsonArray { new JsonObject { ["$type"] = "functionCall", ["callId"] = "call_1", ["name"] = "get_order_status", ["arguments"] = new JsonObject { ["orderId"] = order } } } },
                new JsonObject { ["role"] = "tool", ["contents"] = new JsonArray { new JsonObject { ["$type"] = "functionResult", ["callId"] = "call_1", ["result"] = new JsonObject { ["status"] = status, ["carrier"] = "DHL" } } } },
                new JsonObject { ["role"] = "assistant", ["contents"] = new JsonArray { new JsonObject { ["$type"] = "text", ["text"] = text } } },
            },
        };
        JsonObject row = Row(runId, "OrderStatus", order, "default", "identity", null, $"Where is my order {order}?", null, null, null, "pass",
            new JsonArray { Check("expected-answer", true, 1, $"the output states \"{status}\"", Verdict("expected-answer", true, 1, "contains the expected answer", null, bot, 0)) }, bot, 900);
        row["output"] = output;
        row["expected"] = status;
        if (trials)
        {
            row["trials"] = new JsonArray
            {
                new JsonObject { ["trial"] = 0, ["outcome"] = "pass", ["output"] = text },
                new JsonObject { ["trial"] = 1, ["outcome"] = "pass", ["output"] = text },
                new JsonObject { ["trial"] = 2, ["outcome"] = "fail", ["reason"] = "failed check(s): expected-answer", ["output"] = $"I could not find order {order}." },
            };
            row["reason"] = "2/3 passed (67%); rule: majority; trial 2: failed check(s): expected-answer";
        }

        return row;
    }

    private static JsonObject Row(string runId, string method, string caseId, string variant, string relation, string? kind, string prompt, string? followUp, string? output, string? sourceOutput, string outcome, JsonArray checks, Bot bot, double latency)
    {
        var row = new JsonObject
        {
            ["runId"] = runId,
            ["rowId"] = RowId(method, caseId, variant, relation),
            ["suite"] = Suite,
            ["method"] = method,
            ["case"] = caseId,
            ["variant"] = variant,
            ["relation"] = relation,
            ["relationKind"] = kind,
            ["inputs"] = new JsonObject { [method == "OrderStatus" ? "orderId" : "product"] = caseId },
            ["prompt"] = prompt,
            ["followUpPrompt"] = followUp,
            ["output"] = output,
            ["sourceOutput"] = sourceOutput,
            ["outcome"] = outcome,
            ["checks"] = checks,
            ["latencyMs"] = Math.Round(latency * bot.LatencyFactor * (1 + (caseId.Length % 5 * 0.1)), 1),
            ["startedAt"] = "2026-03-14T09:00:00+00:00",
        };
        if (outcome == "fail")
        {
            row["reason"] = "failed check(s): " + string.Join(", ", checks.Select(c => c!.AsObject()).Where(c => (string?)c["outcome"] == "fail").Select(c => (string?)c["name"]));
        }

        foreach (string key in row.Where(p => p.Value is null).Select(p => p.Key).ToArray())
        {
            row.Remove(key);
        }

        return row;
    }

    private static JsonObject Check(string name, bool pass, double score, string rationale, params JsonObject[] verdicts) => new()
    {
        ["name"] = name,
        ["outcome"] = pass ? "pass" : "fail",
        ["score"] = score,
        ["rationale"] = rationale,
        ["verdicts"] = new JsonArray(verdicts.Select(v => (JsonNode)v).ToArray()),
    };

    private static JsonObject Verdict(string judge, bool pass, double score, string rationale, string? model, Bot bot, int seed)
    {
        var verdict = new JsonObject
        {
            ["judge"] = judge,
            ["outcome"] = pass ? "pass" : "fail",
            ["score"] = score,
            ["rationale"] = rationale,
            ["latencyMs"] = model is null ? 0.4 : 310.5 + (seed * 40),
        };
        if (model is not null)
        {
            verdict["rawOutput"] = $"{{\"verdict\": \"{(pass ? "pass" : "fail")}\", \"score\": {score.ToString(CultureInfo.InvariantCulture)}, \"reason\": \"{rationale}\"}}";
            verdict["modelCalls"] = 1;
            verdict["model"] = model;
            verdict["inputTokens"] = bot.Tokens + (seed * 10);
            verdict["outputTokens"] = 64;
        }

        return verdict;
    }

    private static JsonObject Summary(string runId, List<JsonObject> rows, DateTime written)
    {
        int Count(string outcome) => rows.Count(r => (string?)r["outcome"] == outcome);
        return new JsonObject
        {
            ["runId"] = runId,
            ["finishedAt"] = new DateTimeOffset(written, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            ["wallTimeMs"] = 5120.4,
            ["maxConcurrency"] = 8,
            ["systemUnderTestCalls"] = rows.Count,
            ["rows"] = new JsonObject { ["total"] = rows.Count, ["pass"] = Count("pass"), ["fail"] = Count("fail"), ["inconclusive"] = Count("inconclusive"), ["notApplicable"] = Count("not-applicable") },
        };
    }

    /// <summary>
    /// A run of <paramref name="rows"/> rows of one method (cases x 4 variants x 5 relations), each with its own prompt,
    /// output and judges' reasons and raw answers of realistic length, so the page carries what a real run of that size does.
    /// </summary>
    public static string WriteLarge(string projectDirectory, string runId, int rows)
    {
        string folder = Path.Combine(projectDirectory, "TestResults", "evalspec", runId);
        Directory.CreateDirectory(folder);
        string[] variants = { "formal", "casual", "terse", "polite" };
        string[] relations = { "identity", "typos", "lowercase", "distractor", "swap-product" };
        using (var writer = new StreamWriter(Path.Combine(folder, "results.jsonl")))
        {
            int cases = (rows + (variants.Length * relations.Length) - 1) / (variants.Length * relations.Length);
            int written = 0;
            for (int c = 0; c < cases && written < rows; c++)
            {
                foreach (string variant in variants)
                {
                    foreach (string relation in relations)
                    {
                        if (written++ >= rows)
                        {
                            break;
                        }

                        bool identity = relation == "identity";
                        bool pass = (c * 7 + variant.Length + relation.Length) % 11 != 0;
                        string caseId = "item-" + c.ToString("00000", CultureInfo.InvariantCulture);
                        string prompt = $"Customer {c} asks, in the {variant} wording: what is the refund window for item {c} bought on day {c % 28 + 1}, and can it be returned without its receipt?";
                        string output = $"Item {c} can be returned within {(pass ? 30 : 14)} days of delivery (case {caseId}, {variant}/{relation}). A receipt or the order number is needed; refunds go to the original payment method within 5 business days.";
                        var row = new JsonObject
                        {
                            ["runId"] = runId,
                            ["rowId"] = RowId("RefundWindow", caseId, variant, relation),
                            ["suite"] = Suite,
                            ["method"] = "RefundWindow",
                            ["case"] = caseId,
                            ["variant"] = variant,
                            ["relation"] = relation,
                            ["relationKind"] = identity ? null : "invariant",
                            ["inputs"] = new JsonObject { ["item"] = c },
                            ["prompt"] = prompt,
                            ["followUpPrompt"] = identity ? null : prompt.Replace("refund", "refnud", StringComparison.Ordinal),
                            ["expected"] = "30 days",
                            ["output"] = output,
                            ["sourceOutput"] = identity ? null : output.Replace(" (case", " (source case", StringComparison.Ordinal),
                            ["outcome"] = pass ? "pass" : "fail",
                            ["checks"] = new JsonArray
                            {
                                Check("rubric", pass, pass ? 0.9 : 0.1, pass ? "2 of 2 judges passed" : "2 of 2 judges failed",
                                    Verdict("llama", pass, pass ? 0.9 : 0.1, $"Row {c}/{variant}/{relation}: the answer {(pass ? "states" : "does not state")} the 30-day window and mentions the receipt rule.", "llama-3.1-8b", Regressed, c % 3),
                                    Verdict("qwen", pass, pass ? 0.8 : 0.2, $"Judged {caseId} {variant} {relation}: {(pass ? "correct" : "wrong")} refund window.", "qwen2.5-7b", Regressed, c % 5)),
                            },
                            ["reason"] = pass ? null : "failed check(s): rubric",
                            ["latencyMs"] = 200 + (c % 97),
                            ["startedAt"] = "2026-03-14T09:00:00+00:00",
                        };
                        foreach (string key in row.Where(p => p.Value is null).Select(p => p.Key).ToArray())
                        {
                            row.Remove(key);
                        }

                        writer.WriteLine(row.ToJsonString());
                    }
                }
            }
        }

        return folder;
    }
}
