using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// Reads judge answers: the structured JSON answer first; otherwise the tolerant fallback, where the
/// <em>last</em> explicit verdict in the text wins, so reasoning that mentions a verdict earlier cannot
/// hijack the decision. Returns no value (and why) when there is no explicit verdict at all.
/// </summary>
internal static partial class JudgeAnswers
{
    public static JudgeParse<RubricAnswer> ParseRubric(string raw)
    {
        if (TryJson(raw, out JsonElement json) && Field(json, "verdict") is string verdict && ParsePassFail(verdict) is bool pass)
        {
            return JudgeParse<RubricAnswer>.Of(new RubricAnswer(pass, Score(json), Field(json, "reasoning"), "structured answer"));
        }

        Match? last = Last(raw, RubricVerdictMarkers());
        if (last is null)
        {
            return JudgeParse<RubricAnswer>.Unreadable(Empty(raw) ?? "no explicit verdict (pass or fail) was found");
        }

        Match? score = Last(raw, ScoreMarkers());
        int? value = score is null ? null : int.Parse(score.Groups["score"].Value, CultureInfo.InvariantCulture);
        return JudgeParse<RubricAnswer>.Of(new RubricAnswer(ParsePassFail(last.Groups["verdict"].Value)!.Value, value, null, $"last explicit verdict \"{last.Value.Trim()}\""));
    }

    public static JudgeParse<PairwiseAnswer> ParsePairwise(string raw)
    {
        if (TryJson(raw, out JsonElement json) && Field(json, "winner") is string winner && ParseWinner(winner) is PairwiseLabel label)
        {
            return JudgeParse<PairwiseAnswer>.Of(new PairwiseAnswer(label, "structured answer"));
        }

        Match? last = PairwiseMarkers().Matches(raw).Cast<Match>().Where(m => ParseWinner(m.Groups["choice"].Value) is not null).OrderBy(m => m.Index).LastOrDefault();
        return last is null
            ? JudgeParse<PairwiseAnswer>.Unreadable(Empty(raw) ?? "no explicit choice of Output (a), Output (b) or a tie was found")
            : JudgeParse<PairwiseAnswer>.Of(new PairwiseAnswer(ParseWinner(last.Groups["choice"].Value)!.Value, $"last explicit choice \"{last.Value.Trim()}\""));
    }

    public static JudgeParse<EquivalenceAnswer> ParseEquivalence(string raw)
    {
        if (TryJson(raw, out JsonElement json) && json.TryGetProperty("equivalent", out JsonElement equivalent) && equivalent.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return JudgeParse<EquivalenceAnswer>.Of(new EquivalenceAnswer(equivalent.GetBoolean(), Field(json, "reasoning"), "structured answer"));
        }

        Match? last = Last(raw, EquivalenceMarkers());
        if (last is null)
        {
            return JudgeParse<EquivalenceAnswer>.Unreadable(Empty(raw) ?? "no explicit verdict (equivalent or not) was found");
        }

        string word = last.Groups["answer"].Value.ToLowerInvariant();
        bool isEquivalent = word is "true" or "equivalent" or "yes" or "same";
        return JudgeParse<EquivalenceAnswer>.Of(new EquivalenceAnswer(isEquivalent, null, $"last explicit verdict \"{last.Value.Trim()}\""));
    }

    private static string? Empty(string raw) => string.IsNullOrWhiteSpace(raw) ? "the answer was empty" : null;

    private static Match? Last(string raw, Regex markers) =>
        markers.Matches(raw).Cast<Match>().OrderBy(m => m.Index).LastOrDefault();

    private static bool? ParsePassFail(string value) => value.Trim().ToLowerInvariant() switch
    {
        "pass" or "passed" => true,
        "fail" or "failed" => false,
        _ => null,
    };

    private static PairwiseLabel? ParseWinner(string value) => value.Trim().Trim('[', ']').ToLowerInvariant() switch
    {
        "a" or "output (a)" or "output a" or "(a)" => PairwiseLabel.A,
        "b" or "output (b)" or "output b" or "(b)" => PairwiseLabel.B,
        "c" or "tie" => PairwiseLabel.Tie,
        _ => null,
    };

    private static int? Score(JsonElement json) =>
        json.TryGetProperty("score", out JsonElement score) && score.ValueKind == JsonValueKind.Number && score.TryGetInt32(out int value) && value is >= 1 and <= 5
            ? value
            : null;

    private static string? Field(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The answer as a JSON object: the whole text, a fenced block, or the last {...} that parses.</summary>
    private static bool TryJson(string raw, out JsonElement json)
    {
        json = default;
        string text = raw.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            int start = text.IndexOf('\n', StringComparison.Ordinal);
            int end = text.LastIndexOf("```", StringComparison.Ordinal);
            text = start >= 0 && end > start ? text[(start + 1)..end].Trim() : text;
        }

        if (TryParseObject(text, out json))
        {
            return true;
        }

        for (int end = text.LastIndexOf('}'); end >= 0; end = end == 0 ? -1 : text.LastIndexOf('}', end - 1))
        {
            for (int start = text.LastIndexOf('{', end); start >= 0; start = start == 0 ? -1 : text.LastIndexOf('{', start - 1))
            {
                if (TryParseObject(text[start..(end + 1)], out json))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryParseObject(string text, out JsonElement json)
    {
        json = default;
        if (!text.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("""(?:"verdict"\s*:\s*"(?<verdict>pass|fail)")|(?:\bverdict\b\s*(?:is)?\s*[:=\-]?\s*\**\s*(?<verdict>passed|failed|pass|fail)\b)|(?:\[\[(?<verdict>pass|fail)\]\])|(?:^\s*\**(?<verdict>passed|failed|pass|fail)\**\s*\.?\s*$)""", RegexOptions.IgnoreCase | RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RubricVerdictMarkers();

    [GeneratedRegex("""(?:"score"\s*:\s*(?<score>[1-5])\b)|(?:\bscore\b\s*(?:is)?\s*[:=]?\s*(?<score>[1-5])\s*(?:/\s*5|out of 5)?)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScoreMarkers();

    // Explicit choices only: a JSON field, MT-Bench's [[A]]/[[B]]/[[C]], "Output (x)" at the start of a line (as
    // LLMBar's parser reads it) or in a sentence that declares it better, or "tie" on a line of its own. A mention
    // inside reasoning ("better than Output (a)") is not a choice.
    [GeneratedRegex("""(?:"winner"\s*:\s*"(?<choice>[^"]{1,12})")|(?:\[\[(?<choice>[ABC])\]\])|(?:(?:^|\n)[ \t*#>\-]*Output \((?<choice>[ab])\))|(?:Output \((?<choice>[ab])\) (?:is|was|seems) (?:clearly |slightly |much )?(?:the )?(?:better|preferred|superior|winner))|(?:(?:prefer|choose|pick|winner is|winner:)\s*\**\s*Output \((?<choice>[ab])\))|(?:^\s*(?<choice>tie)\s*\.?\s*$)""", RegexOptions.Multiline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PairwiseMarkers();

    [GeneratedRegex("""(?:"equivalent"\s*:\s*(?<answer>true|false))|(?:\[\[(?<answer>equivalent|different)\]\])|(?:\bverdict\b\s*[:=\-]?\s*\**\s*(?<answer>equivalent|different|same))|(?:\bequivalent\b\s*[:=]\s*(?<answer>yes|no|true|false))""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EquivalenceMarkers();
}

/// <summary>A rubric judge's answer: pass or fail, an optional 1-5 score, and how it was read.</summary>
internal readonly record struct RubricAnswer(bool Pass, int? Score, string? Reasoning, string ReadFrom);

/// <summary>The output a pairwise judge chose, as labelled in its prompt.</summary>
internal enum PairwiseLabel
{
    A,
    B,
    Tie,
}

/// <summary>A pairwise judge's answer for one presentation order.</summary>
internal readonly record struct PairwiseAnswer(PairwiseLabel Choice, string ReadFrom);

/// <summary>An equivalence judge's answer.</summary>
internal readonly record struct EquivalenceAnswer(bool Equivalent, string? Reasoning, string ReadFrom);
