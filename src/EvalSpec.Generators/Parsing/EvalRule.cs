namespace EvalSpec.Generators.Parsing;

/// <summary>
/// The authoring mistakes the parser recognises. The analyzer maps each to a diagnostic (ids ES1xxx); the
/// generator emits nothing for a method with any error-level problem.
/// </summary>
internal enum EvalRule
{
    UnknownPlaceholder,
    CaseArgumentCount,
    CaseArgumentType,
    ClassNotPartial,
    DuplicateVariantKey,
    UnsupportedSignature,
    DuplicateCaseId,
    DuplicateRelationKey,
    RelationParameterNotFound,
    RelationParameterNotString,
    MalformedTemplate,
    ValueOutOfRange,
    NoCases,
    RelationWithoutPrompt,
    UnsupportedContainingType,
    EmptyKey,
    DuplicateEvalMethodName,
    PromptSetNotFound,
    PromptFileMalformed,
    CasesFromFileNotFound,
    CaseDataInvalid,
    ConversationInvalid,
}
