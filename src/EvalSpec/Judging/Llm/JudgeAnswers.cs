using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// The one grammar for reading LLM judges' answers (docs/judges.md, "How a judge's answer is read"). An answer is read from
/// two kinds of claims, and every claim in it must agree:
/// <list type="bullet">
/// <item>JSON answer objects: top-level <c>{...}</c> objects (bare, in a fence that ends the answer, or inside prose)
/// with a field of the judge's kind (<c>verdict</c>, <c>pass</c>, <c>passed</c>, <c>score</c>; <c>winner</c>;
/// <c>equivalent</c>).</item>
/// <item>Verdict lines: lines that are nothing but a verdict marker (<c>Verdict: fail</c>, <c>**PASS**</c>,
/// <c>[[A]]</c>, <c>Output (b)</c>, <c>Equivalent: no</c>); decorated ones, with emoji, symbols, punctuation and at
/// most one reason in parentheses after the verdict (<c>Verdict: FAIL ❌</c>, <c>**Verdict:** FAIL (reason)</c>,
/// <c>VERDICT — FAIL</c>), when they start with a label or are the answer's last line; and a double-bracket marker
/// ending the last line (MT-Bench's <c>... [[A]]</c>).</item>
/// </list>
/// Quotations are never read, neither as claims nor as contradictions (see <see cref="AnswerText"/>): code fences
/// other than one ending the answer, block quotes, indented code, HTML quotes, lines wholly in inline code, JSON
/// opened right after a backtick or quotation mark, and the paragraph a prose line introduces with a colon (never
/// the answer's last line). Words inside reasoning, inside quotation marks or inside JSON strings are never read.
/// A last line that starts like a verdict but is not one, or starts with a verdict that disagrees with the claims,
/// makes the answer unreadable, so a final verdict is never passed over; so does a last line, not read as a claim,
/// whose verdict (after any short label, or styled as a quotation: <c>Overall: FAIL</c>, <c>&gt; **Verdict: FAIL**</c>)
/// disagrees with the claims (see <see cref="CheckFinalLine"/>). Markers are ASCII only, so look-alike
/// letters, fullwidth forms and zero-width characters never make one. Claims that disagree, a field that cannot be
/// read, a score off the scale or on the wrong side of a declared passing score, a verdict field outside any
/// complete JSON object and an answer longer than <see cref="MaxAnswerLength"/> all make the answer unreadable,
/// with a reason naming what was found; so does an answer whose only verdicts are quoted ("no explicit verdict").
/// Reading is linear in the answer's length.
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
    private static readonly string[] RubricFields = { "verdict", "result", "decision", "grade", "pass", "passed", "score" };

    private static readonly string[] PairwiseFields = { "winner", "verdict" };

    private static readonly string[] EquivalenceFields = { "equivalent", "verdict" };

    private const string NoRubricVerdict = "no explicit verdict was found: give a JSON \"verdict\" field (\"pass\" or \"fail\") or \"pass\" field (true or false), or a line that is only \"Verdict: pass\" or \"Verdict: fail\"";

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

        return claims.Decide("no explicit choice was found: give a JSON \"winner\" field (\"Output (a)\", \"Output (b)\" or \"tie\") or a line that is only \"Output (a)\", \"Output (b)\", \"[[A]]\", \"[[B]]\" or \"tie\"") is { } undecided
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

        return claims.Decide("no explicit verdict was found: give a JSON \"equivalent\" field (true or false) or a line that is only \"Verdict: equivalent\" or \"Verdict: different\"") is { } undecided
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

    /// <summary>Collects the claims of one answer into <paramref name="claims"/>; returns the problems found (joined), if any.</summary>
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
        var answers = text.Objects.Where(o => HasAnyField(o.Json, fields)).ToList();
        var read = answers.Where(o => !o.Quoted).ToList();
        for (int i = 0; i < read.Count; i++)
        {
            string where = read.Count == 1 ? "JSON field" : $"JSON object {(i + 1).ToString(CultureInfo.InvariantCulture)}'s field";
            foreach (JsonProperty property in read[i].Json.EnumerateObject())
            {
                string name = AsciiLower(property.Name) ?? string.Empty;
                string source = $"{where} {Shorten($"\"{property.Name}\": {property.Value.GetRawText()}")}";
                if (!readField(name, property.Value, claims, source) && Array.IndexOf(ReasoningFields, name) >= 0 && property.Value.ValueKind == JsonValueKind.String)
                {
                    claims.Reasoning ??= property.Value.GetString();
                }
            }
        }

        claims.QuotedClaims = answers.Count - read.Count;
        AnswerLine? last = text.LastLine is { Readable: true } l ? l : null;
        var scratch = new Claims<T>(claims.Describe);
        AnswerLine? lastUnread = null;
        foreach (AnswerLine line in text.AllLines)
        {
            bool isLast = line.Number == last?.Number;
            string source = $"line {line.Number.ToString(CultureInfo.InvariantCulture)} \"{Shorten(line.Text.Trim())}\"";
            if (!line.Readable)
            {
                // Counted only to say so when nothing else decides: a quotation is never a claim.
                claims.QuotedClaims += ReadVerdictLine(line.Text.TrimStart(' ', '\t', '>'), labelled: false, scratch, readLine, source) ? 1 : 0;
                continue;
            }

            // Anywhere: a clean verdict line, or a decorated one with a label ("**Verdict:** FAIL (reason)").
            // The last line: a decorated one without a label too ("FAIL \u274C"), else MT-Bench's "... [[A]]".
            if (ReadVerdictLine(line.Text, labelled: !isLast, claims, readLine, source))
            {
                continue;
            }

            if (!isLast)
            {
                continue;
            }

            lastUnread = line;
        }

        if (lastUnread is { } end)
        {
            ReadUnreadLastLine(end.Text, claims, readLine, readBracket);
        }

        // The last line, unless it was read as a claim: a quoted one, or one that is not a verdict line.
        if (text.LastLine is { } final && (!final.Readable || lastUnread is not null))
        {
            CheckFinalLine(final, claims, readLine);
        }

        if (text.LooseField(fields) is { } loose)
        {
            claims.Problems.Add($"the answer has a \"{loose}\" field outside any complete JSON object (truncated or malformed JSON)");
        }

        return claims.Problems.Count == 0 ? null : string.Join("; ", claims.Problems);
    }

    /// <summary>
    /// Reads a last line that is not a verdict line. A marker ending it counts (MT-Bench's <c>... so A is better. [[A]]</c>).
    /// A line that starts with a verdict (<c>FAIL, not [[pass]]</c>, <c>Output (b), because ...</c>) or starts like one
    /// (<c>Verdict: pаss</c> with a look-alike letter) never decides, but it is never passed over either: the verdict it
    /// starts with must agree with every claim read, and a line that only starts like a verdict makes the answer unreadable.
    /// </summary>
    private static void ReadUnreadLastLine<T>(string line, Claims<T> claims, Func<string, Claims<T>, string, bool> readLine, Func<string, T?> readBracket)
        where T : struct
    {
        if (Bracket(line) is { } token && readBracket(token) is T bracketed)
        {
            claims.Add(bracketed, $"\"[[{token}]]\" ending the answer");
        }

        string shown = Shorten(line.Trim());
        if (LeadingVerdict(line, claims.Describe, readLine) is T leading)
        {
            // With no claim at all, the answer has no explicit verdict, and says so when it is settled.
            if (claims.Count > 0 && !claims.AllAgreeWith(leading))
            {
                claims.Problems.Add($"the answer contradicts itself: its last line \"{shown}\" starts with {claims.Describe(leading)} (not a verdict line: a verdict line holds the verdict, in plain ASCII, with at most a label before it and emoji, punctuation or one reason in parentheses after it), but the answer's other claims say otherwise");
            }
        }
        else if (StartsLikeAVerdict(line))
        {
            claims.Problems.Add($"no explicit verdict ends the answer: its last line \"{shown}\" starts like a verdict line but is not one: a verdict line holds the verdict, in plain ASCII, with at most a label before it and emoji, punctuation or one reason in parentheses after it");
        }
    }

    /// <summary>
    /// The answer's last line, when it was not read as a claim, must not hold a verdict that disagrees with the claims:
    /// a final verdict under a label the grammar does not know (<c>Overall: FAIL</c>, <c>Corrected verdict: FAIL</c>,
    /// <c>Correction: Winner: B</c>), or styled as a quotation (<c>&gt; **Final verdict: FAIL**</c>,
    /// <c>`Verdict: FAIL`</c>), is the judge's last word. It never decides (its label may be anything), but an answer
    /// whose last word disagrees with what was read is unreadable, never read the other way.
    /// </summary>
    private static void CheckFinalLine<T>(AnswerLine line, Claims<T> claims, Func<string, Claims<T>, string, bool> readLine)
        where T : struct
    {
        if (claims.Problems.Count > 0 || claims.Count == 0 || FinalLineVerdict(line.Text, claims.Describe, readLine) is not T final || claims.AllAgreeWith(final))
        {
            return;
        }

        claims.Problems.Add($"the answer contradicts itself: its last line \"{Shorten(line.Text.Trim())}\" says {claims.Describe(final)}{(line.Readable ? string.Empty : " (styled as a quotation, so not read as a claim)")}, but the answer's other claims say otherwise");
    }

    /// <summary>
    /// The verdict of a last line as a whole (block-quote marks, inline code and emphasis aside), or after a short
    /// label of at most four words and a colon (<c>Overall: FAIL</c>, <c>Correction: Winner: B</c>); null when there is none.
    /// </summary>
    private static T? FinalLineVerdict<T>(string line, Func<T, string> describe, Func<string, Claims<T>, string, bool> readLine)
        where T : struct
    {
        string text = line.Trim().TrimStart('>', ' ', '\t');
        var scratch = new Claims<T>(describe);
        if (ReadVerdictLine(text, labelled: false, scratch, readLine, string.Empty))
        {
            return scratch.First;
        }

        string bare = text.Trim('*', '_', '`', ' ');
        int colon = bare.IndexOf(':');
        if (colon <= 0 || colon > 60)
        {
            return null;
        }

        // Decoration around the label (heading marks, bullets, list numbers, emphasis, emoji) is no part of it.
        string label = bare[..colon];
        int from = 0, to = label.Length;
        while (from < to && !char.IsAsciiLetter(label[from]))
        {
            from++;
        }

        while (to > from && !char.IsAsciiLetter(label[to - 1]))
        {
            to--;
        }

        label = label[from..to];
        if (label.Length == 0 || label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4 || !label.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '\''))
        {
            return null;
        }

        return ReadVerdictLine(bare[(colon + 1)..], labelled: false, scratch, readLine, string.Empty) ? scratch.First : null;
    }

    /// <summary>
    /// The verdict a line starts with: the shortest start of it within its first 60 characters that is a verdict line
    /// and is followed by punctuation, a symbol or nothing, not by a word (<c>Output (b)</c> in <c>Output (b), on the
    /// other hand, ...</c>; nothing in <c>Output (a) does not ...</c>).
    /// </summary>
    private static T? LeadingVerdict<T>(string line, Func<T, string> describe, Func<string, Claims<T>, string, bool> readLine)
        where T : struct
    {
        string normal = TrimDecoration(Normalize(line.Length > MaxMarkerLineLength * 2 ? line[..(MaxMarkerLineLength * 2)] : line));
        for (int j = 1; j <= normal.Length && j <= 60; j++)
        {
            // A verdict followed by words is the subject of a sentence ("Output (a) does not ..."), not a verdict.
            int next = j;
            while (next < normal.Length && normal[next] == ' ')
            {
                next++;
            }

            // A question ("Pass? No.") is not a verdict either.
            if (next < normal.Length && normal[next] is not (',' or '.' or ';' or ':' or '!' or '"' or '\'' or '(' or '-' or '\u0001' or '\u0002'))
            {
                continue;
            }

            var scratch = new Claims<T>(describe);
            if (readLine(normal[..j].TrimEnd(), scratch, string.Empty) && scratch.First is T value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a line begins like a verdict line once leading decoration (markdown, bullets, emoji, punctuation) is
    /// skipped: a label and a separator (<c>Verdict:</c>, <c>**Decision** =</c>, <c>Equivalent —</c>), a label that
    /// never starts prose (<c>Verdict</c>, <c>Decision</c>, <c>Winner</c>), a bare verdict word (<c>FAIL</c>,
    /// <c>pass</c>, <c>tie</c>, <c>equivalent</c>, <c>different</c>), a double-bracket marker (<c>[[B]]</c>), or a
    /// choice followed by decoration (<c>Output (b) —</c>, <c>Output (b):</c>, <c>(b) (reason</c>, <c>B</c> and a
    /// zero-width space; not <c>Output (b) is better</c>, <c>Output (b), on the other hand</c> or <c>A good answer</c>).
    /// Looks at a bounded prefix only.
    /// </summary>
    private static bool StartsLikeAVerdict(string line)
    {
        // A marker first: "[[B]] — (b) is more accurate".
        if (line.TrimStart(' ', '\t', '*', '_', '#', '-').StartsWith("[[", StringComparison.Ordinal))
        {
            return true;
        }

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
            // "result", "decision" and "grade" are verdict-line labels too: a judge that writes {"result": "fail"} means its verdict.
            case "verdict" or "result" or "decision" or "grade":
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

    /// <summary>
    /// The markers of a decorated verdict line, whole and without a final reason in parentheses: emoji, symbols and punctuation around it and one reason in parentheses
    /// after it (<c>Verdict: FAIL ❌</c>, <c>**Verdict:** FAIL (60 days)</c>, <c>VERDICT — FAIL</c>, <c>1. FAIL</c>),
    /// for the judge's grammar to match. Only a line with a label (<c>Verdict</c>, <c>Winner</c>, ...) gives one
    /// unless <paramref name="labelled"/> is false; the reason is never read. Nulls when there is none.
    /// </summary>
    private static (string? Whole, string? WithoutReason) Decorated(string line, bool labelled)
    {
        if (line.Length > MaxMarkerLineLength * 2)
        {
            return (null, null);
        }

        string head = TrimDecoration(Normalize(line));

        // One reason in parentheses after the verdict: "FAIL (60 days is not 30 days)"; "Output (b)" is no reason.
        int open = head.LastIndexOf('(');
        string? withoutReason = open > 0 && head.IndexOf(')', open) == head.Length - 1 ? Head(TrimDecoration(head[..open]), labelled) : null;
        return (Head(head, labelled), withoutReason);
    }

    /// <summary>Reads <paramref name="line"/> as a clean verdict line, else as a decorated one (<see cref="Decorated"/>).</summary>
    private static bool ReadVerdictLine<T>(string line, bool labelled, Claims<T> claims, Func<string, Claims<T>, string, bool> readLine, string source)
        where T : struct
    {
        if (Marker(line) is { } clean && readLine(clean, claims, source))
        {
            return true;
        }

        (string? whole, string? withoutReason) = Decorated(line, labelled);
        return (whole is not null && readLine(whole, claims, source)) || (withoutReason is not null && readLine(withoutReason, claims, source));
    }

    /// <summary>
    /// A line as decorated verdicts are matched: ASCII lower case without emphasis marks; emoji and other symbols
    /// become \u0001, long dashes '-', a fullwidth colon ':', and every other character (letters of other scripts,
    /// look-alikes, zero-width and combining characters) \u0002, which no decoration and no marker accepts.
    /// </summary>
    private static string Normalize(string line)
    {
        var text = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '*' or '`' or '_')
            {
                continue;
            }

            if (c <= '~')
            {
                text.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c == '\t' ? ' ' : c < ' ' ? '\u0002' : c);
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(line, i);
            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
            }

            text.Append(c switch
            {
                '\u2014' or '\u2013' or '\u2012' or '\u2015' => '-',
                '\uFF1A' => ':',
                '\uFE0F' => ' ',
                _ => category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol ? '\u0001' : '\u0002',
            });
        }

        return text.ToString();
    }

    // Decoration around a verdict: white space, emoji and symbols, heading marks, list bullets and closing punctuation.
    private static string TrimDecoration(string text)
    {
        string trimmed = text.Trim(' ', '\u0001', '.', '!', ',', ';', ':', '#').Trim();
        if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("+ ", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..].Trim(' ', '\u0001');
        }

        // A numbered list item: "1. Verdict: fail".
        int digits = 0;
        while (digits < trimmed.Length && digits < 3 && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        return digits > 0 && trimmed.Length > digits + 1 && trimmed[digits] is '.' or ')' && trimmed[digits + 1] == ' ' ? trimmed[(digits + 2)..].Trim(' ', '\u0001') : trimmed;
    }

    private static string? Head(string head, bool labelled) =>
        head.Length is 0 or > MaxMarkerLineLength || head.Contains('\u0002') || head.Contains('\u0001') || (labelled && !VerdictLabel().IsMatch(head)) ? null : head;

    /// <summary>The token of a <c>[[...]]</c> marker ending a line, ASCII lower case; null when there is none.</summary>
    private static string? Bracket(string line)
    {
        // Emoji (and their variation selectors) after the marker are decoration: "... [[fail]] \u274C".
        int end = line.Length;
        while (end > 0)
        {
            char c = line[end - 1];
            if (char.IsWhiteSpace(c) || c is '.' or '!' or '\uFE0F' || (!char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol))
            {
                end--;
            }
            else if (end > 1 && char.IsLowSurrogate(c) && char.IsHighSurrogate(line[end - 2]) && CharUnicodeInfo.GetUnicodeCategory(line, end - 2) == UnicodeCategory.OtherSymbol)
            {
                end -= 2;
            }
            else
            {
                break;
            }
        }

        string trimmed = line[..end];
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

    // A verdict label at the start of a decorated line: "verdict", "my final decision", "winner", "equivalent", ...
    [GeneratedRegex("^" + LabelPrefix + @"(?:verdict|decision|result|answer|grade|winner|choice|better\s+output|better\s+response|preferred\s+output|equivalent|same\s+meaning)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictLabel();

    // How a line starts when it is meant as a verdict (see StartsLikeAVerdict): run on an ASCII, lower-case prefix
    // of at most 48 characters in which any other character is \u0001.
    [GeneratedRegex("^(?:" + LabelPrefix + @"(?:(?:verdict|decision|result|answer|grade|winner|choice|better\s+(?:output|response)|preferred\s+output|equivalent|equivalence|same\s+meaning|score|rating)\s*[:=\-\u0001]|(?:verdict|decision|winner)(?![a-z])|(?:pass|passed|fail|failed|tie|equivalent|same|different|not\s+equivalent)(?![a-z])|(?:(?:output|response|assistant)\s*(?:\([ab]\)|[ab])|[ab]\)|[ab])\s*(?:[\u0001:=\-(\[]|$)))", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictStart();

    /// <summary>The claims one answer makes, and the problems found reading it.</summary>
    private sealed class Claims<T>(Func<T, string> describe)
        where T : struct
    {
        private readonly List<(T Value, string Source)> _verdicts = new();

        public List<string> Problems { get; } = new();

        public List<(double Value, string Source)> Scores { get; } = new();

        public string? Reasoning { get; set; }

        /// <summary>How many verdicts were found inside quotations (and not read).</summary>
        public int QuotedClaims { get; set; }

        public Func<T, string> Describe => describe;

        public (T Value, string Source) Verdict { get; private set; }

        public int Count => _verdicts.Count;

        /// <summary>The first verdict claimed, if any.</summary>
        public T? First => _verdicts.Count > 0 ? _verdicts[0].Value : null;

        /// <summary>Whether some verdict was claimed and every one is <paramref name="value"/>.</summary>
        public bool AllAgreeWith(T value) => _verdicts.Count > 0 && _verdicts.TrueForAll(v => EqualityComparer<T>.Default.Equals(v.Value, value));

        public void Add(T value, string source) => _verdicts.Add((value, source));

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

        /// <summary>Settles the verdict; returns why it cannot be settled (none, or claims that disagree).</summary>
        public string? Decide(string none)
        {
            if (_verdicts.Count == 0)
            {
                return QuotedClaims == 0
                    ? none
                    : $"{none} (the answer's {QuotedClaims.ToString(CultureInfo.InvariantCulture)} verdict{(QuotedClaims == 1 ? " is" : "s are")} inside quotations: code fences, block quotes, inline code, quotation marks or a paragraph introduced by a colon, which are never read)";
            }

            (T Value, string Source) first = _verdicts[0];
            if (_verdicts.Any(v => !EqualityComparer<T>.Default.Equals(v.Value, first.Value)))
            {
                return "the answer contradicts itself: " + string.Join(", but ", _verdicts.Select(v => $"{v.Source} says {describe(v.Value)}"));
            }

            Verdict = _verdicts.Count == 1 ? first : (first.Value, $"{first.Source} and {_verdicts.Count - 1} more agreeing");
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
