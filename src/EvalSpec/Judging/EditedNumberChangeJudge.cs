using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Metamorphic;

namespace EvalSpec.Judging;

/// <summary>
/// The change check of a <see cref="Counterfactual"/> row with <see cref="Change.Increases"/> or
/// <see cref="Change.Decreases"/>: it compares the number the relation edited, as the outputs state it. The source
/// output must state the original value, the follow-up output the edited value (and no longer the original one), and
/// the edit must go the expected way. <see cref="NumericChangeJudge"/> compares the last number of each output instead,
/// which need not be the edited fact ("45 days; refunds take 5 business days" ends with 5 either way).
/// </summary>
internal sealed class EditedNumberChangeJudge : IJudge
{
    private readonly string _oldText;
    private readonly string _newText;
    private readonly decimal _oldValue;
    private readonly decimal _newValue;

    /// <summary>Creates the check for one row's edit.</summary>
    /// <param name="expect"><see cref="Change.Increases"/> or <see cref="Change.Decreases"/>.</param>
    /// <param name="edit">The edit the relation noted: both texts and values.</param>
    public EditedNumberChangeJudge(Change expect, (string OldText, string NewText, decimal OldValue, decimal NewValue) edit)
    {
        if (expect is not (Change.Increases or Change.Decreases))
        {
            throw new ArgumentOutOfRangeException(nameof(expect), expect, "A numeric change is Increases or Decreases.");
        }

        Expect = expect;
        Name = expect == Change.Increases ? "number-increases" : "number-decreases";
        (_oldText, _newText, _oldValue, _newValue) = edit;
    }

    /// <summary>The expected direction.</summary>
    public Change Expect { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Decide(request));
    }

    private Verdict Decide(JudgeRequest request)
    {
        string edit = $"the relation edited \"{_oldText}\" to \"{_newText}\"";
        if (request.ReferenceOutput is null)
        {
            return Verdict.Inconclusive(Name, "no source output to compare with");
        }

        if (!Counterfactual.StatedValues(request.ReferenceOutput).Contains(_oldValue))
        {
            return Verdict.Inconclusive(Name, $"{edit}, but the source output does not state {Format(_oldValue)}, so how the answer's number changed cannot be read");
        }

        IReadOnlyList<decimal> after = Counterfactual.StatedValues(request.Output);
        if (after.Contains(_oldValue))
        {
            return Verdict.Fail(Name, 0, $"{edit}, but the follow-up output still states {Format(_oldValue)}: the number did not change");
        }

        if (!after.Contains(_newValue))
        {
            return Verdict.Fail(Name, 0, $"{edit}, but the follow-up output states neither {Format(_oldValue)} nor {Format(_newValue)}");
        }

        bool increased = _newValue > _oldValue;
        string moved = $"{Format(_oldValue)} -> {Format(_newValue)} ({edit})";
        if (increased == (Expect == Change.Increases))
        {
            return Verdict.Pass(Name, 1, $"the edited number {(increased ? "increased" : "decreased")} in the answer: {moved}");
        }

        return Verdict.Fail(
            Name,
            0,
            $"the edited number {(increased ? "increased" : "decreased")} in the answer ({moved}), but Expect = Change.{Expect}: the relation moves the number the other way, so this expectation cannot hold for an answer that follows the context");
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
