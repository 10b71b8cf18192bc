namespace EvalSpec.Judging;

/// <summary>A judge backed by a language model, which must not grade its own model's outputs unless allowed.</summary>
public interface IModelJudge : IJudge
{
    /// <summary>The judge's model id, if known (from its chat options or the client's metadata).</summary>
    string? Model { get; }

    /// <summary>Whether the judge may grade outputs of its own model.</summary>
    bool AllowSelfPreference { get; }
}
