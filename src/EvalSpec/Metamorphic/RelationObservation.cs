using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>What a relation row observed: both inputs, both outputs, and what the transformation changed.</summary>
/// <param name="Relation">The relation key.</param>
/// <param name="SourceInput">The input before the transformation (the prompt or the targeted parameter).</param>
/// <param name="FollowUpInput">The input after the transformation.</param>
/// <param name="SourceOutput">The output for the source input.</param>
/// <param name="FollowUpOutput">The output for the follow-up input.</param>
/// <param name="Notes">The notes the transformation left in <see cref="MetamorphicContext.Notes"/>.</param>
public sealed record RelationObservation(
    string Relation,
    string SourceInput,
    string FollowUpInput,
    string SourceOutput,
    string FollowUpOutput,
    IReadOnlyDictionary<string, string> Notes);
