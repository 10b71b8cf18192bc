using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// A calibration item for <see cref="DawidSkeneModel.Fit(IEnumerable{LabelledJudgement}, bool)"/>: the verdicts of
/// the judges that judged one output, and the outcome a person decided is correct.
/// </summary>
public sealed record LabelledJudgement
{
    /// <summary>Creates a calibration item.</summary>
    /// <param name="verdicts">The verdicts of the judges that judged the output (at most one per judge); inconclusive verdicts are missing data.</param>
    /// <param name="trueOutcome">The correct outcome: pass or fail.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trueOutcome"/> is inconclusive.</exception>
    public LabelledJudgement(IReadOnlyList<Verdict> verdicts, VerdictOutcome trueOutcome)
    {
        Verdicts = verdicts ?? throw new ArgumentNullException(nameof(verdicts));
        TrueOutcome = trueOutcome is VerdictOutcome.Pass or VerdictOutcome.Fail
            ? trueOutcome
            : throw new ArgumentOutOfRangeException(nameof(trueOutcome), trueOutcome, "A calibration label must be pass or fail.");
    }

    /// <summary>The verdicts of the judges that judged the output.</summary>
    public IReadOnlyList<Verdict> Verdicts { get; }

    /// <summary>The correct outcome: pass or fail.</summary>
    public VerdictOutcome TrueOutcome { get; }
}
