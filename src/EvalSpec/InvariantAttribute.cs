using System;
using EvalSpec.Metamorphic;

namespace EvalSpec;

/// <summary>
/// Adds a metamorphic row per case and prompt variant: the input is transformed by
/// <typeparamref name="TRelation"/> and the follow-up output must stay equivalent to the source output.
/// </summary>
/// <typeparam name="TRelation">The relation; see <see cref="IMetamorphicRelation"/>.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InvariantAttribute<TRelation> : RelationAttribute
    where TRelation : IMetamorphicRelation, new()
{
}
