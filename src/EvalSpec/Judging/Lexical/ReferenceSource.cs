namespace EvalSpec.Judging;

/// <summary>Which text of a <see cref="JudgeRequest"/> a reference-based judge compares the output with.</summary>
public enum ReferenceSource
{
    /// <summary>The case's expected answer, <see cref="JudgeRequest.Expected"/>: for identity rows.</summary>
    Expected = 0,

    /// <summary>
    /// The other output, <see cref="JudgeRequest.ReferenceOutput"/>: for relation rows, where the follow-up
    /// output is compared with the source output (invariance).
    /// </summary>
    ReferenceOutput = 1,
}
