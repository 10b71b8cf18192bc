namespace EvalSpec.Judging;

/// <summary>Which of two outputs a pairwise judge preferred.</summary>
public enum PairwiseChoice
{
    /// <summary>The judged output (<see cref="JudgeRequest.Output"/>).</summary>
    Candidate = 0,

    /// <summary>The output it was compared with.</summary>
    Reference = 1,

    /// <summary>Neither: the judge declared a tie.</summary>
    Tie = 2,

    /// <summary>The judge's answer had no readable choice, or the call failed.</summary>
    None = 3,
}

/// <summary>
/// A pairwise judgement in both presentation orders (MT-Bench rule): the candidate was shown first, then the
/// reference was shown first; a win counts only when both orders agree.
/// </summary>
/// <param name="CandidateFirst">The choice when the candidate was shown first, as Output (a).</param>
/// <param name="ReferenceFirst">The choice when the reference was shown first.</param>
/// <param name="CandidateLength">Length in characters of the candidate output.</param>
/// <param name="ReferenceLength">Length in characters of the reference output.</param>
public sealed record PairwiseComparison(PairwiseChoice CandidateFirst, PairwiseChoice ReferenceFirst, int CandidateLength, int ReferenceLength)
{
    /// <summary>Whether both orders chose the same output (ties and unreadable answers are not consistent).</summary>
    public bool IsConsistent => CandidateFirst == ReferenceFirst && CandidateFirst is PairwiseChoice.Candidate or PairwiseChoice.Reference;

    /// <summary>The winner under the MT-Bench rule: the output both orders chose, else a tie.</summary>
    public PairwiseChoice Winner => IsConsistent ? CandidateFirst : PairwiseChoice.Tie;

    /// <summary>
    /// How often (0, 1 or 2 of the readable orders) the judge chose the output shown first; with
    /// <see cref="ReadableOrders"/> this measures position bias.
    /// </summary>
    public int ChoseFirstShown => (CandidateFirst == PairwiseChoice.Candidate ? 1 : 0) + (ReferenceFirst == PairwiseChoice.Reference ? 1 : 0);

    /// <summary>How many of the two orders gave a choice of one output (not a tie or unreadable).</summary>
    public int ReadableOrders => (IsChoice(CandidateFirst) ? 1 : 0) + (IsChoice(ReferenceFirst) ? 1 : 0);

    /// <summary>
    /// How often (0, 1 or 2) the judge chose the longer output; null when both have the same length. With
    /// <see cref="ReadableOrders"/> this measures verbosity bias.
    /// </summary>
    public int? ChoseLonger => CandidateLength == ReferenceLength
        ? null
        : Count(CandidateLength > ReferenceLength ? PairwiseChoice.Candidate : PairwiseChoice.Reference);

    private int Count(PairwiseChoice choice) => (CandidateFirst == choice ? 1 : 0) + (ReferenceFirst == choice ? 1 : 0);

    private static bool IsChoice(PairwiseChoice choice) => choice is PairwiseChoice.Candidate or PairwiseChoice.Reference;
}
