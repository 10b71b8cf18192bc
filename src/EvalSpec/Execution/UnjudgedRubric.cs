using System;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// The rule for an eval whose rubric no judge checks (no rubric judge registered, or none of the rubric panel's judges
/// reads rubrics: <see cref="IJudge.ReadsRubric"/>): the rubric is never dropped silently.
/// The row always carries the note; whether the row is also inconclusive follows <see cref="EvalOptions.UnjudgedRubric"/>
/// and whether the run is on a build server.
/// </summary>
internal static class UnjudgedRubric
{
    /// <summary>How the note of a row whose rubric was not checked begins (a resumed run counts taken-over rows by it).</summary>
    public const string NotePrefix = "rubric not checked: ";

    /// <summary>What the row's message, its result line and the run summary say when no rubric judge is registered.</summary>
    public const string NotChecked = NotePrefix + "no rubric judge registered";

    /// <summary>Whether the run's rubric panel checks rubrics: it has a judge that reads them.</summary>
    public static bool Checks(JudgePanel? rubricPanel) => rubricPanel is not null && rubricPanel.Judges.Any(j => j.ReadsRubric);

    /// <summary>
    /// Why a rubric is not checked with this rubric panel: none registered, or none of its judges reads rubrics (naming
    /// them, so the user sees that judges did decide the row, on something else).
    /// </summary>
    public static string Reason(JudgePanel? rubricPanel) => rubricPanel is null
        ? NotChecked
        : NotePrefix + $"no judge of the rubric panel reads rubrics ({string.Join(", ", rubricPanel.Judges.Select(j => j.Name))} judge the output without it)";

    /// <summary>The name of the check an inconclusive row carries.</summary>
    public const string CheckName = "rubric coverage";

    /// <summary>
    /// The inconclusive check that makes the row inconclusive, or null when the row is only noted and decided by its other
    /// checks.
    /// </summary>
    /// <param name="mode">The option.</param>
    /// <param name="buildServerVariable">The environment variable that shows a build server, or null on a developer machine.</param>
    /// <param name="reason">Why the rubric is not checked (<see cref="Reason"/>).</param>
    public static PanelVerdict? Check(UnjudgedRubricMode mode, string? buildServerVariable, string reason = NotChecked)
    {
        string? why = mode switch
        {
            UnjudgedRubricMode.Inconclusive => "with UnjudgedRubric=inconclusive",
            UnjudgedRubricMode.Auto when buildServerVariable is not null => $"on a build server ({buildServerVariable} is set)",
            _ => null,
        };

        return why is null
            ? null
            : new PanelVerdict(
                CheckName,
                VerdictOutcome.Inconclusive,
                null,
                $"{reason}; {why}, a rubric nobody checked makes the row inconclusive. Register a judge that reads rubrics (a RubricJudge) in your IEvalStartup (setup.AddRubricJudge), or set EVALSPEC_UNJUDGEDRUBRIC=ignore to decide such rows by their other checks.",
                Array.Empty<Verdict>());
    }

    /// <summary>The note of a row that is decided by its other checks.</summary>
    /// <param name="mode">The option.</param>
    /// <param name="reason">Why the rubric is not checked (<see cref="Reason"/>).</param>
    public static string Note(UnjudgedRubricMode mode, string reason = NotChecked) => mode == UnjudgedRubricMode.Ignore
        ? $"{reason} (UnjudgedRubric is ignore: the row is decided by its other checks)"
        : $"{reason} (the row is decided by its other checks here; on a build server it is inconclusive unless EVALSPEC_UNJUDGEDRUBRIC=ignore)";
}
