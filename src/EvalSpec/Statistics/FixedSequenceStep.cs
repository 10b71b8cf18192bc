namespace EvalSpec.Statistics;

/// <summary>One candidate tested by <see cref="FixedSequenceTest"/>.</summary>
/// <param name="Index">The candidate's position in the testing order.</param>
/// <param name="Trials">The items the candidate decides.</param>
/// <param name="Errors">How many of them it gets wrong.</param>
/// <param name="PValue">P(Binomial(trials, α) ≤ errors): the exact p-value of "its error rate exceeds α".</param>
/// <param name="UpperBound">The one-sided Clopper-Pearson upper bound of its error rate at risk δ.</param>
/// <param name="Certified">Whether the test certified it (p-value at most δ, so the bound is at most α).</param>
internal sealed record FixedSequenceStep(int Index, int Trials, int Errors, double PValue, double UpperBound, bool Certified);
