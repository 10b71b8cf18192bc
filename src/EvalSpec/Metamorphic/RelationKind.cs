namespace EvalSpec.Metamorphic;

/// <summary>What a relation row expects of the follow-up output.</summary>
public enum RelationKind
{
    /// <summary>The follow-up output must be equivalent to the source output.</summary>
    Invariant = 0,

    /// <summary>The follow-up output must change as the relation's <see cref="Change"/> says.</summary>
    Directional = 1,
}
