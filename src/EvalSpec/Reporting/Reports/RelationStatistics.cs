namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Robustness of an eval method to one metamorphic relation (or, with <see cref="Relation"/> null, to all of them):
/// the attack success rate = violated / decided relation rows, not-applicable and inconclusive rows counted apart.
/// </summary>
/// <param name="MethodId">The method id.</param>
/// <param name="Relation">The relation key; null for all of the method's relations.</param>
/// <param name="Kind">invariant or directional; null for all relations.</param>
/// <param name="Rows">Relation rows recorded.</param>
/// <param name="NotApplicable">Rows where the relation did not change the input.</param>
/// <param name="Inconclusive">Rows that could not be decided.</param>
/// <param name="Decided">Rows that passed or failed.</param>
/// <param name="Violated">Decided rows that failed: the relation did not hold.</param>
/// <param name="AttackSuccessRate">Violated / decided, or null without decided rows.</param>
/// <param name="WeightedAttackSuccessRate">The rate over decided invariant rows weighted by input similarity (METAL), or null.</param>
internal sealed record RelationStatistics(
    string MethodId,
    string? Relation,
    string? Kind,
    int Rows,
    int NotApplicable,
    int Inconclusive,
    int Decided,
    int Violated,
    double? AttackSuccessRate,
    double? WeightedAttackSuccessRate);
