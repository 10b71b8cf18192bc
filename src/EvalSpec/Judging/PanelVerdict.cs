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

    /// <summary>A multi-line description: the outcome, then one line per judge.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        string score = Score is double s ? " (score " + s.ToString("0.00", CultureInfo.InvariantCulture) + ")" : string.Empty;
        if (Verdicts.Count == 1 && Verdicts[0].Rationale == Rationale)
        {
            return $"{Panel}: {Outcome}{score}: {Rationale} [judge {Verdicts[0].Judge}]";
        }

        string skipped = JudgesSkipped == 0 ? string.Empty : $"\n  ({JudgesSkipped} judge(s) not asked: the outcome could no longer change)";
        return $"{Panel}: {Outcome}{score}: {Rationale}" + string.Concat(Verdicts.Select(v => "\n  - " + v)) + skipped;
    }
}
