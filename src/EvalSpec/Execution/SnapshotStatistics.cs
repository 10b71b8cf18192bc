using System.Threading;
using EvalSpec.Snapshots;

namespace EvalSpec.Execution;

/// <summary>Counts of what the snapshots of a run did, safe for concurrent rows.</summary>
internal sealed class SnapshotStatistics
{
    private int _matched;
    private int _matchedByMeaning;
    private int _accepted;
    private int _missing;
    private int _mismatched;
    private int _invalid;

    public int Matched => Volatile.Read(ref _matched);

    public int MatchedByMeaning => Volatile.Read(ref _matchedByMeaning);

    public int Accepted => Volatile.Read(ref _accepted);

    public int Missing => Volatile.Read(ref _missing);

    public int Mismatched => Volatile.Read(ref _mismatched);

    public int Invalid => Volatile.Read(ref _invalid);

    public int Total => Matched + Accepted + Missing + Mismatched + Invalid;

    /// <summary>Counts one row's snapshot: verified by this run, or by the run it resumes (from the row's results line).</summary>
    public void Record(SnapshotOutcome outcome, bool matchedByMeaning)
    {
        switch (outcome)
        {
            case SnapshotOutcome.Matched:
                Interlocked.Increment(ref _matched);
                if (matchedByMeaning)
                {
                    Interlocked.Increment(ref _matchedByMeaning);
                }

                break;
            case SnapshotOutcome.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case SnapshotOutcome.Missing:
                Interlocked.Increment(ref _missing);
                break;
            case SnapshotOutcome.Mismatched:
                Interlocked.Increment(ref _mismatched);
                break;
            default:
                Interlocked.Increment(ref _invalid);
                break;
        }
    }
}
