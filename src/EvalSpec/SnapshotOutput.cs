namespace EvalSpec;

/// <summary>How a snapshot compares the output of a row (<see cref="SnapshotAttribute.Output"/>).</summary>
public enum SnapshotOutput
{
    /// <summary>
    /// Exactly, unless the model is called live (<c>EVALSPEC_RECORDING=live</c>): then by meaning, as
    /// <see cref="Meaning"/>. Recorded outputs (auto, record) are replayed and compared exactly on the build server, so
    /// the verified file must hold exactly what was recorded.
    /// </summary>
    Auto = 0,

    /// <summary>The output must match the verified one exactly (after scrubbing).</summary>
    Exact = 1,

    /// <summary>
    /// A differing output passes when the invariance panel finds it means the same, provided the panel has an LLM judge
    /// (an <see cref="Judging.IModelJudge"/> such as <see cref="Judging.EquivalenceJudge"/>); without one the output is
    /// compared exactly and the snapshot check says so. The new output is still written to the <c>.received.</c> file,
    /// and accept mode records it.
    /// </summary>
    Meaning = 2,

    /// <summary>Only the prompt is snapshotted; the output is not.</summary>
    PromptOnly = 3,
}
