using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Agreement;

public sealed class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data, 4 observers,
    // 12 units, missing values (null). Published: α_nominal = 0.743 (unit 12 has a single value and is not pairable).
    private static readonly int?[][] PaperObservers =
    {
        new int?[] { 1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null },
        new int?[] { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3 },
        new int?[] { null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null },
        new int?[] { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null },
    };

    // Wikipedia, "Krippendorff's alpha", computational example: 3 coders, 15 units, nominal α = 0.691.
    private static readonly int?[][] WikipediaCoders =
    {
        new int?[] { null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3 },
        new int?[] { 1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null },
        new int?[] { null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4 },
    };

    [Fact]
    public void The_worked_example_of_Krippendorffs_2011_paper_has_alpha_0_743()
    {
        KrippendorffAlpha.Nominal(Units(PaperObservers)).Should().BeApproximately(0.743, 0.0005);
    }

    [Fact]
    public void The_Wikipedia_computational_example_has_nominal_alpha_0_691()
    {
        KrippendorffAlpha.Nominal(Units(WikipediaCoders)).Should().BeApproximately(0.691, 0.0005);
    }

    [Fact]
    public void Units_with_a_single_value_do_not_change_alpha()
    {
        List<int[]> units = Units(PaperObservers);

        KrippendorffAlpha.Nominal(units.Where(u => u.Length >= 2)).Should().Be(KrippendorffAlpha.Nominal(units));
    }

    [Fact]
    public void Perfect_agreement_with_variation_has_alpha_one()
    {
        KrippendorffAlpha.Nominal(new[] { new[] { "pass", "pass" }, new[] { "fail", "fail", "fail" } }).Should().Be(1.0);
    }

    [Fact]
    public void Alpha_is_undefined_when_every_value_is_the_same()
    {
        KrippendorffAlpha.Nominal(new[] { new[] { "pass", "pass" }, new[] { "pass", "pass", "pass" } }).Should().BeNull();
    }

    [Fact]
    public void Alpha_is_undefined_with_fewer_than_two_pairable_units()
    {
        KrippendorffAlpha.Nominal(new[] { new[] { "pass", "fail" }, new[] { "pass" } }).Should().BeNull();
        KrippendorffAlpha.Nominal(Array.Empty<string[]>()).Should().BeNull();
    }

    /// <summary>Turns a raters × units matrix (null = missing) into the values of each unit.</summary>
    private static List<int[]> Units(int?[][] raters) =>
        Enumerable.Range(0, raters[0].Length)
            .Select(unit => raters.Where(r => r[unit] is not null).Select(r => r[unit]!.Value).ToArray())
            .ToList();
}
