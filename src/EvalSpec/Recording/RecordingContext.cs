using System.Diagnostics.CodeAnalysis;

namespace EvalSpec.Recording;

/// <summary>
/// The context paths entries are filed under: <c>&lt;row id&gt;/&lt;phase&gt;/&lt;trial&gt;</c> for calls made for an eval row
/// (<see cref="Execution.EvalCallContext.ToString"/>), <see cref="NoRow"/> for the others.
/// </summary>
internal static class RecordingContext
{
    /// <summary>The context path of calls made outside eval rows.</summary>
    public const string NoRow = "no-row";

    /// <summary>The phase of a source run (the identity row's context, shared by the case's relation rows).</summary>
    public const string SourcePhase = "source";

    /// <summary>The recordings file (without extension) of calls made outside eval rows.</summary>
    public const string SharedSuite = "_shared";

    /// <summary>The relation key of identity rows.</summary>
    private const string IdentityRelation = "identity";

    /// <summary>
    /// The row and phase of a context path; false for <see cref="NoRow"/> and anything else that is not such a path.
    /// </summary>
    public static bool TrySplit(string context, [NotNullWhen(true)] out string? rowId, [NotNullWhen(true)] out string? phase)
    {
        int trial = context.LastIndexOf('/');
        int phaseStart = trial > 0 ? context.LastIndexOf('/', trial - 1) : -1;
        if (phaseStart <= 0 || phaseStart + 1 == trial)
        {
            rowId = null;
            phase = null;
            return false;
        }

        rowId = context[..phaseStart];
        phase = context[(phaseStart + 1)..trial];
        return true;
    }

    /// <summary>
    /// The id of the identity row whose source run <paramref name="rowId"/> uses (<c>Method/case/variant/identity</c>): the row
    /// itself for an identity row. Row ids end in their relation key, and keys hold no '/'.
    /// </summary>
    public static string SourceRowOf(string rowId)
    {
        int relation = rowId.LastIndexOf('/');
        return relation < 0 ? rowId : rowId[..(relation + 1)] + IdentityRelation;
    }
}
