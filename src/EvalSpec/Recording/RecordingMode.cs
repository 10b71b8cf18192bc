namespace EvalSpec.Recording;

/// <summary>How recorded model calls are used (<see cref="EvalOptions.Recording"/>).</summary>
public enum RecordingMode
{
    /// <summary>Replay a recorded answer when there is one; otherwise call the model and record its answer.</summary>
    Auto = 0,

    /// <summary>Always call the model; read and write no recordings.</summary>
    Live = 1,

    /// <summary>Always call the model and record (replace) its answers.</summary>
    Record = 2,

    /// <summary>Only replay: a call without a recording fails, naming its key and how to record it. No network.</summary>
    Replay = 3,
}
