using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check that the output contains required substrings and none of the forbidden ones.
/// </summary>
/// <remarks>
/// <para>
/// Matching is ordinal (culture-independent): exact characters, or ordinal case-insensitive when
/// <see cref="IgnoreCase"/> is set. No other normalisation is applied, so "30 days" is found in
/// "130 days" and not in "30&#160;days" (non-breaking space); use <see cref="RegexJudge"/> for word
/// boundaries or flexible spacing.
/// </para>
/// <para>
/// The verdict passes when the required substrings are present (all of them, or at least one with
/// <see cref="ContainsMode.Any"/>) and no forbidden substring is. The score is the share of these
/// conditions that hold: each required substring is one condition (the whole required list is one
/// condition with <see cref="ContainsMode.Any"/>), and each forbidden substring is one.
/// </para>
/// </remarks>
public sealed class ContainsJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "contains";

    /// <summary>Creates the judge.</summary>
    /// <param name="required">Substrings the output must contain; may be empty when <paramref name="forbidden"/> is not.</param>
    /// <param name="forbidden">Substrings the output must not contain, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Both lists are empty, or one contains a <see langword="null"/> or empty string.
    /// </exception>
    public ContainsJudge(IEnumerable<string> required, IEnumerable<string>? forbidden = null)
    {
        ArgumentNullException.ThrowIfNull(required);
        Required = Validate(required, nameof(required));
        Forbidden = forbidden is null ? [] : Validate(forbidden, nameof(forbidden));
        if (Required.Count == 0 && Forbidden.Count == 0)
        {
            throw new ArgumentException("A contains judge needs at least one required or forbidden substring.", nameof(required));
        }
    }

    /// <summary>The substrings the output must contain.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The substrings the output must not contain.</summary>
    public IReadOnlyList<string> Forbidden { get; }

    /// <summary>Whether matching ignores case (ordinal case-insensitive comparison). Default: <see langword="false"/>.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Whether all or any of <see cref="Required"/> must occur. Default: <see cref="ContainsMode.All"/>.</summary>
    public ContainsMode Mode
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown contains mode.");
    } = ContainsMode.All;

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several contains judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request.Output));
    }

    private Verdict Judge(string output)
    {
        StringComparison comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string[] found = Required.Where(s => output.Contains(s, comparison)).ToArray();
        string[] missing = Required.Where(s => !output.Contains(s, comparison)).ToArray();
        string[] present = Forbidden.Where(s => output.Contains(s, comparison)).ToArray();

        bool requiredMet = Required.Count == 0 || (Mode == ContainsMode.All ? missing.Length == 0 : found.Length > 0);
        int conditions = (Required.Count == 0 ? 0 : Mode == ContainsMode.All ? Required.Count : 1) + Forbidden.Count;
        int met = (Required.Count == 0 ? 0 : Mode == ContainsMode.All ? found.Length : found.Length > 0 ? 1 : 0) + (Forbidden.Count - present.Length);
        double score = (double)met / conditions;

        var parts = new List<string>(2);
        if (Required.Count > 0)
        {
            string expected = Required.Count == 1 ? Quote(Required) : (Mode == ContainsMode.All ? "all of " : "any of ") + Quote(Required);
            string result = Mode == ContainsMode.All && Required.Count > 1
                ? $"found {QuoteOrNone(found)}, missing {QuoteOrNone(missing)}"
                : found.Length > 0 ? "found " + Quote(found) : Required.Count == 1 ? "not found" : "none found";
            parts.Add($"expected {expected}: {result}");
        }

        if (Forbidden.Count > 0)
        {
            parts.Add($"expected none of {Quote(Forbidden)}: {(present.Length > 0 ? "found " + Quote(present) : "none found")}");
        }

        string detail = string.Join("; ", parts) + (IgnoreCase ? " (case-insensitive)" : string.Empty);
        if (requiredMet && present.Length == 0)
        {
            return Verdict.Pass(Name, score, "the output has the required text and none of the forbidden text: " + detail);
        }

        string problem = (requiredMet, present.Length == 0) switch
        {
            (false, true) => "the output lacks required text",
            (true, false) => "the output contains forbidden text",
            _ => "the output lacks required text and contains forbidden text",
        };
        return Verdict.Fail(Name, score, problem + ": " + detail);
    }

    private static string[] Validate(IEnumerable<string> values, string parameterName)
    {
        string[] array = values.ToArray();
        for (int i = 0; i < array.Length; i++)
        {
            if (string.IsNullOrEmpty(array[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Entry {i} of {parameterName} is null or empty; every substring must have at least one character."),
                    parameterName);
            }
        }

        return array;
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => "\"" + v + "\""));

    private static string QuoteOrNone(IReadOnlyCollection<string> values) => values.Count == 0 ? "none" : Quote(values);
}
