using System.Collections.Generic;
using EvalSpec.Metamorphic;

namespace EvalSpec.Execution;

/// <summary>A relation row's follow-up input, prepared once for all its trials (<see cref="RowPreparation.PrepareRelationAsync"/>).</summary>
/// <param name="Transform">The relation's instance (its own check, if it has one, reads the observation).</param>
/// <param name="SourceInput">What the relation transformed: the prompt, the parameter's value, or the user turns.</param>
/// <param name="FollowUpInput">What the relation made of it.</param>
/// <param name="FollowUpPrompt">The prompt the follow-up run is given.</param>
/// <param name="FollowUpArguments">The arguments the follow-up run is called with.</param>
/// <param name="Notes">What the relation changed.</param>
/// <param name="Similarity">How much of the input's meaning the follow-up input kept (invariant relations), or null.</param>
internal sealed record RelationInput(
    IMetamorphicRelation Transform,
    string SourceInput,
    string FollowUpInput,
    string FollowUpPrompt,
    object?[] FollowUpArguments,
    IReadOnlyDictionary<string, string> Notes,
    double? Similarity)
{
    /// <summary>For a conversation case: the follow-up conversation the method is sent.</summary>
    public RowConversation? FollowUpConversation { get; init; }
}
