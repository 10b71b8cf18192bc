using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Llm;

/// <summary>
/// Review findings against the judge-answer grammar (issue 10): a judge that corrects itself ends with its real verdict
/// under a label the grammar does not know ("Corrected verdict:", "Revised verdict:", "Therefore:", "Correction:"), or as
/// JSON with a field the grammar does not know ("result", "decision", "grade", although the same words are verdict-line
/// labels). The final claim is skipped without a word and the first, retracted one decides. Each is read as a pass today.
/// </summary>
public sealed class ReviewSelfCorrectionFindingsTests
{
    [Theory]
    [InlineData("Verdict: pass\n\nWait, I misread: it says 60 days.\n\nCorrected verdict: FAIL")]
    [InlineData("Verdict: pass\n\nOn reflection the window is wrong.\n\nRevised verdict: FAIL")]
    [InlineData("The response passes on tone.\nAnswer: pass\n\nHowever it gives 60 days.\nTherefore: FAIL")]
    [InlineData("Result: pass\n\nPass? No.")]
    [InlineData("Result: pass\n\n{\"result\": \"fail\"}")]
    [InlineData("Result: pass\n\n{\"decision\": \"fail\"}")]
    [InlineData("Result: pass\n\n{\"grade\": \"fail\"}")]
    public void Review_a_retracted_pass_never_decides_over_the_final_fail(string answer)
    {
        JudgeParse<RubricAnswer> read = JudgeAnswers.ParseRubric(answer);

        (read.Value?.Pass == true).Should().BeFalse($"the judge retracted its pass and ended with a fail, but the answer was read as a pass ({read.Value?.ReadFrom})");
    }

    [Theory]
    [InlineData("Winner: A\n\nCorrection: Winner: B")]
    public void Review_a_retracted_pairwise_choice_never_decides_over_the_final_one(string answer)
    {
        JudgeParse<PairwiseAnswer> read = JudgeAnswers.ParsePairwise(answer);

        read.Value?.Choice.Should().NotBe(PairwiseLabel.A, "the judge's final word is Output (b)");
    }
}
