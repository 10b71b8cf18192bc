using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Asks a judge's model for one verdict per numbered item (claims of an answer, retrieved passages, expected facts),
/// a batch of items per call, and turns the verdicts into a share and a decision against a threshold. Shared by
/// <see cref="GroundednessJudge"/>, <see cref="ContextPrecisionJudge"/> and <see cref="ContextRecallJudge"/>.
/// </summary>
internal sealed class ItemCheck
{
    private readonly JudgeModelCaller _caller;
    private readonly LlmJudgeOptions _options;
    private readonly string _system;
    private readonly ItemVocabulary _vocabulary;
    private readonly ChatResponseFormat _format;

    public ItemCheck(string judge, IChatClient client, LlmJudgeOptions options, string system, ItemVocabulary vocabulary)
    {
        _options = options;
        _caller = new JudgeModelCaller(judge, client, options);
        _system = system;
        _vocabulary = vocabulary;
        _format = Format(vocabulary);
    }

    public string Judge => _caller.Judge;

    public string? Model => _caller.Model;

    /// <summary>
    /// Judges <paramref name="items"/> in batches of <paramref name="batchSize"/>. The score is the share of items with a yes
    /// verdict. With every item read: pass when the share is at least <paramref name="threshold"/>. When a batch stays
    /// unreadable (after the one re-ask), its items are unknown: the verdict fails only when it would fail even if every
    /// unknown item were a yes, and is otherwise inconclusive (errored) with the reason and the raw answers; never a pass.
    /// </summary>
    public async Task<Verdict> JudgeAsync(
        IReadOnlyList<string> items,
        Func<IReadOnlyList<(int Number, string Text)>, string> prompt,
        int batchSize,
        double threshold,
        string noLabel,
        string? seedKey,
        CancellationToken cancellationToken)
    {
        var yes = new List<int>();
        var no = new List<(int Number, string? Reason)>();
        var unknown = new List<int>();
        var problems = new List<string>();
        var raws = new List<string>();
        var calls = new List<JudgeCall<ItemVerdicts>>();
        for (int from = 0; from < items.Count; from += batchSize)
        {
            var batch = items.Skip(from).Take(batchSize).Select((text, i) => (Number: i + 1, Text: text)).ToList();
            List<ChatMessage> messages = JudgePrompts.Conversation(_system, Array.Empty<(string, string)>(), prompt(batch), seedKey);
            JudgeCall<ItemVerdicts> call = await _caller.AskAsync(
                messages,
                _options.UseStructuredOutput ? _format : null,
                raw => JudgeAnswers.ParseItems(raw, batch.Count, _vocabulary),
                AnswerInstruction(_vocabulary, batch.Count),
                cancellationToken).ConfigureAwait(false);
            calls.Add(call);
            raws.Add(items.Count <= batchSize ? call.Raw : $"[{_vocabulary.Item}s {from + 1}-{from + batch.Count}]\n{call.Raw}");
            if (call.Failure is { } failure)
            {
                unknown.AddRange(batch.Select(b => from + b.Number));
                problems.Add(items.Count <= batchSize ? failure.Rationale : $"{_vocabulary.Item}s {from + 1}-{from + batch.Count}: {failure.Rationale}");
                continue;
            }

            foreach (ItemVerdict verdict in call.Value!.Value.Verdicts)
            {
                if (verdict.Yes)
                {
                    yes.Add(from + verdict.Number);
                }
                else
                {
                    no.Add((from + verdict.Number, verdict.Reason));
                }
            }
        }

        int total = items.Count;
        double score = (double)yes.Count / total;
        string raw = string.Join("\n\n", raws);
        string listed = no.Count == 0
            ? string.Empty
            : string.Concat(no.Select(n => $"\n  - {_vocabulary.Item} {n.Number.ToString(CultureInfo.InvariantCulture)} {noLabel}: \"{Quote(items[n.Number - 1])}\"{(string.IsNullOrWhiteSpace(n.Reason) ? string.Empty : " (" + OneLine(n.Reason!) + ")")}"));
        string share = string.Create(CultureInfo.InvariantCulture, $"{yes.Count} of {total} {_vocabulary.Item}s {_vocabulary.Yes} ({score:0.##}, threshold {threshold:0.##})");
        Verdict result;
        if (unknown.Count == 0)
        {
            result = score >= threshold
                ? Verdict.Pass(Judge, score, share + listed)
                : Verdict.Fail(Judge, score, share + listed);
        }
        else
        {
            double best = (double)(yes.Count + unknown.Count) / total;
            string unread = string.Create(CultureInfo.InvariantCulture, $"{unknown.Count} {_vocabulary.Item}(s) could not be read ({string.Join("; ", problems)})");
            result = best < threshold
                ? Verdict.Fail(Judge, score, string.Create(CultureInfo.InvariantCulture, $"{share}; {unread}, but even if all of them were {_vocabulary.Yes} the share would be {best:0.##}, below the threshold") + listed) with { RawOutput = raw }
                : Verdict.Error(Judge, $"{share}; {unread}: no decision without them{listed}", raw);
        }

        JudgeCall<ItemVerdicts>[] all = calls.ToArray();
        return _caller.Account(result with { RawOutput = raw }, all);
    }

    /// <summary>The numbered items as one line each (line breaks inside an item become spaces, so an item cannot start a numbered line of its own).</summary>
    public static string Numbered(IReadOnlyList<(int Number, string Text)> items) =>
        string.Join("\n", items.Select(i => i.Number.ToString(CultureInfo.InvariantCulture) + ". " + GroundingPrompts.Escape(OneLine(i.Text))));

    private static string OneLine(string text) => string.Join(' ', text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Quote(string text)
    {
        string line = OneLine(text);
        return line.Length <= 300 ? line : line[..297] + "...";
    }

    private static string AnswerInstruction(ItemVocabulary vocabulary, int count) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""Reply with only one JSON object holding exactly one entry for each of the {{count}} {{vocabulary.Item}}s: {"verdicts": [{"{{vocabulary.Item}}": 1, "reasoning": "...", "verdict": "{{vocabulary.Yes}}" or "{{vocabulary.No}}"}, ...]}.""");

    private static ChatResponseFormat Format(ItemVocabulary vocabulary)
    {
        // Item, yes and no words are fixed ASCII words of this assembly, so they need no JSON escaping.
        string schema = "{\"type\":\"object\",\"properties\":{\"verdicts\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
            + $"\"{vocabulary.Item}\":{{\"type\":\"integer\",\"minimum\":1}},\"reasoning\":{{\"type\":\"string\"}},\"verdict\":{{\"type\":\"string\",\"enum\":[\"{vocabulary.Yes}\",\"{vocabulary.No}\"]}}}},"
            + $"\"required\":[\"{vocabulary.Item}\",\"reasoning\",\"verdict\"],\"additionalProperties\":false}}}}}},\"required\":[\"verdicts\"],\"additionalProperties\":false}}";
        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(schema);
        return ChatResponseFormat.ForJsonSchema(document.RootElement.Clone(), vocabulary.Item + "_verdicts");
    }
}
