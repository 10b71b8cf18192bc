using EvalSpec.Judging;

namespace EvalSpec.Reporting.Gate;

/// <summary>A row in both the baseline and the run.</summary>
/// <param name="RowId">The row id.</param>
/// <param name="MethodId">Its eval method id.</param>
/// <param name="Baseline">The recorded outcome.</param>
/// <param name="Run">The outcome in the run.</param>
/// <param name="BaselineScore">The recorded score, if any.</param>
/// <param name="RunScore">The score in the run, if any.</param>
internal sealed record PairedRow(string RowId, string MethodId, VerdictOutcome Baseline, VerdictOutcome Run, double? BaselineScore, double? RunScore)
{
    /// <summary>As the test explorer shows it: <c>Class.Method [case · variant · relation]</c>.</summary>
    public string DisplayName => Reports.RowNames.Display(RowId);

    /// <summary>Passed in the baseline, does not pass now (fails or is inconclusive).</summary>
    public bool IsPassToNotPassing => Baseline == VerdictOutcome.Pass && Run != VerdictOutcome.Pass;

    /// <summary>Did not pass in the baseline, passes now.</summary>
    public bool IsNotPassingToPass => Baseline != VerdictOutcome.Pass && Run == VerdictOutcome.Pass;
}
