using System;
using System.Collections.Generic;

namespace EvalSpec.Statistics;

/// <summary>
/// Fixed-sequence testing of error rates (the multiple-testing procedure that "Learn then Test" and Jung, Brahman &amp;
/// Choi 2025 use to pick a confidence threshold with a guarantee): candidates are tested one after another in an order
/// fixed before the data is seen, from the most conservative to the most permissive; each is certified when its exact
/// (Clopper-Pearson) bound says its error rate is at most the allowed rate; testing stops at the first candidate that
/// is not certified. Because each test is at the full level δ and the order is fixed, the chance that any certified
/// candidate's true error rate exceeds the allowed rate is at most δ (the family-wise error is controlled without a
/// Bonferroni split).
/// </summary>
/// <remarks>
/// A candidate is a selection rule (for example "decide when the confidence is at least 0.8"); its counts are the
/// calibration items it would decide and how many of those it would get wrong. The procedure certifies candidate i when
/// P(Binomial(trials, maxErrorRate) ≤ errors) ≤ δ, that is when the one-sided Clopper-Pearson upper bound at risk δ is at
/// most the allowed rate. A candidate with no trials cannot be certified.
/// </remarks>
internal static class FixedSequenceTest
{
    /// <summary>Tests the candidates in order and returns the last one certified.</summary>
    /// <param name="candidates">Per candidate, in testing order (most conservative first): the items it decides and its errors on them.</param>
    /// <param name="maxErrorRate">The allowed error rate α, strictly between 0 and 1 (1 − the target agreement).</param>
    /// <param name="risk">δ: the allowed probability that a certified candidate's true error rate exceeds α, strictly between 0 and 1.</param>
    /// <returns>The steps taken (one per candidate tested) and the index of the last certified candidate, or -1 when none was.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate is out of range, or a candidate has negative counts or more errors than trials.</exception>
    public static FixedSequenceResult Run(IReadOnlyList<(int Trials, int Errors)> candidates, double maxErrorRate, double risk)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(maxErrorRate > 0 && maxErrorRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxErrorRate), maxErrorRate, "The allowed error rate must be strictly between 0 and 1.");
        }

        if (!(risk > 0 && risk < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(risk), risk, "The risk must be strictly between 0 and 1.");
        }

        var steps = new List<FixedSequenceStep>();
        int selected = -1;
        for (int i = 0; i < candidates.Count; i++)
        {
            (int trials, int errors) = candidates[i];
            double pValue = ClopperPearson.PValueAbove(errors, trials, maxErrorRate);
            double bound = ClopperPearson.UpperBound(errors, trials, risk);
            bool certified = trials > 0 && pValue <= risk;
            steps.Add(new FixedSequenceStep(i, trials, errors, pValue, bound, certified));
            if (!certified)
            {
                break;
            }

            selected = i;
        }

        return new FixedSequenceResult(selected, steps);
    }
}
