using System;
using System.Globalization;

namespace EvalSpec.Judging;

/// <summary>
/// One judge's 2×2 confusion matrix in a <see cref="DawidSkeneModel"/>: the probability of each verdict given
/// the true outcome. Rows are the truth, columns the verdict:
/// <code>
///                 says pass          says fail
/// truly passes    Sensitivity        1 − Sensitivity
/// truly fails     1 − Specificity    Specificity
/// </code>
/// Abstentions are not a third column: they are missing data, assumed unrelated to the truth.
/// </summary>
public sealed record JudgeConfusion
{
    /// <summary>Creates a confusion matrix.</summary>
    /// <param name="sensitivity">P(the judge says pass | the output truly passes), strictly between 0 and 1.</param>
    /// <param name="specificity">P(the judge says fail | the output truly fails), strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A probability is not strictly between 0 and 1.</exception>
    public JudgeConfusion(double sensitivity, double specificity)
    {
        // 0 and 1 are excluded: they make one verdict certain proof, and two such judges disagreeing would
        // leave the posterior undefined (0/0).
        Sensitivity = InOpenUnitInterval(sensitivity, nameof(sensitivity));
        Specificity = InOpenUnitInterval(specificity, nameof(specificity));
    }

    /// <summary>P(the judge says pass | the output truly passes): the true-pass rate.</summary>
    public double Sensitivity { get; }

    /// <summary>P(the judge says fail | the output truly fails): the true-fail rate.</summary>
    public double Specificity { get; }

    /// <summary>How many items the judge decided (passed or failed) in the data the model was fitted on; 0 when given by hand.</summary>
    public int Items { get; init; }

    /// <summary>
    /// Whether the judge measured at or below chance (sensitivity + specificity ≤ 1: a pass from it is no more likely for a
    /// passing output than for a failing one) in a fit that did not allow inverted judges: its verdicts then carry no
    /// evidence (weight 0) instead of counting for the opposite outcome. See <see cref="DawidSkeneModel.Warnings"/>.
    /// </summary>
    public bool Ignored { get; init; }

    /// <summary>Sensitivity + specificity − 1 (Youden's J): above 0 the judge is better than chance, at or below 0 it is not.</summary>
    public double Informedness => Sensitivity + Specificity - 1;

    /// <summary>A cell of the confusion matrix: P(the judge's verdict is <paramref name="verdict"/> | the true outcome is <paramref name="truth"/>).</summary>
    /// <param name="verdict">The judge's verdict: pass or fail.</param>
    /// <param name="truth">The true outcome: pass or fail.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An outcome is inconclusive.</exception>
    public double Probability(VerdictOutcome verdict, VerdictOutcome truth) => (Decided(verdict, nameof(verdict)), Decided(truth, nameof(truth))) switch
    {
        (VerdictOutcome.Pass, VerdictOutcome.Pass) => Sensitivity,
        (VerdictOutcome.Fail, VerdictOutcome.Pass) => 1 - Sensitivity,
        (VerdictOutcome.Pass, _) => 1 - Specificity,
        _ => Specificity,
    };

    /// <summary>The change in the log posterior odds of a pass that this judge's verdict makes.</summary>
    internal double LogLikelihoodRatio(bool saysPass) =>
        Ignored ? 0 : saysPass ? Math.Log(Sensitivity / (1 - Specificity)) : Math.Log((1 - Sensitivity) / Specificity);

    private static double InOpenUnitInterval(double probability, string name) =>
        probability > 0 && probability < 1
            ? probability
            : throw new ArgumentOutOfRangeException(name, probability, string.Create(CultureInfo.InvariantCulture, $"A confusion-matrix probability must be strictly between 0 and 1, not {probability}."));

    private static VerdictOutcome Decided(VerdictOutcome outcome, string name) =>
        outcome is VerdictOutcome.Pass or VerdictOutcome.Fail
            ? outcome
            : throw new ArgumentOutOfRangeException(name, outcome, "The confusion matrix has rows and columns for pass and fail only; an abstention is missing data.");
}
