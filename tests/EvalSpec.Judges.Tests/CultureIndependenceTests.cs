using System;
using System.Globalization;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests;

/// <summary>Rationales and number reading do not depend on the current culture (here German, with a decimal comma).</summary>
public sealed class CultureIndependenceTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public CultureIndependenceTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

    public void Dispose() => CultureInfo.CurrentCulture = _culture;

    [Fact]
    public async Task Numeric_judge_reads_and_writes_a_decimal_point()
    {
        Verdict verdict = await new NumericToleranceJudge(3.5) { AbsoluteTolerance = 0.25 }.JudgeAsync("It costs 3.25 euros.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Be("found 3.25 (the only number in the output); expected 3.5 \u00b1 0.25; the difference is 0.25");
    }

    [Fact]
    public async Task Lexical_judges_write_scores_with_a_decimal_point()
    {
        Verdict verdict = await new RougeLJudge().JudgeAsync("testing one", expected: "testing one two");

        verdict.Rationale.Should().Contain("F-measure 0.80").And.Contain("threshold 0.50");
    }

    [Fact]
    public void Bleu_lowercases_the_invariant_way()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");

        Bleu.Sentence("TITLE", "title", new BleuOptions { Lowercase = true }).Score.Should().Be(1.0);
    }
}
