namespace EvalSpec.Judging;

/// <summary>The three states of a verdict.</summary>
public enum VerdictOutcome
{
    /// <summary>The output is acceptable.</summary>
    Pass = 0,

    /// <summary>The output is not acceptable.</summary>
    Fail = 1,

    /// <summary>
    /// No decision: the judge abstained, errored or could not be parsed, or a panel did not reach its quorum.
    /// Always carries the reason. Never counted as a pass or a fail.
    /// </summary>
    Inconclusive = 2,
}
