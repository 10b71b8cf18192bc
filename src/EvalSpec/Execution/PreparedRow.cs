using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>
/// A row as the prepare stage found it from its keys (<see cref="RowPreparation.Prepare"/>): the method, case, prompt
/// variant and relation it runs, and its id. What every later stage of the row's pipeline starts from.
/// </summary>
/// <param name="Method">The eval method's descriptor.</param>
/// <param name="Case">The case.</param>
/// <param name="Variant">The prompt variant.</param>
/// <param name="Relation">The relation, or null for the identity row.</param>
/// <param name="Id">The row id (<see cref="RowIds.Row"/>).</param>
internal sealed record PreparedRow(EvalMethodDescriptor Method, EvalCaseDescriptor Case, PromptVariant Variant, RelationDescriptor? Relation, string Id)
{
    /// <summary>The id of the identity row of the row's case x prompt variant: the row whose source run the row shares.</summary>
    public string SourceRowId => RowIds.Row(Method, Case.Id, Variant.Key, EvalDefaults.IdentityRelationKey);
}
