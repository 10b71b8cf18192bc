using System.Collections.Generic;
using System.Collections.Immutable;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Analyzers;

/// <summary>
/// Every rule and its message, in ranges: ES1xxx authoring (and the ES1021 cost estimate), ES2xxx judging,
/// ES3xxx snapshots and recording.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the rule pages live: <c>docs/rules/&lt;ID&gt;.md</c>, one per rule.</summary>
    internal const string HelpLinkBase = "https://github.com/evalspec/evalspec/blob/main/docs/rules/";

    private const string Authoring = "EvalSpec.Authoring";
    private const string Cost = "EvalSpec.Cost";
    private const string Judging = "EvalSpec.Judging";
    private const string Snapshots = "EvalSpec.Snapshots";

    public static readonly DiagnosticDescriptor UnknownPlaceholder = Error(
        "ES1001", "Prompt placeholder has no matching parameter",
        "Prompt '{2}' of {0} uses the placeholder {{{1}}}, but {0} has no parameter of that name. Valid placeholders: {3}.{4}");

    public static readonly DiagnosticDescriptor CaseArgumentCount = Error(
        "ES1002", "Case argument count does not match the parameters",
        "[Case] on {0} has {1} argument(s), but {0} takes {2} case parameter(s) after EvalInput: {3}. Give one argument per parameter, in order.");

    public static readonly DiagnosticDescriptor CaseArgumentType = Error(
        "ES1003", "Case argument does not fit its parameter",
        "[Case] on {0}: argument {1} ({2}) does not fit the parameter '{3}': {4}");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "ES1004", "Eval class is not partial",
        "'{0}' declares or contains the [Eval] method '{1}' but is not partial. Add the 'partial' modifier (to it and to every type containing it) so EvalSpec can add the generated tests.");

    public static readonly DiagnosticDescriptor DuplicateVariantKey = Error(
        "ES1005", "Duplicate prompt variant key",
        "{0} declares the prompt variant key '{1}' more than once. Give each [Prompt] a distinct key: keys name tests, snapshots and baselines.");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Error(
        "ES1006", "Unsupported eval method signature",
        "[Eval] method {0} {1}. Accepted shapes: {2}.");

    public static readonly DiagnosticDescriptor DuplicateCaseId = Error(
        "ES1007", "Duplicate case id",
        "{0} has two cases with the id '{1}'. Set Id = \"...\" on one of them: case ids name tests and baselines.");

    public static readonly DiagnosticDescriptor DuplicateRelationKey = Error(
        "ES1008", "Duplicate relation key",
        "{0} applies two relations with the key '{1}' ('identity' is reserved). Set Name = \"...\" on one of them.");

    public static readonly DiagnosticDescriptor RelationParameterNotFound = Error(
        "ES1009", "Relation targets a parameter that does not exist",
        "Relation '{1}' on {0} targets the parameter '{2}', which {0} does not have. Parameters: {3}.");

    public static readonly DiagnosticDescriptor RelationParameterNotString = Error(
        "ES1010", "Relation targets a parameter that is not a string",
        "Relation '{1}' on {0} targets the parameter '{2}' of type {3}. Relations transform text: target a string parameter.");

    public static readonly DiagnosticDescriptor MalformedTemplate = Error(
        "ES1011", "Malformed prompt template",
        "A prompt template of {0} is malformed: {1}.");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "ES1012", "Eval setting out of range",
        "{0} = {1} on {2} is out of range: {3}.");

    public static readonly DiagnosticDescriptor NoCases = Create(
        "ES1013", "Eval method has no cases",
        "[Eval] method {0} has no [Case], so it produces no tests. Add at least one [Case(...)].",
        Authoring, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RelationWithoutPrompt = Error(
        "ES1014", "Relation transforms a prompt that does not exist",
        "Relation '{1}' on {0} transforms the prompt, but {0} declares no [Prompt]. Add a [Prompt(...)], or set Parameter = \"...\" to transform a string parameter.");

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Error(
        "ES1015", "Eval method is declared where tests cannot be generated",
        "[Eval] method {0} cannot be expanded: {1}.");

    public static readonly DiagnosticDescriptor EmptyKey = Error(
        "ES1016", "Unusable key",
        "The {0} {2} on {1} is not usable: keys must be non-empty and must not contain '/'.");

    public static readonly DiagnosticDescriptor DuplicateEvalMethodName = Error(
        "ES1017", "Two eval methods share a name",
        "'{0}' has more than one [Eval] method named '{1}'. Rename one: the method name is part of every test name and result key.");

    public static readonly DiagnosticDescriptor PromptSetNotFound = Error(
        "ES1018", "Prompt set file not found",
        "[PromptSet(\"{1}\")] on {0}: no file {1}.prompts is among the project's AdditionalFiles (found: {2}). Add <AdditionalFiles Include=\"prompts/{1}.prompts\" /> to the project file.");

    public static readonly DiagnosticDescriptor PromptFileMalformed = Error(
        "ES1019", "Malformed prompt file line",
        "{0} line {1}: {2}. Write one 'key: template' per line; lines starting with '#' are comments.");

    public static readonly DiagnosticDescriptor UnusedCaseParameter = Create(
        "ES1020", "Case parameter is not used",
        "The case parameter '{0}' of {1} appears in no prompt template and is never read by the method. Use it in a template as {{{0}}}, or remove it (and its [Case] arguments).",
        Authoring, DiagnosticSeverity.Warning);

    /// <summary>Reported at the end of the compilation: the judge count comes from the startup, which may be in another file.</summary>
    public static readonly DiagnosticDescriptor CallBudgetExceeded = Create(
        "ES1021", "Eval exceeds the model call budget",
        "{0} makes about {1} model calls per run: {2} case(s) x {3} variant(s) x (1 + {4} relation(s)) x {5} trial(s) x (1 + {6} judge(s)); budget {7} (EvalSpecCallBudget)",
        Cost, DiagnosticSeverity.Info, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor JudgeOnModelUnderTest = Create(
        "ES2001", "Judge uses the model under test",
        "Judge '{0}' uses the model '{1}', which the system under test uses ('{2}' in SystemUnderTestModels): a model grading its own outputs favours them. Use a judge from another model family, or set AllowSelfPreference = true in its LlmJudgeOptions if you accept the bias.",
        Judging, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CheckNotAwaited = Create(
        "ES3001", "Snapshot or assertion is not awaited",
        "{0} returns a Task that is not awaited: a mismatch or failed verdict it finds is never observed and cannot fail the test. Add 'await'.",
        Snapshots, DiagnosticSeverity.Warning);

    private static readonly Dictionary<EvalRule, DiagnosticDescriptor> ByRule = new()
    {
        [EvalRule.UnknownPlaceholder] = UnknownPlaceholder,
        [EvalRule.CaseArgumentCount] = CaseArgumentCount,
        [EvalRule.CaseArgumentType] = CaseArgumentType,
        [EvalRule.ClassNotPartial] = ClassNotPartial,
        [EvalRule.DuplicateVariantKey] = DuplicateVariantKey,
        [EvalRule.UnsupportedSignature] = UnsupportedSignature,
        [EvalRule.DuplicateCaseId] = DuplicateCaseId,
        [EvalRule.DuplicateRelationKey] = DuplicateRelationKey,
        [EvalRule.RelationParameterNotFound] = RelationParameterNotFound,
        [EvalRule.RelationParameterNotString] = RelationParameterNotString,
        [EvalRule.MalformedTemplate] = MalformedTemplate,
        [EvalRule.ValueOutOfRange] = ValueOutOfRange,
        [EvalRule.NoCases] = NoCases,
        [EvalRule.RelationWithoutPrompt] = RelationWithoutPrompt,
        [EvalRule.UnsupportedContainingType] = UnsupportedContainingType,
        [EvalRule.EmptyKey] = EmptyKey,
        [EvalRule.DuplicateEvalMethodName] = DuplicateEvalMethodName,
        [EvalRule.PromptSetNotFound] = PromptSetNotFound,
        [EvalRule.PromptFileMalformed] = PromptFileMalformed,
    };

    /// <summary>The rules the declaration parser finds (ES1001-ES1019), all reported by <see cref="EvalDeclarationAnalyzer"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.CreateRange(ByRule.Values);

    /// <summary>Every rule of the assembly, whichever analyzer reports it: the parser's rules and the one-rule analyzers'.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Published { get; } = All.AddRange(new[]
    {
        UnusedCaseParameter,
        CallBudgetExceeded,
        JudgeOnModelUnderTest,
        CheckNotAwaited,
    });

    public static DiagnosticDescriptor For(EvalRule rule) => ByRule[rule];

    /// <summary>The help link of a rule: its page under <see cref="HelpLinkBase"/>.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, Authoring, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id), customTags: customTags);
}
