using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// The one grammar for reading LLM judges' answers (README, "How a judge's answer is read"). Only the answer's end
/// decides: the JSON object that ends it (bare, or in a code fence with nothing after it), else its last non-empty
/// line, which must be a verdict line (<c>Verdict: fail</c>, <c>**PASS**</c>, <c>[[A]]</c>, <c>Output (b)</c>,
/// <c>Equivalent: no</c>) or end with MT-Bench's double-bracket marker (<c>... so A is better. [[A]]</c>).
/// Earlier claims (verdict lines and JSON answer objects in the free text) never decide alone: one that disagrees
/// with the end makes the answer contradict itself. Lines and objects inside code fences, block quotes, indented
/// code blocks and HTML <c>blockquote</c>/<c>pre</c> are data the judge quotes and are never read, nor are words
/// inside sentences, quotation marks or JSON strings. Markers are ASCII only, so look-alike letters, fullwidth forms,
/// emoji and zero-width characters never make one; a last line that starts like a verdict but is not a clean one
/// (<c>Verdict: FAIL ❌</c>, <c>**Verdict:** fail (60 days, not 30)</c>) is unreadable, never skipped. An end with no
/// verdict, claims that disagree, a field that cannot be read, a score off the scale or on the wrong side of a
/// declared passing score, a verdict field outside any complete JSON object and an answer longer than
/// <see cref="MaxAnswerLength"/> all make the answer unreadable, with a reason naming what was found. Reading is
/// linear in the answer's length.
/// </summary>
internal static partial class JudgeAnswers
{
    /// <summary>Answers longer than this (in UTF-16 characters) are not read: they are unreadable, "too long".</summary>
    public const int MaxAnswerLength = 65_536;

    // How much of the start and the end of a too-long answer is kept in verdicts and in the re-ask.
    private const int KeptEdge = 2_000;

    // A verdict or score line is short; longer lines are prose and are not matched at all.
    private const int MaxMarkerLineLength = 120;

    private static readonly string[] ReasoningFields = { "reasoning", "reason", "rationale", "explanation" };

    // The fields that make a JSON object an answer object, per judge kind (also looked for outside complete objects).
    private static readonly string[] RubricFields = { "verdict", "pass", "passed", "score" };

    private static readonly string[] PairwiseFields = { "winner", "verdict" };

    private static readonly string[] EquivalenceFields = { "equivalent", "verdict" };

    private const string NoRubricVerdict = "no explicit verdict was found: end the answer with a JSON object with a \"verdict\" field (\"pass\" or \"fail\") or a \"pass\" field (true or false), or with a line that is only \"Verdict: pass\" or \"Verdict: fail\"";

    private const string NoPairwiseChoice = "no explicit choice was found: end the answer with a JSON object with a \"winner\" field (\"Output (a)\", \"Output (b)\" or \"tie\"), or with a line that is only \"Output (a)\", \"Output (b)\", \"[[A]]\", \"[[B]]\" or \"tie\"";

    private const string NoEquivalenceVerdict = "no explicit verdict was found: end the answer with a JSON object with an \"equivalent\" field (true or false), or with a line that is only \"Verdict: equivalent\" or \"Verdict: different\"";

    /// <summary>Reads a rubric judge's answer: pass or fail, an optional score on the 1-5 scale.</summary>
    /// <param name="raw">The answer.</param>
    /// <param name="passingScore">The judge's declared passing score on the 1-5 scale, if any.</param>
    public static JudgeParse<RubricAnswer> ParseRubric(string raw, double? passingScore = null)
    {
        var claims = new Claims<bool>(v => v ? "pass" : "fail");
        if (Read(raw, claims, RubricField, RubricLine, RubricBracket, RubricFields) is { } problem)
        {
            return JudgeParse<RubricAnswer>.Unreadable(problem);
        }

        if (claims.Decide(NoRubricVerdict) is { } undecided)
        {
            return JudgeParse<RubricAnswer>.Unreadable(undecided);
        }

        (bool pass, string readFrom) = claims.Verdict;
        double? score = null;
        if (claims.Scores.Select(s => s.Value).Distinct().Count() > 1)
        {
            return JudgeParse<RubricAnswer>.Unreadable("the answer contradicts itself: " + string.Join(", but ", claims.Scores.Select(s => $"{s.Source} gives score {Number(s.Value)}")));
        }

        if (claims.Scores.Count > 0)
        {
            score = claims.Scores[0].Value;
        }

        if (passingScore is double threshold && score is double s && (pass ? s < threshold : s >= threshold))
        {
            return JudgeParse<RubricAnswer>.Unreadable(
                $"the answer contradicts itself: {readFrom} says {(pass ? "pass" : "fail")}, but its score {Number(s)} is {(pass ? "below" : "at or above")} the judge's passing score {Number(threshold)}");
        }

        return JudgeParse<RubricAnswer>.Of(new RubricAnswer(pass, score, claims.Reasoning, readFrom));
    }

    /// <summary>Reads a pairwise judge's answer: Output (a), Output (b) or a tie.</summary>
    public static JudgeParse<PairwiseAnswer> ParsePairwise(string raw)
    {
        var claims = new Claims<PairwiseLabel>(Describe);
        if (Read(raw, claims, PairwiseField, PairwiseLine, PairwiseBracket, PairwiseFields) is { } problem)
        {
            return JudgeParse<PairwiseAnswer>.Unreadable(problem);
        }

        return claims.Decide(NoPairwiseChoice) is { } undecided
            ? JudgeParse<PairwiseAnswer>.Unreadable(undecided)
            : JudgeParse<PairwiseAnswer>.Of(new PairwiseAnswer(claims.Verdict.Value, claims.Verdict.Source));
    }

    /// <summary>Reads an equivalence judge's answer: equivalent or not.</summary>
    public static JudgeParse<EquivalenceAnswer> ParseEquivalence(string raw)
    {
        var claims = new Claims<bool>(v => v ? "equivalent" : "not equivalent");
        if (Read(raw, claims, EquivalenceField, EquivalenceLine, EquivalenceBracket, EquivalenceFields) is { } problem)
        {
            return JudgeParse<EquivalenceAnswer>.Unreadable(problem);
        }

        return claims.Decide(NoEquivalenceVerdict) is { } undecided
            ? JudgeParse<EquivalenceAnswer>.Unreadable(undecided)
            : JudgeParse<EquivalenceAnswer>.Of(new EquivalenceAnswer(claims.Verdict.Value, claims.Reasoning, claims.Verdict.Source));
    }

    /// <summary>
    /// The answer as it is kept in verdicts and sent back in a re-ask: whole up to <see cref="MaxAnswerLength"/>,
    /// else its first and last 2,000 characters around a note saying how much was left out.
    /// </summary>
    public static string Keep(string raw)
    {
        if (raw.Length <= MaxAnswerLength)
        {
            return raw;
        }

        // Never cut a surrogate pair in two: a lone surrogate cannot be written as UTF-8.
        int headEnd = char.IsHighSurrogate(raw[KeptEdge - 1]) ? KeptEdge - 1 : KeptEdge;
        int tailStart = char.IsLowSurrogate(raw[raw.Length - KeptEdge]) ? raw.Length - KeptEdge + 1 : raw.Length - KeptEdge;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{raw[..headEnd]}\n[... {tailStart - headEnd:N0} characters left out: the answer has {raw.Length:N0} characters, more than the {MaxAnswerLength:N0} that are read ...]\n{raw[tailStart..]}");
    }

    /// <summary>
    /// Collects the claims of one answer into <paramref name="claims"/>: the earlier ones, then those of the answer's
    /// end (its final JSON object, else its last line); returns the problems found (joined), if any.
    /// </summary>
    private static string? Read<T>(
        string raw,
        Claims<T> claims,
        Func<string, JsonElement, Claims<T>, string, bool> readField,
        Func<string, Claims<T>, string, bool> readLine,
        Func<string, T?> readBracket,
        string[] fields)
        where T : struct
    {
        if (raw.Length > MaxAnswerLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the answer is too long ({raw.Length:N0} characters; answers over {MaxAnswerLength:N0} characters are not read)");
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return "the answer was empty";
        }

        AnswerText text = AnswerText.Scan(raw);
        ReadObjects(text, claims, readField, fields);
        AnswerObject? finalObject = text.FinalObject;
        AnswerLine? lastLine = finalObject is null ? text.LastLine : null;
        foreach (AnswerLine line in text.Lines)
        {
            if (line.Number != lastLine?.Number && Marker(line.Text) is { } marker)
            {
                readLine(marker, claims, LineSource(line));
            }
        }

        if (finalObject is { } ending)
        {
            claims.Ending = ending.Quoted
                ? "the JSON object that ends it is quoted (in a block quote or a code block), and quoted data is never read"
                : "the JSON object that ends it has no verdict field";
        }
        else if (lastLine is { } last)
        {
            claims.Ending = ReadLastLine(last, claims, readLine, readBracket);
        }

        if (text.LooseField(fields) is { } loose)
        {
            claims.Problems.Add($"the answer has a \"{loose}\" field outside any complete JSON object (truncated or malformed JSON)");
        }

        return claims.Problems.Count == 0 ? null : string.Join("; ", claims.Problems);
    }

    /// <summary>
    /// Reads the JSON answer objects: those with a field of the judge's kind, outside quotes and code blocks. The
    /// object that ends the answer makes its final claims; the others make earlier ones.
    /// </summary>
    private static void ReadObjects<T>(AnswerText text, Claims<T> claims, Func<string, JsonElement, Claims<T>, string, bool> readField, string[] fields)
        where T : struct
    {
        var answers = text.Objects.Where(o => !o.Quoted && HasAnyField(o.Json, fields)).ToList();
        for (int i = 0; i < answers.Count; i++)
        {
            AnswerObject answer = answers[i];
            string where = answers.Count == 1 ? "JSON field" : $"JSON object {(i + 1).ToString(CultureInfo.InvariantCulture)}'s field";
            claims.ReadingEnd = answer.EndsAnswer;
            foreach (JsonProperty property in answer.Json.EnumerateObject())
            {
                string name = AsciiLower(property.Name) ?? string.Empty;
                string source = $"{where} {Shorten($"\"{property.Name}\": {property.Value.GetRawText()}")}";
                if (!readField(name, property.Value, claims, source) && Array.IndexOf(ReasoningFields, name) >= 0 && property.Value.ValueKind == JsonValueKind.String)
                {
                    // The reasoning shown is that of the object that decides, else the first one given.
                    claims.Reasoning = answer.EndsAnswer ? property.Value.GetString() : claims.Reasoning ?? property.Value.GetString();
                }
            }
        }

        claims.ReadingEnd = false;
    }

    /// <summary>Reads the answer's last line as its end; returns why it holds no verdict, if it holds none.</summary>
    private static string? ReadLastLine<T>(AnswerLine last, Claims<T> claims, Func<string, Claims<T>, string, bool> readLine, Func<string, T?> readBracket)
        where T : struct
    {
        string quoted = $"\"{Shorten(last.Text.Trim())}\"";
        if (!last.Readable)
        {
            return $"its last line {quoted} is inside a code fence, a block quote or a code block, whose lines are never read";
        }

        claims.ReadingEnd = true;
        try
        {
            if (Marker(last.Text) is { } marker && readLine(marker, claims, LineSource(last)))
            {
                return claims.HasEnding ? null : $"its last line {quoted} is not a verdict line";
            }

            // A decorated verdict ("Verdict: FAIL ❌", "FAIL (60 days)") is not read as anything, not even through a
            // double-bracket marker at its end ("FAIL, not [[pass]]").
            if (StartsLikeAVerdict(last.Text))
            {
                return $"its last line {quoted} starts like a verdict line but is not one: a verdict line holds only the verdict, in plain ASCII, with nothing after it (no emoji, look-alike letters or reasons)";
            }

            // MT-Bench's judges end their reasoning with the marker on the same line: "... so A is better. [[A]]".
            if (Bracket(last.Text) is { } token && readBracket(token) is T bracketed)
            {
                claims.Add(bracketed, $"\"[[{token}]]\" ending the answer");
                return null;
            }

            return $"its last line {quoted} is not a verdict line";
        }
        finally
        {
            claims.ReadingEnd = false;
        }
    }

    private static string LineSource(AnswerLine line) => $"line {line.Number.ToString(CultureInfo.InvariantCulture)} \"{Shorten(line.Text.Trim())}\"";

    /// <summary>
    /// Whether a line begins like a verdict line once leading decoration (markdown, bullets, emoji, punctuation) is
    /// skipped: a label and a separator (<c>Verdict:</c>, <c>**Decision** =</c>, <c>Equivalent —</c>), a label that
    /// never starts prose (<c>Verdict</c>, <c>Decision</c>, <c>Winner</c>), or a bare verdict word (<c>FAIL</c>,
    /// <c>pass</c>, <c>tie</c>, <c>different</c>). Looks at a bounded prefix only.
    /// </summary>
    private static bool StartsLikeAVerdict(string line)
    {
        int i = 0;
        while (i < line.Length && i < MaxMarkerLineLength && !char.IsAsciiLetter(line[i]))
        {
            i++;
        }

        var prefix = new StringBuilder(48);
        for (; i < line.Length && prefix.Length < 48; i++)
        {
            char c = line[i];
            if (c is '*' or '_' or '`')
            {
                continue;
            }

            // Any other character (an emoji, a long dash, a fullwidth colon) stands as one non-letter.
            prefix.Append(c > '~' || c < ' ' ? '\u0001' : char.ToLowerInvariant(c));
        }

        return VerdictStart().IsMatch(prefix.ToString());
    }

    private static bool HasAnyField(JsonElement json, string[] fields) =>
        json.EnumerateObject().Any(p => AsciiLower(p.Name) is { } name && Array.IndexOf(fields, name) >= 0);

    // ---- Rubric -----------------------------------------------------------------------------------------------

    private static bool RubricField(string name, JsonElement value, Claims<bool> claims, string source)
    {
        switch (name)
        {
            case "verdict":
                bool? verdict = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => PassOrFail(Marker(value.GetString()!)),
                    _ => null,
                };
                claims.AddOrProblem(verdict, source, $"{source} is neither \"pass\" nor \"fail\"");
                return true;
            case "pass" or "passed":
                bool? pass = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                claims.AddOrProblem(pass, source, $"{source} is not true or false");
                return true;
            case "score":
                if (value.ValueKind == JsonValueKind.Null)
                {
                    return true;
                }

                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double score) || !double.IsFinite(score))
                {
                    claims.Problems.Add($"{source} is not a number on the rubric's 1-5 scale");
                }
                else
                {
                    AddScore(claims, score, null, source);
                }

                return true;
            default:
                return false;
        }
    }

    private static bool RubricLine(string marker, Claims<bool> claims, string source)
    {
        Match verdict = RubricVerdictLine().Match(marker);
        if (verdict.Success)
        {
            claims.Add(PassOrFail(verdict.Groups["v"].Value)!.Value, source);
            return true;
        }

        Match score = ScoreLine().Match(marker);
        if (score.Success)
        {
            double value = double.Parse(score.Groups["s"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            double? scale = score.Groups["d"].Success ? double.Parse(score.Groups["d"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : null;
            AddScore(claims, value, scale, source);
            return true;
        }

        return false;
    }

    private static void AddScore(Claims<bool> claims, double score, double? scale, string source)
    {
        if (score is < 1 or > 5 || scale is double s && s != 5)
        {
            string given = scale is double d ? $"{Number(score)}/{Number(d)}" : Number(score);
            claims.Problems.Add($"score {given} ({source}) is outside the rubric's 1-5 scale");
            return;
        }

        claims.Scores.Add((score, source));
    }

    private static bool? RubricBracket(string token) => PassOrFail(token);

    private static bool? PassOrFail(string? word) => word switch
    {
        "pass" or "passed" => true,
        "fail" or "failed" => false,
        _ => null,
    };

    // ---- Pairwise ---------------------------------------------------------------------------------------------

    private static bool PairwiseField(string name, JsonElement value, Claims<PairwiseLabel> claims, string source)
    {
        if (name is not ("winner" or "verdict"))
        {
            return false;
        }

        PairwiseLabel? choice = value.ValueKind == JsonValueKind.String && Marker(value.GetString()!) is { } marker && PairwiseChoiceValue().Match(marker) is { Success: true } m
            ? Label(m.Groups["c"].Value)
            : null;
        claims.AddOrProblem(choice, source, $"{source} is not \"Output (a)\", \"Output (b)\" or \"tie\"");
        return true;
    }

    private static bool PairwiseLine(string marker, Claims<PairwiseLabel> claims, string source)
    {
        Match match = PairwiseVerdictLine().Match(marker);
        if (!match.Success)
        {
            return false;
        }

        claims.Add(Label(match.Groups["c"].Value), source);
        return true;
    }

    private static PairwiseLabel? PairwiseBracket(string token) => token is "a" or "b" or "c" ? Label(token) : null;

    private static PairwiseLabel Label(string choice) => choice switch
    {
        "a" => PairwiseLabel.A,
        "b" => PairwiseLabel.B,
        _ => PairwiseLabel.Tie,
    };

    private static string Describe(PairwiseLabel label) => label switch
    {
        PairwiseLabel.A => "Output (a)",
        PairwiseLabel.B => "Output (b)",
        _ => "a tie",
    };

    // ---- Equivalence ------------------------------------------------------------------------------------------

    private static bool EquivalenceField(string name, JsonElement value, Claims<bool> claims, string source)
    {
        switch (name)
        {
            case "equivalent":
                bool? equivalent = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                claims.AddOrProblem(equivalent, source, $"{source} is not true or false");
                return true;
            case "verdict":
                bool? verdict = value.ValueKind == JsonValueKind.String && Marker(value.GetString()!) is { } marker && EquivalenceValue().Match(marker) is { Success: true } m
                    ? Equivalent(m)
                    : null;
                claims.AddOrProblem(verdict, source, $"{source} is neither \"equivalent\" nor \"different\"");
                return true;
            default:
                return false;
        }
    }

    private static bool EquivalenceLine(string marker, Claims<bool> claims, string source)
    {
        Match match = EquivalenceVerdictLine().Match(marker);
        if (!match.Success)
        {
            return false;
        }

        claims.Add(Equivalent(match), source);
        return true;
    }

    private static bool? EquivalenceBracket(string token) => token switch
    {
        "equivalent" or "same" => true,
        "different" or "not equivalent" => false,
        _ => null,
    };

    private static bool Equivalent(Match match) =>
        match.Groups["yes"].Success || match.Groups["yn"].Value is "yes" or "true";

    // ---- Shared -----------------------------------------------------------------------------------------------

    /// <summary>
    /// A line reduced to what a marker is matched against: ASCII only (else no marker at all), markdown emphasis,
    /// inline code, headings, list bullets and closing punctuation removed, lower case. Null when it cannot be one.
    /// </summary>
    private static string? Marker(string line)
    {
        if (line.Length > MaxMarkerLineLength * 2)
        {
            return null;
        }

        var text = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            // Look-alikes (Cyrillic, Greek, fullwidth), zero-width joiners and other invisible characters are not
            // ASCII: a line holding one is not a marker, so "pаss" with a Cyrillic "а" never reads as pass.
            if (c > '~' || (c < ' ' && c != '\t'))
            {
                return null;
            }

            if (c is not ('*' or '`' or '_'))
            {
                text.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c == '\t' ? ' ' : c);
            }
        }

        string marker = text.ToString().Trim().TrimStart('#').Trim();
        if (marker.StartsWith("- ", StringComparison.Ordinal) || marker.StartsWith("+ ", StringComparison.Ordinal))
        {
            marker = marker[2..].Trim();
        }

        marker = marker.TrimEnd('.', '!', ' ');
        return marker.Length is 0 or > MaxMarkerLineLength ? null : marker;
    }

    /// <summary>The token of a <c>[[...]]</c> marker ending a line, ASCII lower case; null when there is none.</summary>
    private static string? Bracket(string line)
    {
        string trimmed = line.TrimEnd().TrimEnd('.', '!').TrimEnd();
        if (!trimmed.EndsWith("]]", StringComparison.Ordinal))
        {
            return null;
        }

        int open = trimmed.LastIndexOf("[[", StringComparison.Ordinal);
        return open < 0 || trimmed.Length - open > 20 ? null : AsciiLower(trimmed[(open + 2)..^2].Trim());
    }

    private static string? AsciiLower(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c > '~' || c < ' ')
            {
                return null;
            }

            text.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c);
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // The grammars below run on a marker: ASCII, lower case, at most MaxMarkerLineLength characters, so their cost
    // is bounded per line without a match timeout (whose exception would escape the reader). They are anchored at
    // both ends: a marker is the whole line.
    private const string LabelPrefix = @"(?:(?:the|my)\s+)?(?:(?:final|overall)\s+)?";

    private const string Separator = @"(?:\s*[:=\-]\s*|\s+is\s*[:=\-]?\s*|\s+)";

    [GeneratedRegex("^(?:" + LabelPrefix + @"(?:verdict|decision|result|answer|grade)" + Separator + @")?(?:\[\[(?<v>pass|passed|fail|failed)\]\]|(?<v>pass|passed|fail|failed))$", RegexOptions.CultureInvariant)]
    private static partial Regex RubricVerdictLine();

    [GeneratedRegex(@"^(?:(?:final|overall)\s+)?(?:score|rating)" + Separator + @"(?<s>\d{1,6}(?:\.\d{1,6})?)(?:\s*(?:/|out\s+of)\s*(?<d>\d{1,6}(?:\.\d{1,6})?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreLine();

    private const string Choice = @"(?:(?:output|response|assistant)(?:\s*\((?<c>[ab])\)|\s+(?<c>[ab]))|\((?<c>[ab])\)|\[\[(?<c>[abc])\]\]|(?<c>[ab])|(?<c>tie))";

    [GeneratedRegex("^" + Choice + "$", RegexOptions.CultureInvariant)]
    private static partial Regex PairwiseChoiceValue();

    [GeneratedRegex("^(?:" + LabelPrefix + @"(?:verdict|decision|answer|choice|winner|better\s+output|better\s+response|preferred\s+output)" + Separator + ")?" + Choice + @"(?:\s+is\s+(?:the\s+)?better(?:\s+(?:output|response|one))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PairwiseVerdictLine();

    private const string EquivalenceWord = @"(?:(?<yes>equivalent|same|the\s+same)|(?<no>not\s+equivalent|different)|\[\[(?:(?<yes>equivalent|same)|(?<no>not\s+equivalent|different))\]\])";

    [GeneratedRegex("^" + EquivalenceWord + "$", RegexOptions.CultureInvariant)]
    private static partial Regex EquivalenceValue();

    [GeneratedRegex("^(?:(?:" + LabelPrefix + @"(?:verdict|decision|answer|result)" + Separator + ")?" + EquivalenceWord + @"|(?:equivalent|same\s+meaning)" + Separator + @"(?<yn>yes|no|true|false))$", RegexOptions.CultureInvariant)]
    private static partial Regex EquivalenceVerdictLine();

    // How a line starts when it is meant as a verdict (see StartsLikeAVerdict): run on an ASCII, lower-case prefix
    // of at most 48 characters in which any other character is \u0001.
    [GeneratedRegex("^(?:" + LabelPrefix + @"(?:(?:verdict|decision|result|answer|grade|winner|choice|better\s+(?:output|response)|preferred\s+output|equivalent|equivalence|same\s+meaning|score|rating)\s*[:=\-\u0001]|(?:verdict|decision|winner)(?![a-z])|(?:pass|passed|fail|failed|tie|different|not\s+equivalent)(?![a-z])))", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictStart();

    /// <summary>The claims one answer makes (those of its end, and earlier ones), and the problems found reading it.</summary>
    private sealed class Claims<T>(Func<T, string> describe)
        where T : struct
    {
        private readonly List<(T Value, string Source, bool AtEnd)> _verdicts = new();

        public List<string> Problems { get; } = new();

        public List<(double Value, string Source)> Scores { get; } = new();

        public string? Reasoning { get; set; }

        /// <summary>Whether the claims being added are those of the answer's end.</summary>
        public bool ReadingEnd { get; set; }

        /// <summary>Why the answer's end holds no verdict, when it holds none.</summary>
        public string? Ending { get; set; }

        public bool HasEnding => _verdicts.Any(v => v.AtEnd);

        public (T Value, string Source) Verdict { get; private set; }

        public void Add(T value, string source) => _verdicts.Add((value, source, ReadingEnd));

        public void AddOrProblem(T? value, string source, string problem)
        {
            if (value is T v)
            {
                Add(v, source);
            }
            else
            {
                Problems.Add(problem);
            }
        }

        /// <summary>
        /// Settles the verdict from the answer's end; returns why it cannot be settled: no verdict at the end
        /// (<paramref name="none"/> and why), or claims that disagree.
        /// </summary>
        public string? Decide(string none)
        {
            List<(T Value, string Source, bool AtEnd)> final = _verdicts.Where(v => v.AtEnd).ToList();
            if (final.Count == 0)
            {
                string earlier = _verdicts.Count == 0 ? string.Empty : $"; an earlier claim ({_verdicts[0].Source}) never decides alone: only the end of the answer does";
                return $"{none}; {Ending ?? "it ends with no verdict"}{earlier}";
            }

            // Every claim must agree with the end's; all are named, in the order they were read.
            (T Value, string Source, bool _) decided = final[0];
            if (_verdicts.Any(v => !EqualityComparer<T>.Default.Equals(v.Value, decided.Value)))
            {
                return "the answer contradicts itself: " + string.Join(", but ", _verdicts.Select(v => $"{v.Source} says {describe(v.Value)}"));
            }

            Verdict = _verdicts.Count == 1 ? (decided.Value, decided.Source) : (decided.Value, $"{decided.Source} and {_verdicts.Count - 1} more agreeing");
            return null;
        }
    }
}

/// <summary>A rubric judge's answer: pass or fail, an optional score on the 1-5 scale, and where it was read.</summary>
internal readonly record struct RubricAnswer(bool Pass, double? Score, string? Reasoning, string ReadFrom);

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
