namespace EvalSpec;

/// <summary>
/// Default values shared by the attributes, the generator and the runtime. Compiled into the generator and
/// the analyzers too (linked): keep it netstandard2.0-compatible and free of dependencies.
/// </summary>
internal static class EvalDefaults
{
    /// <summary>Default pass threshold for score-based judges.</summary>
    public const double Threshold = 0.5;

    /// <summary>Default token-F1 threshold for the invariance and change checks of relation rows.</summary>
    public const double RelationThreshold = 0.5;

    /// <summary>Key of the single prompt variant of an eval that declares no <c>[Prompt]</c>.</summary>
    public const string DefaultVariantKey = "default";

    /// <summary>Relation key of the identity (unperturbed) row.</summary>
    public const string IdentityRelationKey = "identity";

    /// <summary>Between a row's case id, variant key and relation key in its display name (<c>Class.Method [case · variant · relation]</c>).</summary>
    public const string RowNameSeparator = " \u00B7 ";
}
