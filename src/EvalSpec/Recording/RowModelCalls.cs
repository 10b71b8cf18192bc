namespace EvalSpec.Recording;

/// <summary>How the model calls behind one row went: for a relation row, those of the source run it used as well.</summary>
/// <param name="Replayed">Answered from a recording.</param>
/// <param name="Recorded">Called and recorded.</param>
/// <param name="Live">Called without being recorded (Live mode).</param>
/// <param name="Failed">Calls that failed (errors, timeouts).</param>
/// <param name="Missing">Replay-mode calls that had no recording (not made: not in <see cref="Total"/>).</param>
internal sealed record RowModelCalls(int Replayed, int Recorded, int Live, int Failed, int Missing = 0)
{
    /// <summary>No model call.</summary>
    public static readonly RowModelCalls None = new(0, 0, 0, 0);

    /// <summary>The calls made (replayed, recorded, live, failed); misses were not made.</summary>
    public int Total => Replayed + Recorded + Live + Failed;

    /// <summary>The calls asked for: made (<see cref="Total"/>) or missing from the recordings.</summary>
    public int Asked => Total + Missing;

    /// <summary>No call made and none missing.</summary>
    public bool IsNone => Asked == 0;

    public static RowModelCalls operator +(RowModelCalls a, RowModelCalls b) =>
        new(a.Replayed + b.Replayed, a.Recorded + b.Recorded, a.Live + b.Live, a.Failed + b.Failed, a.Missing + b.Missing);

    public static RowModelCalls operator -(RowModelCalls a, RowModelCalls b) =>
        new(a.Replayed - b.Replayed, a.Recorded - b.Recorded, a.Live - b.Live, a.Failed - b.Failed, a.Missing - b.Missing);

    /// <summary>"3 replayed, 1 recorded" (the kinds there were), or "none".</summary>
    public override string ToString()
    {
        var parts = new System.Collections.Generic.List<string>(5);
        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + what);
            }
        }

        Add(Replayed, "replayed");
        Add(Recorded, "recorded");
        Add(Live, "live");
        Add(Failed, "failed");
        Add(Missing, "missing");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
