using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>Decides whether an output is acceptable.</summary>
/// <remarks>
/// A judge that cannot decide (its model errored, its answer could not be parsed, the request lacks what
/// it needs) returns <see cref="Verdict.Inconclusive"/> with the reason, never a silent pass or fail.
/// Exceptions other than cancellation are caught by <see cref="JudgePanel"/> and turned into inconclusive
/// verdicts that carry the exception.
/// </remarks>
public interface IJudge
{
    /// <summary>A short stable name used in messages and results.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this judge grades an output against the eval's rubric (<see cref="JudgeRequest.Rubric"/>), as
    /// <see cref="RubricJudge"/> does. A rubric panel in which no judge reads rubrics (only judges that compare with the
    /// expected answer, say) leaves an eval's rubric unchecked, and the row says so (see <see cref="EvalOptions.UnjudgedRubric"/>).
    /// Default false: a judge of your own that reads the rubric returns true.
    /// </summary>
    bool ReadsRubric => false;

    /// <summary>Judges one output.</summary>
    /// <param name="request">The output and its context.</param>
    /// <param name="cancellationToken">Cancelled when the row times out or the run is cancelled.</param>
    /// <returns>The verdict.</returns>
    ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default);
}
