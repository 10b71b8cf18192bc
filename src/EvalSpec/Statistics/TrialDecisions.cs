using System;
using System.Collections.Generic;
using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>
/// Decisions over k repeated trials of a non-deterministic row, and the unbiased pass@k / pass^k estimators for
/// reporting.
/// </summary>
/// <remarks>
/// <para>The three rules answer different questions about the same k pass/fail outcomes:</para>
/// <list type="bullet">
/// <item><description><see cref="PassRateAtLeast"/>: is the observed pass rate at least p? The Wilson lower bound is
/// reported with it, so "3/3" and "300/300" do not look equally convincing.</description></item>
/// <item><description><see cref="PassAtK"/> (pass@k): did any trial pass? "Can the feature do it at all?"</description></item>
/// <item><description><see cref="PassHatK"/> (pass^k): did every trial pass? "Does it do it every time?", the reliability a
/// user sees (tau-bench, Yao et al. 2024).</description></item>
/// </list>
/// <para>
/// The estimators answer "what would pass@k / pass^k be with k attempts" from n ≥ k samples with c correct, without the
/// bias of splitting n samples into n/k groups: <see cref="EstimatePassAtK"/> (Chen et al. 2021) and
/// <see cref="EstimatePassHatK"/> (Yao et al. 2024).
/// </para>
/// </remarks>
internal static class TrialDecisions
{
    /// <summary>Met when the observed pass rate (passes / k) is at least <paramref name="minimumPassRate"/>.</summary>
    /// <param name="trials">One outcome per trial: true for a pass.</param>
    /// <param name="minimumPassRate">The required pass rate p, in [0, 1].</param>
    /// <param name="confidence">The confidence level of the reported Wilson interval.</param>
    /// <returns>The decision with counts and the Wilson interval. The decision uses the observed rate; compare
    /// <see cref="ConfidenceInterval.Lower"/> of <see cref="TrialRuleResult.Wilson"/> with p for a stricter gate.</returns>
    /// <exception cref="ArgumentException">There are no trials.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumPassRate"/> is outside [0, 1].</exception>
    public static TrialRuleResult PassRateAtLeast(IEnumerable<bool> trials, double minimumPassRate, double confidence = 0.95)
    {
        if (!(minimumPassRate >= 0 && minimumPassRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPassRate), minimumPassRate, "A pass rate must be between 0 and 1.");
        }

        (int passed, int total) = Count(trials);
        return Result(
            string.Create(CultureInfo.InvariantCulture, $"pass rate >= {minimumPassRate:0.###}"),
            (double)passed / total >= minimumPassRate,
            passed,
            total,
            confidence);
    }

    /// <summary>pass@k: met when at least one of the k trials passed.</summary>
    /// <param name="trials">One outcome per trial: true for a pass.</param>
    /// <param name="confidence">The confidence level of the reported Wilson interval.</param>
    /// <returns>The decision with counts and the Wilson interval.</returns>
    /// <exception cref="ArgumentException">There are no trials.</exception>
    public static TrialRuleResult PassAtK(IEnumerable<bool> trials, double confidence = 0.95)
    {
        (int passed, int total) = Count(trials);
        return Result(string.Create(CultureInfo.InvariantCulture, $"pass@{total}"), passed > 0, passed, total, confidence);
    }

    /// <summary>pass^k: met when every one of the k trials passed.</summary>
    /// <param name="trials">One outcome per trial: true for a pass.</param>
    /// <param name="confidence">The confidence level of the reported Wilson interval.</param>
    /// <returns>The decision with counts and the Wilson interval.</returns>
    /// <exception cref="ArgumentException">There are no trials.</exception>
    public static TrialRuleResult PassHatK(IEnumerable<bool> trials, double confidence = 0.95)
    {
        (int passed, int total) = Count(trials);
        return Result(string.Create(CultureInfo.InvariantCulture, $"pass^{total}"), passed == total, passed, total, confidence);
    }

    /// <summary>
    /// The unbiased estimator of pass@k from <paramref name="samples"/> = n samples of which <paramref name="correct"/> = c
    /// are correct (Chen et al. 2021, "Evaluating Large Language Models Trained on Code", eq. 1):
    /// pass@k = 1 − C(n − c, k) / C(n, k), the probability that k samples drawn without replacement include a correct one.
    /// </summary>
    /// <remarks>
    /// Computed in the paper's numerically stable product form 1 − Π<sub>i = n − c + 1</sub><sup>n</sup> (1 − k / i),
    /// which never forms a binomial coefficient (C(2000, 1000) overflows a double); 1 when n − c &lt; k.
    /// </remarks>
    /// <param name="samples">n, the number of samples (at least 1).</param>
    /// <param name="correct">c, how many of them are correct (0 ≤ c ≤ n).</param>
    /// <param name="k">The number of attempts (1 ≤ k ≤ n).</param>
    /// <returns>The estimate, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts are out of range.</exception>
    public static double EstimatePassAtK(int samples, int correct, int k)
    {
        Validate(samples, correct, k);
        if (samples - correct < k)
        {
            return 1.0;
        }

        double allWrong = 1.0;
        for (int i = samples - correct + 1; i <= samples; i++)
        {
            allWrong *= 1.0 - ((double)k / i);
        }

        return 1.0 - allWrong;
    }

    /// <summary>
    /// The unbiased estimator of pass^k from <paramref name="samples"/> = n samples of which <paramref name="correct"/> = c
    /// are correct (Yao et al. 2024, "τ-bench: A Benchmark for Tool-Agent-User Interaction in Real-World Domains"):
    /// pass^k = C(c, k) / C(n, k), the probability that k samples drawn without replacement are all correct.
    /// </summary>
    /// <remarks>Computed as the product Π<sub>i = 0</sub><sup>k − 1</sup> (c − i) / (n − i), never forming a binomial coefficient; 0 when c &lt; k.</remarks>
    /// <param name="samples">n, the number of samples (at least 1).</param>
    /// <param name="correct">c, how many of them are correct (0 ≤ c ≤ n).</param>
    /// <param name="k">The number of attempts (1 ≤ k ≤ n).</param>
    /// <returns>The estimate, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts are out of range.</exception>
    public static double EstimatePassHatK(int samples, int correct, int k)
    {
        Validate(samples, correct, k);
        if (correct < k)
        {
            return 0.0;
        }

        double allCorrect = 1.0;
        for (int i = 0; i < k; i++)
        {
            allCorrect *= (double)(correct - i) / (samples - i);
        }

        return allCorrect;
    }

    private static TrialRuleResult Result(string rule, bool met, int passed, int total, double confidence) =>
        new(rule, met, passed, total, WilsonInterval.Compute(passed, total, confidence));

    private static (int Passed, int Total) Count(IEnumerable<bool> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int passed = 0, total = 0;
        foreach (bool trial in trials)
        {
            total++;
            passed += trial ? 1 : 0;
        }

        if (total == 0)
        {
            throw new ArgumentException("A trial rule needs at least one trial: with none there is nothing to decide.", nameof(trials));
        }

        return (passed, total);
    }

    private static void Validate(int samples, int correct, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, samples);
    }
}
