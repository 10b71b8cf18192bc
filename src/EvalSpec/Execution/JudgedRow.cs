using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>What the end-of-run summary needs to know about one row.</summary>
/// <param name="RowId">The row id.</param>
/// <param name="Method">The eval method.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="VariantKey">The prompt variant key.</param>
/// <param name="Relation">The relation, or null for the identity row.</param>
/// <param name="Outcome">The row's outcome.</param>
/// <param name="NotApplicable">The relation did not change the input: the row was not judged.</param>
/// <param name="InputSimilarity">For a relation row: how much of the input's meaning the follow-up input kept.</param>
/// <param name="OutcomeWithoutSnapshot">The outcome before the snapshot check, when the row has one.</param>
internal sealed record JudgedRow(
    string RowId,
    EvalMethodDescriptor Method,
    string CaseId,
    string VariantKey,
    RelationDescriptor? Relation,
    VerdictOutcome Outcome,
    bool NotApplicable,
    double? InputSimilarity,
    VerdictOutcome? OutcomeWithoutSnapshot = null)
{
    /// <summary>
    /// The outcome the robustness and multi-prompt metrics count: the row's judges, relation checks and eval method
    /// decide it, the snapshot check does not (a missing or changed verified file is a review step, counted under
    /// snapshots, not a relation violation or a failing prompt variant).
    /// </summary>
    public VerdictOutcome MetricOutcome => OutcomeWithoutSnapshot ?? Outcome;
}
