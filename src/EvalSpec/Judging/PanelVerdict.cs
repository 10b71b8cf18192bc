using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>A panel's decision and every verdict it was made from.</summary>
public sealed record PanelVerdict
{
    /// <summary>Creates a panel verdict.</summary>
    /// <param name="panel">The panel's name.</param>
    /// <param name="outcome">The aggregated outcome.</param>
    /// <param name="score">Mean score of the judges that gave one, or <see langword="null"/>.</param>
    /// <param name="rationale">How the outcome followed from the verdicts.</param>
    /// <param name="verdicts">Every judge's verdict, in panel order.</param>
    public PanelVerdict(string panel, VerdictOutcome outcome, double? score, string rationale, IReadOnlyList<Verdict> verdicts)
    {
        Panel = panel;
        Outcome = outcome;
        Score = score;
        Rationale = rationale;
        Verdicts = verdicts;
    }

    /// <summary>The panel's name.</summary>
    public string Panel { get; init; }

    /// <summary>The aggregated outcome.</summary>
    public VerdictOutcome Outcome { get; init; }

    /// <summary>Mean score of the judges that gave one, or <see langword="null"/>.</summary>
    public double? Score { get; init; }

    /// <summary>How the outcome followed from the verdicts.</summary>
    public string Rationale { get; init; }

    /// <summary>Every judge's verdict, in panel order (judges skipped by early stopping have none).</summary>
    public IReadOnlyList<Verdict> Verdicts { get; init; }

    /// <summary>Judges not asked because the outcome could no longer change (early stopping).</summary>
    public int JudgesSkipped { get; init; }

    /// <summary>Model calls made by the judges asked.</summary>
    public int ModelCalls => Verdicts.Sum(v => v.ModelCalls);

    /// <summary>
    /// The verdicts of judges that failed rather than decided (<see cref="Verdict.Errored"/>: they threw, timed out,
    /// their model errored, or their answer could not be read), in panel order.
    /// </summary>
    public IReadOnlyList<Verdict> ErroredVerdicts => Verdicts.Where(v => v.Errored).ToArray();

    /// <summary>How much of an unreadable judge's raw answer <see cref="Describe"/> shows (the results keep all of it).</summary>
    internal const int RawAnswerLimit = 500;

    /// <summary>"unreadable" for an errored judge that answered (its answer could not be read), else "errored".</summary>
    internal static string Problem(Verdict verdict) => string.IsNullOrWhiteSpace(verdict.RawOutput) ? "errored" : "unreadable";

    /// <summary>A multi-line description: the outcome, then one line per judge.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        string score = Score is double s ? " (score " + s.ToString("0.00", CultureInfo.InvariantCulture) + ")" : string.Empty;
        if (Verdicts.Count == 1 && Verdicts[0].Rationale == Rationale)
        {
            return $"{Panel}: {Outcome}{score}: {Rationale} [judge {Verdicts[0].Judge}]" + RawAnswer(Verdicts[0]);
        }

        string skipped = JudgesSkipped == 0 ? string.Empty : $"\n  ({JudgesSkipped} judge(s) not asked: the outcome could no longer change)";
        return $"{Panel}: {Outcome}{score}: {Rationale}" + string.Concat(Verdicts.Select(v => "\n  - " + v + RawAnswer(v))) + skipped;
    }

    /// <summary>
    /// For a judge whose answer could not be read: the start of that answer on its own line, so that a person sees
    /// what the judge said without opening the results.
    /// </summary>
    private static string RawAnswer(Verdict verdict)
    {
        if (!verdict.Errored || string.IsNullOrWhiteSpace(verdict.RawOutput))
        {
            return string.Empty;
        }

        string raw = verdict.RawOutput;
        string shown = raw;
        if (raw.Length > RawAnswerLimit)
        {
            // Never cut a surrogate pair in half.
            int cut = char.IsHighSurrogate(raw[RawAnswerLimit - 1]) ? RawAnswerLimit - 1 : RawAnswerLimit;
            shown = raw[..cut] + string.Create(CultureInfo.InvariantCulture, $"... (first {cut} of {raw.Length} characters; all of it in results.jsonl)");
        }

        return "\n    raw answer: \"" + shown.Replace("\r", "\\r", System.StringComparison.Ordinal).Replace("\n", "\\n", System.StringComparison.Ordinal) + "\"";
    }
}
