namespace EvalSpec;

/// <summary>How a snapshot compares the output of a row (<see cref="SnapshotAttribute.Output"/>).</summary>
public enum SnapshotOutput
{
    /// <summary>Exactly when model calls are replayed (<c>EVALSPEC_RECORDING=replay</c>), by meaning otherwise.</summary>
    Auto = 0,

    /// <summary>The output must match the verified one exactly (after scrubbing).</summary>
    Exact = 1,

    /// <summary>A differing output passes when the equivalence judge finds it means the same.</summary>
    Meaning = 2,

    /// <summary>Only the prompt is snapshotted; the output is not.</summary>
    PromptOnly = 3,
}
