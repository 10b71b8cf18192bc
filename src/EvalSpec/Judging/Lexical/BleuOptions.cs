using System;

namespace EvalSpec.Judging;

/// <summary>
/// Settings of <see cref="Bleu"/>. The defaults are those of sacrebleu's <c>sentence_bleu</c>: 13a
/// tokenisation, case-sensitive, exponential smoothing, effective order, up to 4-grams.
/// </summary>
/// <remarks>
/// To reproduce NLTK's <c>sentence_bleu(references, hypothesis.split(), smoothing_function=SmoothingFunction().method1)</c>,
/// use <see cref="BleuTokenization.Whitespace"/>, <see cref="BleuSmoothing.Epsilon"/> and
/// <see cref="EffectiveOrder"/> = <see langword="false"/>.
/// </remarks>
public sealed record BleuOptions
{
    /// <summary>The defaults (sacrebleu's <c>sentence_bleu</c>).</summary>
    public static BleuOptions Default { get; } = new();

    /// <summary>How orders with no matching n-gram are treated. Default: <see cref="BleuSmoothing.Exponential"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="BleuSmoothing"/>.</exception>
    public BleuSmoothing Smoothing
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown BLEU smoothing.");
    } = BleuSmoothing.Exponential;

    /// <summary>The count given to an order with no match under <see cref="BleuSmoothing.Epsilon"/>. Default: 0.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double Epsilon
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Epsilon must be a positive finite number.");
    } = 0.1;

    /// <summary>How texts are split into tokens. Default: <see cref="BleuTokenization.Mteval13a"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="BleuTokenization"/>.</exception>
    public BleuTokenization Tokenization
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown BLEU tokenization.");
    } = BleuTokenization.Mteval13a;

    /// <summary>Whether texts are lower-cased (invariant culture) before tokenisation. Default: <see langword="false"/> (case-sensitive).</summary>
    public bool Lowercase { get; init; }

    /// <summary>
    /// Whether orders for which the candidate has no n-gram at all (a candidate shorter than
    /// <see cref="MaxOrder"/> tokens) are left out of the geometric mean, as sacrebleu's <c>sentence_bleu</c>
    /// does. When <see langword="false"/> they count as orders with no match, as in NLTK: a three-token
    /// candidate then scores 0 without smoothing, however good it is. Default: <see langword="true"/>.
    /// </summary>
    public bool EffectiveOrder { get; init; } = true;

    /// <summary>The largest n-gram order (BLEU-4 uses 1- to 4-grams with equal weights). Default: 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxOrder
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum n-gram order must be at least 1.");
    } = 4;
}
