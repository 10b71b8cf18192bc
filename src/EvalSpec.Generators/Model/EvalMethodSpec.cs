namespace EvalSpec.Generators.Model;

/// <summary>
/// Everything the emitter needs for one [Eval] method. Strings, numbers and equatable arrays only: no
/// symbols, syntax nodes or locations, so the incremental pipeline can cache it.
/// </summary>
internal sealed record EvalMethodSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string FullyQualifiedTypeName,
    string DisplayTypeName,
    string MethodName,
    bool IsStatic,
    bool IsStaticClass,
    string? Rubric,
    double Threshold,
    int TimeoutMilliseconds,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<VariantSpec> Variants,
    bool HasImplicitVariant,
    EquatableArray<CaseSpec> Cases,
    EquatableArray<RelationSpec> Relations,
    int Trials = 1,
    int TrialRule = 0,
    double PassRate = 0.8,
    EquatableArray<string> PromptSets = default,
    int SnapshotOutput = EvalMethodSpec.NoSnapshot,
    string? SourceFilePath = null,
    EquatableArray<string> DataFiles = default,
    bool JudgeEachTurn = false,
    int MaxTokens = 0,
    int MaxLatencyMs = 0,
    double MaxCostUsd = 0,
    string? DeclarationFilePath = null,
    int DeclarationLine = 0)
{
    /// <summary><see cref="SnapshotOutput"/> of a method without [Snapshot].</summary>
    public const int NoSnapshot = -1;
}

/// <summary>A type that contains the eval method (outermost first), re-declared as partial by the emitter.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// A case parameter (after the leading EvalInput): its type as messages and data-file conversions name it, as
/// <c>typeof(...)</c> takes it (which picks the method among overloads at run time), and an enum's member names, for values
/// read from data files.
/// </summary>
internal sealed record ParameterSpec(string Name, string FullyQualifiedType, string TypeOfName, EquatableArray<string> EnumMembers = default);

/// <summary>A prompt variant.</summary>
internal sealed record VariantSpec(string Key, string Template);

/// <summary>A case: id, arguments (already converted to their parameters' types), expected answer, tags (traits).</summary>
internal sealed record CaseSpec(string Id, EquatableArray<CaseValue> Arguments, string? Expected, EquatableArray<string> Tags = default)
{
    /// <summary>A conversation case's turns as role/content pairs (roles in lower case); empty for a case of arguments.</summary>
    public EquatableArray<string> Turns { get; init; }
}

/// <summary>
/// A case argument as the runtime reads it back (EvalMethodDescriptor.FromGenerated): a type tag (<c>null</c>,
/// <c>string</c>, <c>bool</c>, <c>char</c>, a numeric keyword such as <c>int</c> or <c>double</c>, or <c>enum</c>) and
/// its invariant text. An enum value of an <c>object</c> parameter names its enum type in <paramref name="EnumType"/>.
/// </summary>
internal sealed record CaseValue(string Tag, string Text, string? EnumType = null)
{
    /// <summary>A null argument.</summary>
    public static readonly CaseValue Null = new("null", string.Empty);
}

/// <summary>A relation applied to the method.</summary>
internal sealed record RelationSpec(string Key, bool IsDirectional, string FullyQualifiedType, string? Parameter, double Threshold, int Expect);

