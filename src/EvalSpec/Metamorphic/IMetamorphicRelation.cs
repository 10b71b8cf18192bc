namespace EvalSpec.Metamorphic;

/// <summary>
/// A metamorphic relation: transforms a source input into a follow-up input. What must hold between the
/// source output and the follow-up output is declared where the relation is used
/// (<see cref="InvariantAttribute{TRelation}"/> or <see cref="DirectionalAttribute{TRelation}"/>).
/// </summary>
/// <remarks>
/// Implementations need a public parameterless constructor and must draw every random choice from
/// <see cref="MetamorphicContext.Random"/>, which is seeded from the row id, so a failing row reproduces
/// exactly.
/// </remarks>
public interface IMetamorphicRelation
{
    /// <summary>Transforms the source input.</summary>
    /// <param name="input">The rendered prompt, or the targeted parameter's text.</param>
    /// <param name="context">The row's seeded random source and identity.</param>
    /// <returns>The follow-up input.</returns>
    string Transform(string input, MetamorphicContext context);
}
