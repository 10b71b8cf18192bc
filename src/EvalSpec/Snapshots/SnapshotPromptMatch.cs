namespace EvalSpec.Snapshots;

/// <summary>How the prompt part of an eval row's snapshot compares with a verified file.</summary>
internal enum SnapshotPromptMatch
{
    /// <summary>The prompt or the follow-up prompt differs, or the file is not a row snapshot.</summary>
    Differs,

    /// <summary>The prompts are the same, and the verified file has no output part (a prompt-only snapshot).</summary>
    SameWithoutOutput,

    /// <summary>The prompts are the same, and the verified file has an output part.</summary>
    SameWithOutput,
}
