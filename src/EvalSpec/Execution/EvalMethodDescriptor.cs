using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>
/// Everything the runtime needs to run the rows of one eval method, as the source generator describes it.
/// Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalMethodDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="suiteType">The class that declares the method.</param>
    /// <param name="methodName">The method name.</param>
    /// <param name="rubric">The rubric, if any.</param>
    /// <param name="threshold">The pass threshold for score-based judges.</param>
    /// <param name="timeoutMilliseconds">The row timeout, or 0 for the configured default.</param>
    /// <param name="parameterNames">The case parameters after the leading EvalInput, in order.</param>
    /// <param name="variants">The prompt variants.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="relations">The relations.</param>
    /// <param name="invoke">Calls the method on an instance (null for a static method).</param>
    public EvalMethodDescriptor(
        Type suiteType,
        string methodName,
        string? rubric,
        double threshold,
        int timeoutMilliseconds,
        string[] parameterNames,
        PromptVariant[] variants,
        EvalCaseDescriptor[] cases,
        RelationDescriptor[] relations,
        Func<object?, EvalInput, object?[], ValueTask<object?>> invoke)
    {
        SuiteType = suiteType ?? throw new ArgumentNullException(nameof(suiteType));
        MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
        Rubric = rubric;
        Threshold = threshold;
        TimeoutMilliseconds = timeoutMilliseconds;
        ParameterNames = parameterNames ?? throw new ArgumentNullException(nameof(parameterNames));
        Variants = variants ?? throw new ArgumentNullException(nameof(variants));
        Cases = cases ?? throw new ArgumentNullException(nameof(cases));
        Relations = relations ?? throw new ArgumentNullException(nameof(relations));
        Invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));
    }

    /// <summary>The class that declares the method.</summary>
    public Type SuiteType { get; }

    /// <summary>The method name.</summary>
    public string MethodName { get; }

    /// <summary>The rubric, if any.</summary>
    public string? Rubric { get; }

    /// <summary>The pass threshold for score-based judges.</summary>
    public double Threshold { get; }

    /// <summary>The row timeout in milliseconds, or 0 for the configured default.</summary>
    public int TimeoutMilliseconds { get; }

    /// <summary>The case parameters after the leading EvalInput, in order.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The prompt variants.</summary>
    public PromptVariant[] Variants { get; }

    /// <summary>The cases.</summary>
    public EvalCaseDescriptor[] Cases { get; }

    /// <summary>The relations.</summary>
    public RelationDescriptor[] Relations { get; }

    /// <summary>Calls the method.</summary>
    public Func<object?, EvalInput, object?[], ValueTask<object?>> Invoke { get; }

    /// <summary>How many times each row runs; 1 unless <see cref="EvalAttribute.Trials"/> says otherwise.</summary>
    public int Trials { get; init; } = 1;

    /// <summary>How a row with several trials is decided.</summary>
    public TrialRule TrialRule { get; init; } = TrialRule.AllPass;

    /// <summary>The pass rate needed with <see cref="TrialRule.PassRate"/>.</summary>
    public double PassRate { get; init; } = 0.8;

    /// <summary>The row's token budget from <see cref="EvalAttribute.MaxTokens"/>, or null when the attribute sets none.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The row's latency budget in milliseconds from <see cref="EvalAttribute.MaxLatencyMs"/>, or null.</summary>
    public int? MaxLatencyMs { get; init; }

    /// <summary>The row's cost budget in US dollars from <see cref="EvalAttribute.MaxCostUsd"/>, or null.</summary>
    public double? MaxCostUsd { get; init; }

    /// <summary>How the rows' snapshots compare outputs, or null when the method has no <see cref="SnapshotAttribute"/>.</summary>
    public SnapshotOutput? SnapshotOutput { get; init; }

    /// <summary>
    /// The folder of the method's source file, relative to the test project folder ('/' separators, "" for the project
    /// folder itself) or absolute; snapshot files are kept there.
    /// </summary>
    public string? SnapshotDirectory { get; init; }

    /// <summary>Whether each assistant turn of a returned exchange is judged on its own (<see cref="EvalAttribute.JudgeEachTurn"/>).</summary>
    public bool JudgeEachTurn { get; init; }

    /// <summary>
    /// The class as display names show it: its name inside its containing types (<c>Outer.Inner</c>), without the
    /// namespace. Null for the name of <see cref="SuiteType"/> and the types that contain it.
    /// </summary>
    public string? DisplayTypeName { get; init; }

    /// <summary>Whether the method declares no prompt: its one implicit variant is left out of display names.</summary>
    public bool HasImplicitVariant { get; init; }

    /// <summary>
    /// Creates the descriptor from the data the source generator writes (a JSON text, see <c>docs/build.md</c>): the
    /// method and the relation types are found by reflection and <paramref name="types"/>, the case arguments converted to
    /// the method's parameter types. Used by generated code.
    /// </summary>
    /// <param name="suiteType">The class that declares the method.</param>
    /// <param name="methodName">The method's name.</param>
    /// <param name="data">The generated description.</param>
    /// <param name="types">
    /// The types the description refers to by index: the case parameters' types (which pick the method among overloads),
    /// the relation types, and the enum types of enum values in <c>object</c> parameters.
    /// </param>
    /// <exception cref="InvalidOperationException">The description does not fit the compiled code or this EvalSpec (the message names the method and says what to do).</exception>
    public static EvalMethodDescriptor FromGenerated(Type suiteType, string methodName, string data, params Type[] types) => GeneratedEvalMethods.Read(suiteType, methodName, data, types);

    /// <summary>
    /// The method's rows in a stable order (cases, then variants, then identity and the relations as declared), each with
    /// its keys, display name (<c>Class.Method [case · variant · relation]</c>) and its case's tags.
    /// </summary>
    internal IReadOnlyList<EvalRowTableEntry> RowEntries() =>
        EvalRowTable.Expand(
            DisplayTypeName ?? NestedName(SuiteType),
            MethodName,
            HasImplicitVariant,
            Cases.Select(c => (c.Id, c.Tags)).ToArray(),
            Variants.Select(v => v.Key).ToArray(),
            Relations.Select(r => r.Key).ToArray());

    private static string NestedName(Type type) => type.DeclaringType is { } outer ? NestedName(outer) + "." + type.Name : type.Name;

    /// <summary>The method's stable id: full type name and method name.</summary>
    public string Id => SuiteType.FullName + "." + MethodName;

    internal EvalCaseDescriptor FindCase(string caseId) =>
        Cases.FirstOrDefault(c => c.Id == caseId) ?? throw Stale("case", caseId, Cases.Select(c => c.Id));

    internal PromptVariant FindVariant(string variantKey) =>
        Variants.FirstOrDefault(v => v.Key == variantKey) ?? throw Stale("prompt variant", variantKey, Variants.Select(v => v.Key));

    internal RelationDescriptor? FindRelation(string relationKey) =>
        relationKey == EvalDefaults.IdentityRelationKey
            ? null
            : Relations.FirstOrDefault(r => r.Key == relationKey) ?? throw Stale("relation", relationKey, Relations.Select(r => r.Key));

    private InvalidOperationException Stale(string what, string key, System.Collections.Generic.IEnumerable<string> known) =>
        new($"{Id} has no {what} '{key}' (known: {string.Join(", ", known)}). The generated tests are out of date: rebuild the test project.");
}
