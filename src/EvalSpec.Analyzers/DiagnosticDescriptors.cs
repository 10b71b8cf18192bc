using System.Collections.Generic;
using System.Collections.Immutable;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Analyzers;

/// <summary>
/// Every rule and its message, in ranges: ES1xxx authoring (and the ES1021 cost estimate), ES2xxx judging,
/// ES3xxx snapshots and recording. The ids and messages of the parser's rules (ES1001-ES1019, ES1022-ES1024) live in
/// <see cref="EvalRuleText"/>, because the generator quotes them in the test it emits for a method it cannot expand.
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
        EvalRuleText.UnknownPlaceholderId, "Prompt placeholder has no matching parameter",
        EvalRuleText.UnknownPlaceholderMessage);

    public static readonly DiagnosticDescriptor CaseArgumentCount = Error(
        EvalRuleText.CaseArgumentCountId, "Case argument count does not match the parameters",
        EvalRuleText.CaseArgumentCountMessage);

    public static readonly DiagnosticDescriptor CaseArgumentType = Error(
        EvalRuleText.CaseArgumentTypeId, "Case argument does not fit its parameter",
        EvalRuleText.CaseArgumentTypeMessage);

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        EvalRuleText.ClassNotPartialId, "Eval class is not partial",
        EvalRuleText.ClassNotPartialMessage);

    public static readonly DiagnosticDescriptor DuplicateVariantKey = Error(
        EvalRuleText.DuplicateVariantKeyId, "Duplicate prompt variant key",
        EvalRuleText.DuplicateVariantKeyMessage);

    public static readonly DiagnosticDescriptor UnsupportedSignature = Error(
        EvalRuleText.UnsupportedSignatureId, "Unsupported eval method signature",
        EvalRuleText.UnsupportedSignatureMessage);

    public static readonly DiagnosticDescriptor DuplicateCaseId = Error(
        EvalRuleText.DuplicateCaseIdId, "Duplicate case id",
        EvalRuleText.DuplicateCaseIdMessage);

    public static readonly DiagnosticDescriptor DuplicateRelationKey = Error(
        EvalRuleText.DuplicateRelationKeyId, "Duplicate relation key",
        EvalRuleText.DuplicateRelationKeyMessage);

    public static readonly DiagnosticDescriptor RelationParameterNotFound = Error(
        EvalRuleText.RelationParameterNotFoundId, "Relation targets a parameter that does not exist",
        EvalRuleText.RelationParameterNotFoundMessage);

    public static readonly DiagnosticDescriptor RelationParameterNotString = Error(
        EvalRuleText.RelationParameterNotStringId, "Relation targets a parameter that is not a string",
        EvalRuleText.RelationParameterNotStringMessage);

    public static readonly DiagnosticDescriptor MalformedTemplate = Error(
        EvalRuleText.MalformedTemplateId, "Malformed prompt template",
        EvalRuleText.MalformedTemplateMessage);

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        EvalRuleText.ValueOutOfRangeId, "Eval setting out of range",
        EvalRuleText.ValueOutOfRangeMessage);

    public static readonly DiagnosticDescriptor NoCases = Create(
        EvalRuleText.NoCasesId, "Eval method has no cases",
        EvalRuleText.NoCasesMessage,
        Authoring, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RelationWithoutPrompt = Error(
        EvalRuleText.RelationWithoutPromptId, "Relation transforms a prompt that does not exist",
        EvalRuleText.RelationWithoutPromptMessage);

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Error(
        EvalRuleText.UnsupportedContainingTypeId, "Eval method is declared where tests cannot be generated",
        EvalRuleText.UnsupportedContainingTypeMessage);

    public static readonly DiagnosticDescriptor EmptyKey = Error(
        EvalRuleText.EmptyKeyId, "Unusable key",
        EvalRuleText.EmptyKeyMessage);

    public static readonly DiagnosticDescriptor DuplicateEvalMethodName = Error(
        EvalRuleText.DuplicateEvalMethodNameId, "Two eval methods share a name",
        EvalRuleText.DuplicateEvalMethodNameMessage);

    public static readonly DiagnosticDescriptor PromptSetNotFound = Error(
        EvalRuleText.PromptSetNotFoundId, "Prompt set file not found",
        EvalRuleText.PromptSetNotFoundMessage);

    public static readonly DiagnosticDescriptor PromptFileMalformed = Error(
        EvalRuleText.PromptFileMalformedId, "Malformed prompt file line",
        EvalRuleText.PromptFileMalformedMessage);

    public static readonly DiagnosticDescriptor CasesFromFileNotFound = Error(
        EvalRuleText.CasesFromFileNotFoundId, "Case file not found",
        EvalRuleText.CasesFromFileNotFoundMessage);

    public static readonly DiagnosticDescriptor CaseDataInvalid = Error(
        EvalRuleText.CaseDataInvalidId, "Case file data is not usable",
        EvalRuleText.CaseDataInvalidMessage);

    public static readonly DiagnosticDescriptor ConversationInvalid = Error(
        EvalRuleText.ConversationInvalidId, "Conversation case is not usable",
        EvalRuleText.ConversationInvalidMessage);

    public static readonly DiagnosticDescriptor UnusedCaseParameter = Create(
        "ES1020", "Case parameter is not used",
        "The case parameter '{0}' of {1} appears in no prompt template and is never read by the method. Use it in a template as {{{0}}}, or remove it (and its [Case] arguments).",
        Authoring, DiagnosticSeverity.Warning);

    /// <summary>Reported at the end of the compilation: the judge count comes from the startup, which may be in another file.</summary>
    public static readonly DiagnosticDescriptor CallBudgetExceeded = Create(
        "ES1021", "Eval exceeds the model call budget",
        "{0} makes about {1} model calls per run: {2} case(s) x {3} variant(s) x (1 + {4} relation(s)) x {5} trial(s) x (1 + {6} judge(s)); budget {7} (EvalSpecCallBudget)",
        Cost, DiagnosticSeverity.Info, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AdapterMissing = Create(
        "ES1025", "No EvalSpec adapter for the project's xUnit",
        "The [Eval] method {0} gets no test rows: this project references {1} but not EvalSpec's adapter for it. Add <PackageReference Include=\"{2}\" /> (it brings the EvalSpec package).",
        Authoring, DiagnosticSeverity.Error);

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
        [EvalRule.CasesFromFileNotFound] = CasesFromFileNotFound,
        [EvalRule.CaseDataInvalid] = CaseDataInvalid,
        [EvalRule.ConversationInvalid] = ConversationInvalid,
    };

    /// <summary>The rules the declaration parser finds (ES1001-ES1019, ES1022-ES1024), all reported by <see cref="EvalDeclarationAnalyzer"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.CreateRange(ByRule.Values);

    /// <summary>Every rule of the assembly, whichever analyzer reports it: the parser's rules and the one-rule analyzers'.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Published { get; } = All.AddRange(new[]
    {
        UnusedCaseParameter,
        CallBudgetExceeded,
        AdapterMissing,
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
