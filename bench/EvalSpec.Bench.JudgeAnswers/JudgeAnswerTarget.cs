using System;
using System.Text;
using EvalSpec.Judging;

namespace EvalSpec.Bench.Answers;

/// <summary>
/// The fuzzing entry point: turns bytes into an answer and reads it with every judge's reader. Anything that
/// escapes (an exception, or a broken invariant reported as one) is a finding.
/// </summary>
public static class JudgeAnswerTarget
{
    /// <summary>First byte selecting UTF-16 mode: the rest is UTF-16LE code units, lone surrogates included.</summary>
    public const byte Utf16Mode = 0x01;

    /// <summary>First byte selecting repeat mode: the rest (UTF-8) is repeated to just under the size cap.</summary>
    public const byte RepeatMode = 0x02;

    /// <summary>Reads <paramref name="input"/> as a judge's answer with every reader; throws on a finding.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        string answer = Decode(input);
        Check(JudgeAnswers.ParseRubric(answer), "rubric");
        Check(JudgeAnswers.ParseRubric(answer, passingScore: 3), "rubric with a passing score");
        Check(JudgeAnswers.ParsePairwise(answer), "pairwise");
        Check(JudgeAnswers.ParseEquivalence(answer), "equivalence");
        string kept = JudgeAnswers.Keep(answer);
        if (kept.Length > JudgeAnswers.MaxAnswerLength + 200)
        {
            throw new InvalidOperationException($"Keep returned {kept.Length} characters for an answer of {answer.Length}.");
        }
    }

    /// <summary>The answer the bytes stand for (other first bytes: the whole input as UTF-8).</summary>
    public static string Decode(ReadOnlySpan<byte> input)
    {
        if (input.Length > 0 && input[0] == Utf16Mode)
        {
            ReadOnlySpan<byte> units = input[1..];
            var chars = new char[units.Length / 2];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(units[2 * i] | (units[2 * i + 1] << 8));
            }

            return new string(chars);
        }

        if (input.Length > 1 && input[0] == RepeatMode)
        {
            string unit = Encoding.UTF8.GetString(input[1..]);
            if (unit.Length == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder(JudgeAnswers.MaxAnswerLength);
            while (text.Length + unit.Length <= JudgeAnswers.MaxAnswerLength)
            {
                text.Append(unit);
            }

            return text.ToString();
        }

        return Encoding.UTF8.GetString(input);
    }

    // A reader returns a value, or no value and a reason: never both, never neither.
    private static void Check<T>(JudgeParse<T> parse, string reader)
        where T : struct
    {
        if (parse.Value is null == string.IsNullOrEmpty(parse.Problem))
        {
            throw new InvalidOperationException($"The {reader} reader returned value {parse.Value?.ToString() ?? "none"} with problem \"{parse.Problem}\".");
        }
    }
}
