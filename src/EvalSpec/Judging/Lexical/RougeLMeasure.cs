namespace EvalSpec.Judging;

/// <summary>Which ROUGE-L number a <see cref="RougeLJudge"/> scores and compares with its threshold.</summary>
public enum RougeLMeasure
{
    /// <summary>The F-measure, 2PR / (P + R): the output should reuse the reference's words and add few others.</summary>
    FMeasure = 0,

    /// <summary>
    /// Recall, the share of the reference's tokens in the longest common subsequence: the output should contain the
    /// reference's words in order, whatever else it says. Suits a short expected answer (a key fact) checked inside a
    /// longer output, where precision, and so the F-measure, stays low even for a correct answer.
    /// </summary>
    Recall = 1,

    /// <summary>Precision, the share of the output's tokens in the longest common subsequence: the output should say little beyond the reference.</summary>
    Precision = 2,
}
