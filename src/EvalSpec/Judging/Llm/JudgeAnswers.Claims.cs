using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// Reading per-item answers (one verdict per numbered claim, passage or fact) with the rules of the one grammar:
/// the same size cap, quotations never read (a verdict in a code fence, a block quote or a colon-introduced paragraph
/// is neither a verdict nor a contradiction), ASCII-only markers and field values (look-alike letters are no verdict),
/// a truncated answer object unreadable. Each item must get exactly one verdict: a missing, repeated or contradictory
/// one, or one that cannot be read, makes the answer unreadable, naming the item.
/// </summary>
internal static partial class JudgeAnswers
{
    private static readonly string[] ItemArrayFields = { "verdicts", "claims", "passages", "facts", "items" };

    private static readonly string[] ItemNumberFields = { "claim", "passage", "fact", "item", "number", "id" };

    /// <summary>Reads one verdict for each of the items 1..<paramref name="count"/>.</summary>
    /// <param name="raw">The answer.</param>
    /// <param name="count">How many numbered items the judge was shown.</param>
    /// <param name="vocabulary">The words of the judge's verdicts.</param>
    public static JudgeParse<ItemVerdicts> ParseItems(string raw, int count, ItemVocabulary vocabulary)
    {
        if (raw.Length > MaxAnswerLength)
        {
            return JudgeParse<ItemVerdicts>.Unreadable(string.Create(CultureInfo.InvariantCulture, $"the answer is too long ({raw.Length:N0} characters; answers over {MaxAnswerLength:N0} characters are not read)"));
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return JudgeParse<ItemVerdicts>.Unreadable("the answer was empty");
        }

        var found = new List<(int Number, bool? Verdict, string? Reason, string Source, string? Problem)>();
        var problems = new List<string>();
        AnswerText text = AnswerText.Scan(raw);
        var objects = text.Objects.Where(o => !o.Quoted && ItemArray(o.Json) is not null).ToList();
        for (int o = 0; o < objects.Count; o++)
        {
            JsonElement array = ItemArray(objects[o].Json)!.Value;
            if (array.ValueKind != JsonValueKind.Array)
            {
                problems.Add("the answer's verdict list is not a JSON array");
                continue;
            }

            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                index++;
                string where = string.Create(CultureInfo.InvariantCulture, $"{(objects.Count == 1 ? string.Empty : $"JSON object {o + 1}'s ")}list entry {index}");
                ReadItem(item, where, vocabulary, count, found, problems);
            }
        }

        foreach (AnswerLine line in text.AllLines.Where(l => l.Readable))
        {
            if (Marker(line.Text) is not { } marker || ItemLine().Match(marker) is not { Success: true } match)
            {
                continue;
            }

            string source = $"line {line.Number.ToString(CultureInfo.InvariantCulture)} \"{Shorten(line.Text.Trim())}\"";
            bool? verdict = vocabulary.Read(match.Groups["v"].Value);
            if (verdict is null)
            {
                // Another judge kind's words ("relevant" to a grounding judge) are no verdict here.
                continue;
            }

            if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > count)
            {
                problems.Add($"{source} gives a verdict for {vocabulary.Item} {match.Groups["n"].Value}, but there are only {count.ToString(CultureInfo.InvariantCulture)} {vocabulary.Item}s");
                continue;
            }

            found.Add((number, verdict, null, source, null));
        }

        if (text.LooseField(ItemArrayFields) is { } loose)
        {
            problems.Add($"the answer has a \"{loose}\" field outside any complete JSON object (truncated or malformed JSON)");
        }

        if (found.Count == 0 && problems.Count == 0)
        {
            return JudgeParse<ItemVerdicts>.Unreadable(
                $"no {vocabulary.Item} verdicts were found: give a JSON object {{\"verdicts\": [{{\"{vocabulary.Item}\": 1, \"verdict\": \"{vocabulary.Yes}\" or \"{vocabulary.No}\"}}, ...]}} with one entry per {vocabulary.Item}");
        }

        var verdicts = new ItemVerdict[count];
        for (int n = 1; n <= count; n++)
        {
            var mine = found.Where(f => f.Number == n).ToList();
            string label = $"{vocabulary.Item} {n.ToString(CultureInfo.InvariantCulture)}";
            if (mine.Count == 0)
            {
                problems.Add($"{label} has no verdict");
            }
            else if (mine.Count > 1)
            {
                bool agree = mine.All(m => m.Problem is null && m.Verdict == mine[0].Verdict);
                problems.Add($"{label} has {mine.Count.ToString(CultureInfo.InvariantCulture)} verdicts{(agree ? string.Empty : " that disagree")} ({string.Join(", ", mine.Select(m => m.Problem ?? $"{m.Source} says {vocabulary.Describe(m.Verdict!.Value)}"))}): give exactly one per {vocabulary.Item}");
            }
            else if (mine[0].Problem is { } problem)
            {
                problems.Add($"{label}: {problem}");
            }
            else
            {
                verdicts[n - 1] = new ItemVerdict(n, mine[0].Verdict!.Value, mine[0].Reason, mine[0].Source);
            }
        }

        return problems.Count > 0
            ? JudgeParse<ItemVerdicts>.Unreadable(string.Join("; ", problems.Distinct(StringComparer.Ordinal)))
            : JudgeParse<ItemVerdicts>.Of(new ItemVerdicts(verdicts));
    }

    private static JsonElement? ItemArray(JsonElement json)
    {
        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (AsciiLower(property.Name) is { } name && Array.IndexOf(ItemArrayFields, name) >= 0)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static void ReadItem(JsonElement item, string where, ItemVocabulary vocabulary, int count, List<(int, bool?, string?, string, string?)> found, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is not a JSON object");
            return;
        }

        int? number = null;
        string? reason = null;
        var claims = new List<(bool? Value, string Source, string? Problem)>();
        foreach (JsonProperty property in item.EnumerateObject())
        {
            string name = AsciiLower(property.Name) ?? string.Empty;
            string source = $"{where}'s field {Shorten($"\"{property.Name}\": {property.Value.GetRawText()}")}";
            if (Array.IndexOf(ItemNumberFields, name) >= 0)
            {
                int given = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out int n) ? n
                    : property.Value.ValueKind == JsonValueKind.String && int.TryParse(property.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s
                    : -1;

                // Two fields naming different items: which item the entry judges cannot be read (-1 is out of range below).
                number = number is int earlier && earlier != given ? -1 : given;
            }
            else if (name == "verdict")
            {
                bool? verdict = property.Value.ValueKind == JsonValueKind.String && Marker(property.Value.GetString()!) is { } marker ? vocabulary.Read(marker) : null;
                claims.Add((verdict, source, verdict is null ? $"{source} is neither \"{vocabulary.Yes}\" nor \"{vocabulary.No}\"" : null));
            }
            else if (name == vocabulary.Yes || name == vocabulary.No)
            {
                // "supported": true and "unsupported": true both count as the entry's claims, so that they can contradict.
                bool? value = property.Value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
                bool? verdict = name == vocabulary.Yes ? value : !value;
                claims.Add((verdict, source, verdict is null ? $"{source} is not true or false" : null));
            }
            else if (Array.IndexOf(ReasoningFields, name) >= 0 && property.Value.ValueKind == JsonValueKind.String)
            {
                reason ??= property.Value.GetString();
            }
        }

        if (number is null || number < 1 || number > count)
        {
            problems.Add(number is null
                ? $"{where} names no {vocabulary.Item} number"
                : $"{where} gives a verdict for {vocabulary.Item} {Shorten(item.GetRawText())}, which is not one of the {count.ToString(CultureInfo.InvariantCulture)} {vocabulary.Item}s");
            return;
        }

        if (claims.Count == 0)
        {
            found.Add((number.Value, null, reason, where, $"{where} has no \"verdict\" field"));
        }
        else if (claims.FirstOrDefault(c => c.Problem is not null) is { Problem: { } problem })
        {
            found.Add((number.Value, null, reason, where, problem));
        }
        else if (claims.Any(c => c.Value != claims[0].Value))
        {
            found.Add((number.Value, null, reason, where, $"{where} contradicts itself: {string.Join(", but ", claims.Select(c => $"{c.Source} says {vocabulary.Describe(c.Value!.Value)}"))}"));
        }
        else
        {
            found.Add((number.Value, claims[0].Value, reason, claims[0].Source, null));
        }
    }

    // "claim 3: supported", "3. unsupported", "[2] relevant", "passage 2 - not relevant", "fact #1: supported".
    [GeneratedRegex(@"^(?:(?:claim|statement|passage|fact|item)\s*)?#?\[?(?<n>\d{1,6})\]?(?:\s*[:.=)\-]\s*|\s+is\s+|\s+)(?:(?:verdict|answer)\s*[:=\-]\s*)?(?<v>supported|unsupported|not\s+supported|relevant|irrelevant|not\s+relevant)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemLine();
}

/// <summary>The verdict words of a per-item judge: <c>supported</c> / <c>unsupported</c>, or <c>relevant</c> / <c>irrelevant</c>.</summary>
internal sealed record ItemVocabulary(string Item, string Yes, string No)
{
    public static readonly ItemVocabulary Claims = new("claim", "supported", "unsupported");

    public static readonly ItemVocabulary Facts = new("fact", "supported", "unsupported");

    public static readonly ItemVocabulary Passages = new("passage", "relevant", "irrelevant");

    /// <summary>True for the yes word, false for the no word (or "not" and the yes word), null otherwise. Expects a marker: ASCII lower case.</summary>
    public bool? Read(string marker)
    {
        string word = Regex.Replace(marker.Trim(), @"\s+", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return word == Yes ? true : word == No || word == "not " + Yes ? false : null;
    }

    public string Describe(bool verdict) => verdict ? Yes : No;
}

/// <summary>One item's verdict and where it was read.</summary>
internal readonly record struct ItemVerdict(int Number, bool Yes, string? Reason, string Source);

/// <summary>The verdicts of every item of one answer, in item order.</summary>
internal readonly record struct ItemVerdicts(IReadOnlyList<ItemVerdict> Verdicts);
