using System;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// The rule for an eval whose rubric no judge checks (no rubric judge registered): the rubric is never dropped silently.
/// The row always carries the note; whether the row is also inconclusive follows <see cref="EvalOptions.UnjudgedRubric"/>
/// and whether the run is on a build server.
/// </summary>
internal static class UnjudgedRubric
{
    /// <summary>What the row's message, its result line and the run summary say.</summary>
    public const string NotChecked = "rubric not checked: no rubric judge registered";

    /// <summary>The name of the check an inconclusive row carries.</summary>
    public const string CheckName = "rubric";

    /// <summary>
    /// The inconclusive check that makes the row inconclusive, or null when the row is only noted and decided by its other
    /// checks.
    /// </summary>
    /// <param name="mode">The option.</param>
    /// <param name="buildServerVariable">The environment variable that shows a build server, or null on a developer machine.</param>
    public static PanelVerdict? Check(UnjudgedRubricMode mode, string? buildServerVariable)
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
                $"{NotChecked}; {why}, a rubric nobody checked makes the row inconclusive. Register a rubric judge in your IEvalStartup (setup.AddRubricJudge), or set EVALSPEC_UNJUDGEDRUBRIC=ignore to decide such rows by their other checks.",
                Array.Empty<Verdict>());
    }

    /// <summary>The note of a row that is decided by its other checks.</summary>
    public static string Note(UnjudgedRubricMode mode) => mode == UnjudgedRubricMode.Ignore
        ? $"{NotChecked} (UnjudgedRubric is ignore: the row is decided by its other checks)"
        : $"{NotChecked} (the row is decided by its other checks here; on a build server it is inconclusive unless EVALSPEC_UNJUDGEDRUBRIC=ignore)";
}
