namespace EvalSpec.Judging;

/// <summary>Whether a <see cref="RegexJudge"/>'s pattern must or must not match the output.</summary>
public enum RegexExpectation
{
    /// <summary>The output passes when the pattern matches somewhere in it.</summary>
    Matches = 0,

    /// <summary>The output passes when the pattern matches nowhere in it.</summary>
    DoesNotMatch = 1,
}
