using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Llm;

/// <summary>
/// A judge that corrects itself ends with its real verdict
/// under a label the grammar does not know ("Corrected verdict:", "Revised verdict:", "Therefore:", "Correction:"), or as
/// JSON with a field the grammar does not know ("result", "decision", "grade", although the same words are verdict-line
/// labels). Before the fix (issue 10; review findings) the final claim was skipped without a word and the retracted pass
/// decided. Expected: inconclusive ("contradicts itself"): which of two claims the judge means is not safely known, and
/// inconclusive is never the opposite verdict.
/// </summary>
public sealed class SelfCorrectionTests
{
    [Theory]
    [InlineData("Verdict: pass\n\nWait, I misread: it says 60 days.\n\nCorrected verdict: FAIL")]
    [InlineData("Verdict: pass\n\nOn reflection the window is wrong.\n\nRevised verdict: FAIL")]
    [InlineData("The response passes on tone.\nAnswer: pass\n\nHowever it gives 60 days.\nTherefore: FAIL")]
    [InlineData("Result: pass\n\nPass? No.")]
    [InlineData("Result: pass\n\n{\"result\": \"fail\"}")]
    [InlineData("Result: pass\n\n{\"decision\": \"fail\"}")]
    [InlineData("Result: pass\n\n{\"grade\": \"fail\"}")]
    public void a_retracted_pass_never_decides_over_the_final_fail(string answer)
    {
        JudgeParse<RubricAnswer> read = JudgeAnswers.ParseRubric(answer);

        read.Value.Should().BeNull($"the judge retracted its pass and ended with a fail, but the answer was read ({read.Value?.ReadFrom})");
        read.Problem.Should().Match(p => p.Contains("contradicts itself") || p.Contains("starts like a verdict line"));
    }

    [Theory]
    [InlineData("Winner: A\n\nCorrection: Winner: B")]
    public void a_retracted_pairwise_choice_never_decides_over_the_final_one(string answer)
    {
        JudgeParse<PairwiseAnswer> read = JudgeAnswers.ParsePairwise(answer);

        read.Value.Should().BeNull("the judge's final word is Output (b), after Winner: A");
        read.Problem.Should().Contain("contradicts itself");
    }
}
