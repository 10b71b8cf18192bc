namespace EvalSpec.Judging;

/// <summary>How a <see cref="JudgePanel"/> combines its judges' verdicts.</summary>
public enum PanelAggregation
{
    /// <summary>
    /// Max voting (PoLL): pass when more judges pass than fail, fail when more fail than pass, inconclusive
    /// on a tie. Abstentions do not vote.
    /// </summary>
    Majority = 0,
}
