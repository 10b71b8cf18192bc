using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Directional check for relation rows with <see cref="Change.Increases"/> or <see cref="Change.Decreases"/>:
/// compares the last number in the follow-up output (<see cref="JudgeRequest.Output"/>) with the last number
/// in the source output (<see cref="JudgeRequest.ReferenceOutput"/>).
/// </summary>
public sealed class NumericChangeJudge : IJudge
{
    /// <summary>Creates the judge.</summary>
    /// <param name="expect"><see cref="Change.Increases"/> or <see cref="Change.Decreases"/>.</param>
    public NumericChangeJudge(Change expect)
    {
        if (expect is not (Change.Increases or Change.Decreases))
        {
            throw new ArgumentOutOfRangeException(nameof(expect), expect, "A numeric change is Increases or Decreases.");
        }

        Expect = expect;
        Name = expect == Change.Increases ? "number-increases" : "number-decreases";
    }

    /// <summary>The expected direction.</summary>
    public Change Expect { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReferenceOutput is null)
        {
            return ValueTask.FromResult(Verdict.Inconclusive(Name, "no source output to compare with"));
        }

        IReadOnlyList<(double Value, string Text)> before = NumberText.FindAll(request.ReferenceOutput);
        IReadOnlyList<(double Value, string Text)> after = NumberText.FindAll(request.Output);
        if (before.Count == 0 || after.Count == 0)
        {
            string which = before.Count == 0 ? "the source output" : "the follow-up output";
            return ValueTask.FromResult(Verdict.Fail(Name, 0, $"{which} has no number to compare"));
        }

        double from = before[^1].Value;
        double to = after[^1].Value;
        bool moved = Expect == Change.Increases ? to > from : to < from;
        string detail = $"{before[^1].Text} -> {after[^1].Text}";
        return ValueTask.FromResult(moved
            ? Verdict.Pass(Name, 1, $"the number {(Expect == Change.Increases ? "increased" : "decreased")}: {detail}")
            : Verdict.Fail(Name, 0, $"the number did not {(Expect == Change.Increases ? "increase" : "decrease")}: {detail}"));
    }
}
