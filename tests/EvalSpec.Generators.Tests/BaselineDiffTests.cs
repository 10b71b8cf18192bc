using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>A baseline mismatch must say which lines changed, so the failure can be judged without opening files.</summary>
public sealed class BaselineDiffTests
{
    [Fact]
    public void Diff_shows_removed_and_added_lines_with_their_numbers_and_context()
    {
        string diff = Baselines.Diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");

        diff.Should().Be(
            "  0001: a\n" +
            "- 0002: b\n" +
            "+ 0002: B\n" +
            "  0003: c\n" +
            "  0004: d\n");
    }

    [Fact]
    public void Diff_leaves_out_unchanged_lines_far_from_a_change()
    {
        string diff = Baselines.Diff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\n7\nEIGHT\n");

        diff.Should().NotContain(": 1\n").And.Contain("- 0008: 8\n").And.Contain("+ 0008: EIGHT\n");
    }

    [Fact]
    public void Diff_makes_trailing_whitespace_visible()
    {
        Baselines.Diff("x\n", "x \n").Should().Contain("+ 0001: x \u00B6");
    }
}
