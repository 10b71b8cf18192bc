using System;

namespace EvalSpec;

/// <summary>Common settings of <see cref="InvariantAttribute{TRelation}"/> and <see cref="DirectionalAttribute{TRelation}"/>.</summary>
public abstract class RelationAttribute : Attribute
{
    private protected RelationAttribute()
    {
    }

    /// <summary>
    /// Stable relation key used in test names and results. Unset: derived from the relation type name
    /// (<c>WhitespaceNoise</c> becomes <c>whitespace-noise</c>). Set it to use one relation type twice.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The method parameter whose (string) value the relation transforms before the prompt is rendered.
    /// Unset: the relation transforms the whole rendered prompt.
    /// </summary>
    public string? Parameter { get; set; }

    /// <summary>
    /// Token-F1 threshold in [0, 1] between the source output and the follow-up output: an invariant
    /// relation holds at or above it, a directional <see cref="Change.Differs"/> relation below it. Unset: 0.5.
    /// </summary>
    public double Threshold { get; set; } = EvalDefaults.RelationThreshold;
}
