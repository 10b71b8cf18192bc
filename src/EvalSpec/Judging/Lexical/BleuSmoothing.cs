namespace EvalSpec.Judging;

/// <summary>
/// How <see cref="Bleu"/> treats an n-gram order with no matching n-gram, which would otherwise make the
/// geometric mean, and so the score, 0. The smoothed variants are methods of Chen &amp; Cherry (2014),
/// "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU".
/// </summary>
public enum BleuSmoothing
{
    /// <summary>
    /// No smoothing: any order with no match makes the score 0 (sacrebleu's <c>none</c>; NLTK's default
    /// <c>method0</c> returns a tiny positive number instead).
    /// </summary>
    None = 0,

    /// <summary>
    /// Chen &amp; Cherry method 1: an order with no match gets precision <c>epsilon / total</c>
    /// (<see cref="BleuOptions.Epsilon"/>, 0.1 by default). NLTK's <c>SmoothingFunction().method1</c>; also
    /// sacrebleu's <c>floor</c> smoothing with <c>smooth_value</c> = epsilon.
    /// </summary>
    Epsilon = 1,

    /// <summary>
    /// Chen &amp; Cherry method 3 (NIST geometric sequence, as in mteval-v13a.pl): the k-th order with no match
    /// gets precision <c>1 / (2^k * total)</c>. sacrebleu's <c>exp</c> smoothing, the default of its
    /// <c>sentence_bleu</c>; also NLTK's <c>method3</c>.
    /// </summary>
    Exponential = 2,
}
