using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check that a .NET regular expression matches (or does not match) the output.
/// </summary>
/// <remarks>
/// The pattern is compiled once, at construction, with <see cref="RegexOptions.CultureInvariant"/> added to
/// the given options and with a match timeout, so a catastrophically backtracking pattern cannot hang a row:
/// a match that runs out of time gives an inconclusive verdict that says so. The score is 1 for a pass and
/// 0 for a fail.
/// </remarks>
public sealed class RegexJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "regex";

    /// <summary>The match timeout used when none is given: one second.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    /// <summary>Creates the judge.</summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <param name="expectation">Whether the pattern must match the output or must not.</param>
    /// <param name="options">Regex options; <see cref="RegexOptions.CultureInvariant"/> is always added.</param>
    /// <param name="timeout">How long one match may run; <see cref="DefaultTimeout"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a valid regular expression (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="expectation"/> or <paramref name="options"/> is invalid, or <paramref name="timeout"/> is not positive.
    /// </exception>
    public RegexJudge(string pattern, RegexExpectation expectation = RegexExpectation.Matches, RegexOptions options = RegexOptions.None, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!Enum.IsDefined(expectation))
        {
            throw new ArgumentOutOfRangeException(nameof(expectation), expectation, "Unknown regex expectation.");
        }

        Timeout = timeout ?? DefaultTimeout;
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The match timeout must be positive.");
        }

        Pattern = pattern;
        Expectation = expectation;
        _regex = Compile(pattern, options | RegexOptions.CultureInvariant, Timeout, nameof(pattern));
    }

    /// <summary>The regular expression.</summary>
    public string Pattern { get; }

    /// <summary>Whether the pattern must match the output or must not.</summary>
    public RegexExpectation Expectation { get; }

    /// <summary>The options the pattern is compiled with (including <see cref="RegexOptions.CultureInvariant"/>).</summary>
    public RegexOptions Options => _regex.Options;

    /// <summary>How long one match may run before the verdict is inconclusive.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several regex judges in one panel.</remarks>
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

    /// <summary>Compiles a pattern, turning a syntax error into an <see cref="ArgumentException"/> that names it.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeout">The match timeout.</param>
    /// <param name="parameterName">The parameter to blame.</param>
    /// <returns>The regex.</returns>
    internal static Regex Compile(string pattern, RegexOptions options, TimeSpan timeout, string parameterName)
    {
        try
        {
            return new Regex(pattern, options, timeout);
        }
        catch (RegexParseException ex)
        {
            throw new ArgumentException($"The pattern /{pattern}/ is not a valid regular expression: {ex.Message}", parameterName, ex);
        }
    }

    private Verdict Judge(string output)
    {
        Match match;
        try
        {
            match = _regex.Match(output);
        }
        catch (RegexMatchTimeoutException)
        {
            return Verdict.Inconclusive(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"matching /{Pattern}/ against the output ({output.Length} characters) took longer than the timeout of {Timeout.TotalMilliseconds:0} ms; simplify the pattern or raise the timeout"));
        }

        string found = match.Success
            ? string.Create(CultureInfo.InvariantCulture, $"found {TextSnippets.Quote(match.Value)} at index {match.Index}")
            : "no match found";
        return (Expectation, match.Success) switch
        {
            (RegexExpectation.Matches, true) => Verdict.Pass(Name, 1.0, $"the output matches /{Pattern}/: {found}"),
            (RegexExpectation.Matches, false) => Verdict.Fail(Name, 0.0, $"the output does not match /{Pattern}/, but a match was expected"),
            (_, true) => Verdict.Fail(Name, 0.0, $"the output matches /{Pattern}/ ({found}), but no match was expected"),
            _ => Verdict.Pass(Name, 1.0, $"the output does not match /{Pattern}/, as expected"),
        };
    }
}
