namespace EvalSpec;

/// <summary>What a judge declared in <c>evalspec.json</c> does, and so which panel it sits on.</summary>
public enum JudgeModelRole
{
    /// <summary>A <see cref="Judging.RubricJudge"/> on the rubric panel (identity rows, graded against the eval's rubric).</summary>
    Rubric,

    /// <summary>An <see cref="Judging.EquivalenceJudge"/> on the invariance panel (invariant relation rows), replacing the lexical default.</summary>
    Equivalence,

    /// <summary>A <see cref="Judging.PairwiseJudge"/> on the rubric panel: the output against the case's expected answer, in both orders.</summary>
    Pairwise,
}
