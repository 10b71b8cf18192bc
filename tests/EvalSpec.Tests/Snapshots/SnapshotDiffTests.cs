using System.Linq;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

public sealed class SnapshotDiffTests
{
    [Fact]
    public void A_changed_line_is_shown_with_its_old_and_new_line_numbers_and_two_lines_of_context()
    {
        string diff = SnapshotDiff.Create("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");

        diff.Should().Be(
            "--- verified\n"
            + "+++ received\n"
            + "@@ -2,5 +2,5 @@\n"
            + "      2     2  b\n"
            + "      3     3  c\n"
            + "-     4        d\n"
            + "+           4  D\n"
            + "      5     5  e\n"
            + "      6     6  f\n");
    }

    [Fact]
    public void Inserted_lines_shift_the_new_line_numbers()
    {
        string diff = SnapshotDiff.Create("a\nb\n", "a\nnew\nb\n");

        diff.Should().Contain("@@ -1,2 +1,3 @@\n      1     1  a\n+           2  new\n      2     3  b\n");
    }

    [Fact]
    public void Changes_far_apart_make_separate_hunks()
    {
        string before = string.Join("\n", Enumerable.Range(1, 20).Select(i => "line " + i)) + "\n";
        string after = before.Replace("line 2\n", "line two\n").Replace("line 18\n", "line eighteen\n");

        string diff = SnapshotDiff.Create(before, after);

        diff.Split('\n').Count(l => l.StartsWith("@@")).Should().Be(2);
        diff.Should().NotContain("line 10");
    }

    [Fact]
    public void A_long_diff_is_cut_and_says_how_much_is_left_out()
    {
        string before = string.Join("\n", Enumerable.Range(1, 200).Select(i => "line " + i)) + "\n";
        string after = string.Join("\n", Enumerable.Range(1, 200).Select(i => "LINE " + i)) + "\n";

        string diff = SnapshotDiff.Create(before, after);

        diff.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(SnapshotDiff.MaxLines + 1);
        diff.Should().EndWith("more diff lines: compare the .verified. and .received. files.\n");
    }

    [Fact]
    public void A_long_line_is_cut_around_its_first_difference()
    {
        string start = new string('a', 500);
        string diff = SnapshotDiff.Create(start + " thirty days " + new string('z', 500) + "\n", start + " fourteen days " + new string('z', 500) + "\n");

        diff.Should().Contain("thirty days").And.Contain("fourteen days").And.Contain("…");
        diff.Split('\n').Max(l => l.Length).Should().BeLessThan(SnapshotDiff.MaxLineLength + 40);
    }

    [Fact]
    public void Texts_that_differ_only_in_the_final_newline_show_which_one_lacks_it()
    {
        string diff = SnapshotDiff.Create("a\nb", "a\nb\n");

        diff.Should().StartWith(
            "--- verified\n"
            + "+++ received\n"
            + "@@ -1,2 +1,2 @@\n"
            + "      1     1  a\n"
            + "-     2        b\n"
            + "\\ No newline at end of file\n"
            + "+           2  b\n");
    }

    [Fact]
    public void A_long_last_line_without_a_final_newline_keeps_the_note_when_it_is_cut()
    {
        string line = new string('x', 400);

        string diff = SnapshotDiff.Create("a" + line + "\n", "b" + line);

        diff.Should().Contain("…\n" + SnapshotDiff.NoNewlineAtEnd + "\n");
    }

    [Fact]
    public void A_difference_only_in_whitespace_is_pointed_out()
    {
        SnapshotDiff.Create("a b\n", "a  b\n").Should().EndWith("(The texts differ only in whitespace.)\n");
    }
}
