using System;
using System.ComponentModel;
using EvalSpec.Metamorphic;

namespace EvalSpec.Execution;

/// <summary>A relation applied to an eval method, as the source generator describes it. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RelationDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="key">The stable relation key.</param>
    /// <param name="kind">Invariant or directional.</param>
    /// <param name="create">Creates the relation.</param>
    /// <param name="parameter">The targeted parameter, or null for the whole prompt.</param>
    /// <param name="threshold">The token-F1 threshold of the relation check.</param>
    /// <param name="expect">For a directional relation, the expected change.</param>
    public RelationDescriptor(string key, RelationKind kind, Func<IMetamorphicRelation> create, string? parameter, double threshold, Change expect)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Kind = kind;
        Create = create ?? throw new ArgumentNullException(nameof(create));
        Parameter = parameter;
        Threshold = threshold;
        Expect = expect;
    }

    /// <summary>The stable relation key.</summary>
    public string Key { get; }

    /// <summary>Invariant or directional.</summary>
    public RelationKind Kind { get; }

    /// <summary>Creates the relation.</summary>
    public Func<IMetamorphicRelation> Create { get; }

    /// <summary>The targeted parameter, or null for the whole prompt.</summary>
    public string? Parameter { get; }

    /// <summary>The token-F1 threshold of the relation check.</summary>
    public double Threshold { get; }

    /// <summary>For a directional relation, the expected change.</summary>
    public Change Expect { get; }
}
