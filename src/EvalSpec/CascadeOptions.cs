namespace EvalSpec;

/// <summary>Settings of the <see cref="Judging.JudgeCascade"/>s registered as judges (section <c>Cascade</c> of evalspec.json).</summary>
public sealed class CascadeOptions
{
    /// <summary>
    /// The calibration file the cascades use, relative to the test project folder. Default <c>evalspec.calibration.json</c>, used
    /// when it exists (a cascade without one works, but claims no agreement level). A file set here must exist.
    /// Set with <c>EVALSPEC_CASCADE__CALIBRATIONFILE</c>.
    /// </summary>
    public string? CalibrationFile { get; set; }

    /// <summary>
    /// Ask every tier on every row and write every row to review.jsonl, to collect calibration data (labels need every tier's
    /// votes). The verdict is still the first confident tier's. Default false. Set with <c>EVALSPEC_CASCADE__ASKALLTIERS=true</c>.
    /// </summary>
    public bool AskAllTiers { get; set; }
}
