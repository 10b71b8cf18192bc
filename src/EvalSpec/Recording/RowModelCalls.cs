namespace EvalSpec.Recording;

/// <summary>How the model calls behind one row went: for a relation row, those of the source run it used as well.</summary>
/// <param name="Replayed">Answered from a recording.</param>
/// <param name="Recorded">Called and recorded.</param>
/// <param name="Live">Called without being recorded (Live mode).</param>
/// <param name="Failed">Calls that failed (errors, timeouts).</param>
internal sealed record RowModelCalls(int Replayed, int Recorded, int Live, int Failed)
{
    /// <summary>No model call.</summary>
    public static readonly RowModelCalls None = new(0, 0, 0, 0);

    public int Total => Replayed + Recorded + Live + Failed;

    public static RowModelCalls operator +(RowModelCalls a, RowModelCalls b) =>
        new(a.Replayed + b.Replayed, a.Recorded + b.Recorded, a.Live + b.Live, a.Failed + b.Failed);

    /// <summary>"3 replayed, 1 recorded" (the kinds there were), or "none".</summary>
    public override string ToString()
    {
        var parts = new System.Collections.Generic.List<string>(4);
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
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
