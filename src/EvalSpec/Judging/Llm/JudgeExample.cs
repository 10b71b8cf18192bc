namespace EvalSpec.Judging;

/// <summary>
/// A labelled example for few-shot judge prompts: an input, an output and the verdict a person gave,
/// optionally with the reasoning and (for pairwise judges) the output it was compared with.
/// </summary>
/// <param name="Input">The question or instruction.</param>
/// <param name="Output">The output that was judged.</param>
/// <param name="Outcome">The human verdict: pass or fail (for pairwise judges: pass = the output wins).</param>
/// <param name="Reasoning">Why, in a sentence or two (optional).</param>
/// <param name="ReferenceOutput">For pairwise and equivalence examples, the other output.</param>
public sealed record JudgeExample(string Input, string Output, VerdictOutcome Outcome, string? Reasoning = null, string? ReferenceOutput = null);
