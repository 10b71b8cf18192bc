using EvalSpec.Judging;

namespace EvalSpec.Metamorphic;

/// <summary>
/// A relation that also states its own expectation about the follow-up output — e.g. a prompt-injection
/// suffix expects the answer not to comply, a counterfactual edit expects the answer to follow the edited
/// fact. The check runs in addition to the invariance or change check of the attribute that applies the
/// relation, and the row passes only if both pass.
/// </summary>
public interface IRelationCheck
{
    /// <summary>Checks the follow-up output.</summary>
    /// <param name="observation">Both inputs, both outputs and the notes the transformation left.</param>
    /// <returns>The verdict; its judge name is the relation's.</returns>
    Verdict Check(RelationObservation observation);
}
