namespace EvalSpec.Generators.Parsing;

/// <summary>
/// The published id and message format of each <see cref="EvalRule"/>: the analyzer builds its diagnostics from them
/// (DiagnosticDescriptors, which adds titles, categories and help links) and the generator quotes them in the test
/// that stands in for a method it could not expand, so both say the same thing. The arguments are
/// <see cref="EvalProblem.MessageArguments"/>; ES1001's last one (<c>{4}</c>, "did you mean") is the analyzer's.
/// Constants, so that the analyzer release tracking (RS2xxx) still reads the ids where the descriptors are created.
/// </summary>
internal static class EvalRuleText
{
    public const string UnknownPlaceholderId = "ES1001";
    public const string UnknownPlaceholderMessage = "Prompt '{2}' of {0} uses the placeholder {{{1}}}, but {0} has no parameter of that name. Valid placeholders: {3}.{4}";

    public const string CaseArgumentCountId = "ES1002";
    public const string CaseArgumentCountMessage = "[Case] on {0} has {1} argument(s), but {0} takes {2} case parameter(s) after EvalInput: {3}. Give one argument per parameter, in order.";

    public const string CaseArgumentTypeId = "ES1003";
    public const string CaseArgumentTypeMessage = "[Case] on {0}: argument {1} ({2}) does not fit the parameter '{3}': {4}";

    public const string ClassNotPartialId = "ES1004";
    public const string ClassNotPartialMessage = "'{0}' declares or contains the [Eval] method '{1}' but is not partial. Add the 'partial' modifier (to it and to every type containing it) so EvalSpec can add the generated tests.";

    public const string DuplicateVariantKeyId = "ES1005";
    public const string DuplicateVariantKeyMessage = "{0} declares the prompt variant key '{1}' more than once. Give each [Prompt] a distinct key: keys name tests, snapshots and baselines.";

    public const string UnsupportedSignatureId = "ES1006";
    public const string UnsupportedSignatureMessage = "[Eval] method {0} {1}. Accepted shapes: {2}.";

    public const string DuplicateCaseIdId = "ES1007";
    public const string DuplicateCaseIdMessage = "{0} has two cases with the id '{1}'. Set Id = \"...\" on one of them: case ids name tests and baselines.";

    public const string DuplicateRelationKeyId = "ES1008";
    public const string DuplicateRelationKeyMessage = "{0} applies two relations with the key '{1}' ('identity' is reserved). Set Name = \"...\" on one of them.";

    public const string RelationParameterNotFoundId = "ES1009";
    public const string RelationParameterNotFoundMessage = "Relation '{1}' on {0} targets the parameter '{2}', which {0} does not have. Parameters: {3}.";

    public const string RelationParameterNotStringId = "ES1010";
    public const string RelationParameterNotStringMessage = "Relation '{1}' on {0} targets the parameter '{2}' of type {3}. Relations transform text: target a string parameter.";

    public const string MalformedTemplateId = "ES1011";
    public const string MalformedTemplateMessage = "A prompt template of {0} is malformed: {1}.";

    public const string ValueOutOfRangeId = "ES1012";
    public const string ValueOutOfRangeMessage = "{0} = {1} on {2} is out of range: {3}.";

    public const string NoCasesId = "ES1013";
    public const string NoCasesMessage = "[Eval] method {0} has no [Case], so it produces no tests. Add at least one [Case(...)].";

    public const string RelationWithoutPromptId = "ES1014";
    public const string RelationWithoutPromptMessage = "Relation '{1}' on {0} transforms the prompt, but {0} declares no [Prompt]. Add a [Prompt(...)], or set Parameter = \"...\" to transform a string parameter.";

    public const string UnsupportedContainingTypeId = "ES1015";
    public const string UnsupportedContainingTypeMessage = "[Eval] method {0} cannot be expanded: {1}.";

    public const string EmptyKeyId = "ES1016";
    public const string EmptyKeyMessage = "The {0} {2} on {1} is not usable: keys must be non-empty and must not contain '/'.";

    public const string DuplicateEvalMethodNameId = "ES1017";
    public const string DuplicateEvalMethodNameMessage = "'{0}' has more than one [Eval] method named '{1}'. Rename one: the method name is part of every test name and result key.";

    public const string PromptSetNotFoundId = "ES1018";
    public const string PromptSetNotFoundMessage = "[PromptSet(\"{1}\")] on {0}: no file {1}.prompts is among the project's AdditionalFiles (found: {2}). Add <AdditionalFiles Include=\"prompts/{1}.prompts\" /> to the project file.";

    public const string PromptFileMalformedId = "ES1019";
    public const string PromptFileMalformedMessage = "{0} line {1}: {2}. Write one 'key: template' per line; lines starting with '#' are comments.";

    public const string CasesFromFileNotFoundId = "ES1022";
    public const string CasesFromFileNotFoundMessage = "[CasesFrom(\"{1}\")] on {0}: the case file is not among the project's AdditionalFiles ({2}). The path is relative to the project folder; the EvalSpec package adds every *.jsonl and *.csv file of the project unless EvalSpecIncludeCaseFiles is false, else add <AdditionalFiles Include=\"{1}\" />.";

    public const string CaseDataInvalidId = "ES1023";
    public const string CaseDataInvalidMessage = "{0}({1},{2}): case data for {3} is not usable: {4}.";

    public const string ConversationInvalidId = "ES1024";
    public const string ConversationInvalidMessage = "[Conversation] on {0} is not usable: {1}. Write each turn as \"role: content\" with the role system, user or assistant, and end with the user's turn.";

    /// <summary>The id and message format of <paramref name="rule"/>.</summary>
    public static (string Id, string MessageFormat) For(EvalRule rule) => rule switch
    {
        EvalRule.UnknownPlaceholder => (UnknownPlaceholderId, UnknownPlaceholderMessage),
        EvalRule.CaseArgumentCount => (CaseArgumentCountId, CaseArgumentCountMessage),
        EvalRule.CaseArgumentType => (CaseArgumentTypeId, CaseArgumentTypeMessage),
        EvalRule.ClassNotPartial => (ClassNotPartialId, ClassNotPartialMessage),
        EvalRule.DuplicateVariantKey => (DuplicateVariantKeyId, DuplicateVariantKeyMessage),
        EvalRule.UnsupportedSignature => (UnsupportedSignatureId, UnsupportedSignatureMessage),
        EvalRule.DuplicateCaseId => (DuplicateCaseIdId, DuplicateCaseIdMessage),
        EvalRule.DuplicateRelationKey => (DuplicateRelationKeyId, DuplicateRelationKeyMessage),
        EvalRule.RelationParameterNotFound => (RelationParameterNotFoundId, RelationParameterNotFoundMessage),
        EvalRule.RelationParameterNotString => (RelationParameterNotStringId, RelationParameterNotStringMessage),
        EvalRule.MalformedTemplate => (MalformedTemplateId, MalformedTemplateMessage),
        EvalRule.ValueOutOfRange => (ValueOutOfRangeId, ValueOutOfRangeMessage),
        EvalRule.NoCases => (NoCasesId, NoCasesMessage),
        EvalRule.RelationWithoutPrompt => (RelationWithoutPromptId, RelationWithoutPromptMessage),
        EvalRule.UnsupportedContainingType => (UnsupportedContainingTypeId, UnsupportedContainingTypeMessage),
        EvalRule.EmptyKey => (EmptyKeyId, EmptyKeyMessage),
        EvalRule.DuplicateEvalMethodName => (DuplicateEvalMethodNameId, DuplicateEvalMethodNameMessage),
        EvalRule.PromptSetNotFound => (PromptSetNotFoundId, PromptSetNotFoundMessage),
        EvalRule.PromptFileMalformed => (PromptFileMalformedId, PromptFileMalformedMessage),
        EvalRule.CasesFromFileNotFound => (CasesFromFileNotFoundId, CasesFromFileNotFoundMessage),
        EvalRule.CaseDataInvalid => (CaseDataInvalidId, CaseDataInvalidMessage),
        EvalRule.ConversationInvalid => (ConversationInvalidId, ConversationInvalidMessage),
        _ => throw new System.ArgumentOutOfRangeException(nameof(rule), rule, "No text for this rule."),
    };
}
