using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace EvalSpec.FluentAssertions;

/// <summary>
/// Assertions that ask judges, for use inside eval methods and in ordinary tests. They pass only on a pass
/// verdict: a failing or inconclusive verdict fails the assertion with every judge's verdict, score and
/// reason.
/// </summary>
public static class JudgeAssertionExtensions
{
    /// <summary>Asserts that a panel passes the text against a rubric (and optional expected answer).</summary>
    /// <param name="assertions">The string assertions (<c>answer.Should()</c>).</param>
    /// <param name="panel">The panel.</param>
    /// <param name="rubric">What a good answer does.</param>
    /// <param name="expected">The expected answer, for reference-guided judges.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> PassPanelAsync(this StringAssertions assertions, JudgePanel panel, string? rubric = null, string? expected = null, string because = "", params object[] becauseArgs) =>
        PassPanelAsync(assertions, panel, rubric, expected, CancellationToken.None, because, becauseArgs);

    /// <summary>Asserts that a panel passes the text; inside an eval method pass <c>input.CancellationToken</c>.</summary>
    /// <param name="assertions">The string assertions (<c>answer.Should()</c>).</param>
    /// <param name="panel">The panel.</param>
    /// <param name="rubric">What a good answer does.</param>
    /// <param name="expected">The expected answer, for reference-guided judges.</param>
    /// <param name="cancellationToken">Cancels the judging (the row's timeout and the run's cancellation).</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> PassPanelAsync(this StringAssertions assertions, JudgePanel panel, string? rubric, string? expected, CancellationToken cancellationToken, string because = "", params object[] becauseArgs) =>
        AssertAsync(assertions, panel, new JudgeRequest(assertions?.Subject ?? string.Empty) { Rubric = rubric, Expected = expected }, "pass panel " + panel?.Name, because, becauseArgs, cancellationToken);

    /// <summary>Asserts that a judge passes the text against a rubric (and optional expected answer).</summary>
    /// <param name="assertions">The string assertions.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="rubric">What a good answer does.</param>
    /// <param name="expected">The expected answer, for reference-guided judges.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> PassJudgeAsync(this StringAssertions assertions, IJudge judge, string? rubric = null, string? expected = null, string because = "", params object[] becauseArgs) =>
        PassJudgeAsync(assertions, judge, rubric, expected, CancellationToken.None, because, becauseArgs);

    /// <summary>Asserts that a judge passes the text; inside an eval method pass <c>input.CancellationToken</c>.</summary>
    /// <param name="assertions">The string assertions.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="rubric">What a good answer does.</param>
    /// <param name="expected">The expected answer, for reference-guided judges.</param>
    /// <param name="cancellationToken">Cancels the judging.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> PassJudgeAsync(this StringAssertions assertions, IJudge judge, string? rubric, string? expected, CancellationToken cancellationToken, string because = "", params object[] becauseArgs) =>
        AssertAsync(assertions, Single(judge), new JudgeRequest(assertions?.Subject ?? string.Empty) { Rubric = rubric, Expected = expected }, "pass judge " + judge?.Name, because, becauseArgs, cancellationToken);

    /// <summary>
    /// Asserts that the text means the same as <paramref name="expected"/>, as decided by an equivalence judge
    /// (e.g. <see cref="EquivalenceJudge"/> or <see cref="EmbeddingSimilarityJudge"/>).
    /// </summary>
    /// <param name="assertions">The string assertions.</param>
    /// <param name="expected">The text it should mean the same as.</param>
    /// <param name="judge">The judge; it receives <paramref name="expected"/> as the reference output and the expected answer.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> BeEquivalentInMeaningToAsync(this StringAssertions assertions, string expected, IJudge judge, string because = "", params object[] becauseArgs) =>
        BeEquivalentInMeaningToAsync(assertions, expected, judge, CancellationToken.None, because, becauseArgs);

    /// <summary>Asserts equivalence in meaning; inside an eval method pass <c>input.CancellationToken</c>.</summary>
    /// <param name="assertions">The string assertions.</param>
    /// <param name="expected">The text it should mean the same as.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="cancellationToken">Cancels the judging.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The continuation.</returns>
    public static Task<AndConstraint<StringAssertions>> BeEquivalentInMeaningToAsync(this StringAssertions assertions, string expected, IJudge judge, CancellationToken cancellationToken, string because = "", params object[] becauseArgs) =>
        AssertAsync(assertions, Single(judge), new JudgeRequest(assertions?.Subject ?? string.Empty) { Expected = expected, ReferenceOutput = expected }, $"be equivalent in meaning to \"{expected}\"", because, becauseArgs, cancellationToken);

    private static JudgePanel Single(IJudge judge) =>
        new((judge ?? throw new ArgumentNullException(nameof(judge))).Name, new[] { judge });

    private static async Task<AndConstraint<StringAssertions>> AssertAsync(StringAssertions assertions, JudgePanel panel, JudgeRequest request, string expectation, string because, object[] becauseArgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(panel);
        if (assertions.Subject is null)
        {
            Execute.Assertion.BecauseOf(because, becauseArgs).FailWith("Expected {context:string} to " + Escape(expectation) + "{reason}, but it was <null>.");
            return new AndConstraint<StringAssertions>(assertions);
        }

        PanelVerdict verdict = await panel.JudgeAsync(request, cancellationToken).ConfigureAwait(false);
        if (verdict.Outcome != VerdictOutcome.Pass)
        {
            string judges = string.Concat(verdict.Verdicts.Select(v => "\n  - " + v));
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .FailWith(
                    "Expected {context:string} {0} to " + Escape(expectation) + "{reason}, but the verdict was " + verdict.Outcome.ToString().ToUpperInvariant() + ": " + Escape(verdict.Rationale) + Escape(judges),
                    assertions.Subject);
        }

        return new AndConstraint<StringAssertions>(assertions);
    }

    // FluentAssertions treats {...} in messages as placeholders.
    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
