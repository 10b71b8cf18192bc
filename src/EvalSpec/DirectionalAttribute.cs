using System;
using EvalSpec.Metamorphic;

namespace EvalSpec;

/// <summary>
/// Adds a metamorphic row per case and prompt variant: the input is transformed by
/// <typeparamref name="TRelation"/> and the follow-up output must change as <see cref="Expect"/> says.
/// </summary>
/// <typeparam name="TRelation">The relation; see <see cref="IMetamorphicRelation"/>.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DirectionalAttribute<TRelation> : RelationAttribute
    where TRelation : IMetamorphicRelation, new()
{
    /// <summary>How the follow-up output must relate to the source output.</summary>
    public Change Expect { get; set; } = Change.Differs;
}
