namespace EvalSpec;

/// <summary>
/// What a row does when its eval declares a rubric (<see cref="EvalAttribute.Rubric"/>) but no judge is registered on
/// the rubric panel to check it (<see cref="EvalOptions.UnjudgedRubric"/>, <c>EVALSPEC_UNJUDGEDRUBRIC</c>). The rubric
/// is never dropped silently: the row's message, its line in <c>results.jsonl</c> and the run summary say
/// "rubric not checked: no rubric judge registered" in every mode.
/// </summary>
public enum UnjudgedRubricMode
{
    /// <summary>
    /// The default. On a developer machine the row says that its rubric was not checked and is decided by its other
    /// checks; on a build server (<c>CI</c>, <c>TF_BUILD</c>, <c>GITHUB_ACTIONS</c>...) the row is inconclusive, so a
    /// pull-request check never passes on rubrics nobody checked.
    /// </summary>
    Auto = 0,

    /// <summary>Everywhere, the row says that its rubric was not checked and is decided by its other checks.</summary>
    Ignore = 1,

    /// <summary>Everywhere, the row is inconclusive (a failing check still fails it).</summary>
    Inconclusive = 2,
}
