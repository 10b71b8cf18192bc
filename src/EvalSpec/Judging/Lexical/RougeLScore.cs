namespace EvalSpec.Judging;

/// <summary>ROUGE-L precision, recall and F-measure of a candidate against a reference.</summary>
public readonly record struct RougeLScore
{
    /// <summary>Creates a score.</summary>
    /// <param name="precision">LCS length over the candidate's token count.</param>
    /// <param name="recall">LCS length over the reference's token count.</param>
    /// <param name="fMeasure">Harmonic mean of precision and recall.</param>
    public RougeLScore(double precision, double recall, double fMeasure)
    {
        Precision = precision;
        Recall = recall;
        FMeasure = fMeasure;
    }

    /// <summary>Length of the longest common subsequence over the candidate's token count; 0 when either text has no tokens.</summary>
    public double Precision { get; }

    /// <summary>Length of the longest common subsequence over the reference's token count; 0 when either text has no tokens.</summary>
    public double Recall { get; }

    /// <summary>2PR / (P + R), the harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double FMeasure { get; }
}
