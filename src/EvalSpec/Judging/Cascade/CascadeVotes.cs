using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>Turns a judge's verdict into cascade votes: one per presentation order of a pairwise judge, else one.</summary>
internal static class CascadeVotes
{
    /// <summary>
    /// The votes of <paramref name="verdict"/>, given by <paramref name="judge"/> as sample <paramref name="sample"/>. A pairwise
    /// verdict votes once per presentation order (the judged output chosen: pass; the compared output: fail; a tie or an
    /// unreadable order: no side). An errored verdict votes for no side in every order, even when one order was read: a judge
    /// that failed is never half-counted.
    /// </summary>
    public static IEnumerable<CascadeVote> Of(IJudge? judge, string name, int sample, Verdict verdict)
    {
        bool pairwise = verdict.Pairwise is not null || judge is PairwiseJudge;
        if (!pairwise)
        {
            yield return new CascadeVote(name, sample, null, verdict.Errored ? VerdictOutcome.Inconclusive : verdict.Outcome);
            yield break;
        }

        if (verdict.Errored || verdict.Pairwise is null)
        {
            // A pairwise judge without both orders' choices (it errored, or had nothing to compare with) still fills both of its
            // slots, so that the tier's confidence always counts the same number of votes.
            VerdictOutcome both = verdict.Errored ? VerdictOutcome.Inconclusive : verdict.Outcome;
            yield return new CascadeVote(name, sample, CascadeVote.CandidateFirst, both);
            yield return new CascadeVote(name, sample, CascadeVote.ReferenceFirst, both);
            yield break;
        }

        yield return new CascadeVote(name, sample, CascadeVote.CandidateFirst, Side(verdict.Pairwise.CandidateFirst));
        yield return new CascadeVote(name, sample, CascadeVote.ReferenceFirst, Side(verdict.Pairwise.ReferenceFirst));
    }

    private static VerdictOutcome Side(PairwiseChoice choice) => choice switch
    {
        PairwiseChoice.Candidate => VerdictOutcome.Pass,
        PairwiseChoice.Reference => VerdictOutcome.Fail,
        _ => VerdictOutcome.Inconclusive,
    };
}
