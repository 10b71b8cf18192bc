namespace EvalSpec;

/// <summary>What a directional relation expects of the follow-up output.</summary>
public enum Change
{
    /// <summary>The follow-up output must differ from the source output (token F1 below the relation's threshold).</summary>
    Differs = 0,
}
