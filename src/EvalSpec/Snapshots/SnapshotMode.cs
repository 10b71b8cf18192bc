namespace EvalSpec.Snapshots;

/// <summary>What a snapshot mismatch does (<see cref="EvalOptions.Snapshots"/>).</summary>
public enum SnapshotMode
{
    /// <summary>Compare with the verified file; a mismatch or a missing file fails and writes a <c>.received.</c> file.</summary>
    Verify = 0,

    /// <summary>Write what was received as the verified file (refused on build servers).</summary>
    Accept = 1,
}
