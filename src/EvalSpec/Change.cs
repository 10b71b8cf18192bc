namespace EvalSpec;

/// <summary>What a directional relation expects of the follow-up output.</summary>
public enum Change
{
    /// <summary>The follow-up output must differ from the source output (by the change judges; default: token F1 below the relation's threshold).</summary>
    Differs = 0,

    /// <summary>The number in the follow-up output (its last number) must be greater than in the source output.</summary>
    Increases = 1,

    /// <summary>The number in the follow-up output (its last number) must be smaller than in the source output.</summary>
    Decreases = 2,
}
