using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging.Aggregation;

/// <summary>Short ways to write the verdicts a test decides on.</summary>
internal static class Verdicts
{
    public static Verdict Pass(string judge, double? score = 1.0) => Verdict.Pass(judge, score, judge + " passed it");

    public static Verdict Fail(string judge, double? score = 0.0) => Verdict.Fail(judge, score, judge + " failed it");

    public static Verdict Abstain(string judge) => Verdict.Inconclusive(judge, judge + " could not tell");

    public static Verdict Of(string judge, VerdictOutcome outcome, double? score = null) => outcome switch
    {
        VerdictOutcome.Pass => Pass(judge, score ?? 1.0),
        VerdictOutcome.Fail => Fail(judge, score ?? 0.0),
        _ => Abstain(judge),
    };

    public static IReadOnlyList<Verdict> List(params Verdict[] verdicts) => verdicts;

    /// <summary>Verdicts "a", "b", "c"... from a pattern such as "PF?": P pass, F fail, anything else abstains.</summary>
    public static IReadOnlyList<Verdict> Pattern(string pattern) =>
        pattern.Select((c, i) => Of(((char)('a' + i)).ToString(), c switch { 'P' => VerdictOutcome.Pass, 'F' => VerdictOutcome.Fail, _ => VerdictOutcome.Inconclusive })).ToArray();
}
