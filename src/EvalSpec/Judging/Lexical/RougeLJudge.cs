using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Lexical check: the ROUGE-L F-measure (<see cref="RougeL"/>) of the output against the expected answer (or
/// the source output) must reach the threshold. Suits outputs that should reuse the reference's words in
/// roughly the same order, such as summaries and extractive answers. With <see cref="Measure"/> set to
/// <see cref="RougeLMeasure.Recall"/> it checks that a short expected answer is contained, in order, in a longer output.
/// </summary>
/// <remarks>
/// Score: the F-measure (or the <see cref="Measure"/> chosen). Threshold: the one given to the constructor, else the
/// eval's (<see cref="JudgeRequest.Threshold"/>, 0.5 by default). Inconclusive when the request has no reference, or
/// the reference has no token ROUGE-L can compare.
/// </remarks>
public sealed class RougeLJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "rouge-l";

    /// <summary>Creates the judge.</summary>
    /// <param name="threshold">The pass threshold in [0, 1], or <see langword="null"/> for the request's.</param>
    /// <param name="reference">What the output is compared with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1], or <paramref name="reference"/> is undefined.</exception>
    public RougeLJudge(double? threshold = null, ReferenceSource reference = ReferenceSource.Expected)
    {
        Threshold = JudgeReference.ValidateThreshold(threshold, nameof(threshold));
        Reference = JudgeReference.Validate(reference, nameof(reference));
    }

    /// <summary>The pass threshold, or <see langword="null"/> when the request's is used.</summary>
    public double? Threshold { get; }

    /// <summary>What the output is compared with.</summary>
    public ReferenceSource Reference { get; }

    /// <summary>Which ROUGE-L number is the score and is compared with the threshold. Default <see cref="RougeLMeasure.FMeasure"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="RougeLMeasure"/>.</exception>
    public RougeLMeasure Measure
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown ROUGE-L measure.");
    }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several ROUGE-L judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request));
    }

    private Verdict Judge(JudgeRequest request)
    {
        if (!JudgeReference.TryGet(request, Reference, out string reference, out string missing))
        {
            return Verdict.Inconclusive(Name, missing);
        }

        string against = JudgeReference.Describe(Reference) + " " + TextSnippets.Quote(reference);
        if (RougeL.Tokenize(reference).Count == 0)
        {
            return Verdict.Inconclusive(Name, $"{against} has no word ROUGE-L can compare (it keeps only the letters a-z and digits 0-9)");
        }

        RougeLScore score = RougeL.Score(request.Output, reference);
        double threshold = Threshold ?? request.Threshold;
        (double value, string detail) = Measure switch
        {
            RougeLMeasure.Recall => (score.Recall, string.Create(
                CultureInfo.InvariantCulture,
                $"ROUGE-L recall {score.Recall:0.00} against {against} (precision {score.Precision:0.00}, F-measure {score.FMeasure:0.00}; threshold {threshold:0.00})")),
            RougeLMeasure.Precision => (score.Precision, string.Create(
                CultureInfo.InvariantCulture,
                $"ROUGE-L precision {score.Precision:0.00} against {against} (recall {score.Recall:0.00}, F-measure {score.FMeasure:0.00}; threshold {threshold:0.00})")),
            _ => (score.FMeasure, string.Create(
                CultureInfo.InvariantCulture,
                $"ROUGE-L F-measure {score.FMeasure:0.00} against {against} (precision {score.Precision:0.00}, recall {score.Recall:0.00}; threshold {threshold:0.00})")),
        };
        if (value >= threshold)
        {
            return Verdict.Pass(Name, value, "the output overlaps enough: " + detail);
        }

        string empty = RougeL.Tokenize(request.Output).Count == 0 ? "; the output has no words" : string.Empty;
        return Verdict.Fail(Name, value, "the output does not overlap enough: " + detail + empty);
    }
}
