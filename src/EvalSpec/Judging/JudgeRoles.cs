namespace EvalSpec.Judging;

/// <summary>
/// Service keys of the judges of the relation checks (see <see cref="EvalSetup.AddInvarianceJudge"/>).
/// Rubric-panel judges are registered without a key.
/// </summary>
public static class JudgeRoles
{
    /// <summary>Judges of invariant relation rows.</summary>
    public const string Invariance = "evalspec:invariance";

    /// <summary>Judges of directional relation rows.</summary>
    public const string Change = "evalspec:change";
}
