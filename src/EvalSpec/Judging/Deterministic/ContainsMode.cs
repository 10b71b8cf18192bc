namespace EvalSpec.Judging;

/// <summary>How many of a <see cref="ContainsJudge"/>'s required substrings the output must contain.</summary>
public enum ContainsMode
{
    /// <summary>Every required substring must occur in the output.</summary>
    All = 0,

    /// <summary>At least one of the required substrings must occur in the output.</summary>
    Any = 1,
}
