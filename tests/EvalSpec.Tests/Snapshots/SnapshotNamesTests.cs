using System;
using System.IO;
using System.Linq;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

public sealed class SnapshotNamesTests
{
    [Theory]
    [InlineData("laptop")]
    [InlineData("formal")]
    [InlineData("case-1a2b3c4d")]
    [InlineData("whitespace-noise")]
    [InlineData("Snake_Case_9")]
    public void A_key_of_letters_digits_underscores_and_hyphens_is_kept_as_it_is(string key)
    {
        SnapshotNames.EncodeKey(key).Should().Be(key);
    }

    [Theory]
    [InlineData("3, 4.5", "3_4_5-")]
    [InlineData("what is: \"this\"?", "what_is_this_-")]
    [InlineData("a/b\\c*d|e<f>g", "a_b_c_d_e_f_g-")]
    [InlineData("gpt-4.1", "gpt-4_1-")]
    [InlineData("café crème", "cafe_creme-")]
    [InlineData("日本語", "_-")]
    [InlineData("", "_-")]
    public void Other_characters_become_underscores_or_base_letters_and_a_hash_is_appended(string key, string expectedStart)
    {
        string encoded = SnapshotNames.EncodeKey(key);

        encoded.Should().StartWith(expectedStart).And.MatchRegex("-[0-9a-f]{8}$");
        encoded.Should().MatchRegex("^[A-Za-z0-9_-]+$");
        encoded.IndexOfAny(Path.GetInvalidFileNameChars()).Should().Be(-1);
    }

    [Fact]
    public void Encoding_is_stable_across_runs_and_machines()
    {
        // Pinned: a change here renames every committed snapshot with such keys.
        SnapshotNames.EncodeKey("3, 4.5").Should().Be("3_4_5-21aaa1c9");
        SnapshotNames.EncodeKey("what is: \"this\"?").Should().Be("what_is_this_-02c91ca7");
    }

    [Fact]
    public void Keys_that_read_alike_after_replacement_still_get_distinct_names()
    {
        string[] keys = { "a b", "a?b", "a:b", "a_b", "a  b", "a.b", "a/b" };

        string[] encoded = keys.Select(SnapshotNames.EncodeKey).ToArray();

        encoded.Should().OnlyHaveUniqueItems();
        encoded.Should().Contain("a_b", "a key that needs no change keeps its name");
    }

    [Fact]
    public void Windows_device_names_get_a_hash()
    {
        SnapshotNames.EncodeKey("CON").Should().MatchRegex("^CON-[0-9a-f]{8}$");
        SnapshotNames.EncodeKey("nul").Should().MatchRegex("^nul-[0-9a-f]{8}$");
        SnapshotNames.EncodeKey("CONSOLE").Should().Be("CONSOLE");
    }

    [Fact]
    public void Long_keys_are_cut_and_hashed_and_long_keys_with_a_common_start_stay_distinct()
    {
        string first = new string('x', 60) + "1";
        string second = new string('x', 60) + "2";

        string a = SnapshotNames.EncodeKey(first);
        string b = SnapshotNames.EncodeKey(second);

        a.Length.Should().BeLessThanOrEqualTo(48);
        a.Should().NotBe(b);
    }

    [Fact]
    public void A_test_method_named_for_its_behaviour_keeps_its_whole_name()
    {
        const string member = "Verify_compares_with_the_committed_snapshot_beside_this_test_even_on_a_build_server";

        SnapshotNames.ForMember("/repo/OrderTests.cs", member, null).Should().Be("OrderTests." + member);
    }

    [Fact]
    public void A_row_snapshot_has_five_segments_class_method_case_variant_relation()
    {
        SnapshotNames.ForRow(typeof(RefundEvals), "RefundWindow", "laptop", "formal", "identity")
            .Should().Be("RefundEvals.RefundWindow.laptop.formal.identity");
        SnapshotNames.ForRow(typeof(RefundEvals), "RefundWindow", "3, 4.5", "gpt-4.1", "typos").Split('.').Should().HaveCount(5);
    }

    [Fact]
    public void A_nested_class_joins_its_containing_types_with_a_plus()
    {
        SnapshotNames.ClassSegment(typeof(RefundEvals.Nested)).Should().Be("RefundEvals+Nested");
    }

    [Fact]
    public void An_imperative_snapshot_is_named_from_the_source_file_member_and_optional_name()
    {
        SnapshotNames.ForMember("/repo/tests/OrderTests.cs", "Totals_add_up", null).Should().Be("OrderTests.Totals_add_up");
        SnapshotNames.ForMember("C:\\repo\\tests\\OrderTests.cs", "Totals_add_up", "after refund").Should().StartWith("OrderTests.Totals_add_up.after_refund-");
    }

    [Fact]
    public void Names_that_differ_only_in_case_are_reported_as_colliding()
    {
        var collisions = SnapshotNames.FindCaseCollisions(new[] { "C.M.Laptop.formal.identity", "C.M.laptop.formal.identity", "C.M.phone.formal.identity" });

        collisions.Should().ContainSingle().Which.Should().Equal("C.M.Laptop.formal.identity", "C.M.laptop.formal.identity");
    }

    [Theory]
    [InlineData("C.M.a.b.identity.verified.txt", "C.M.a.b.identity", true, "txt")]
    [InlineData("OrderTests.Totals.received.json", "OrderTests.Totals", false, "json")]
    public void Snapshot_file_names_parse_into_base_name_kind_and_extension(string file, string baseName, bool verified, string extension)
    {
        SnapshotNames.TryParseFileName(file, out string parsedBase, out bool parsedVerified, out string parsedExtension).Should().BeTrue();

        (parsedBase, parsedVerified, parsedExtension).Should().Be((baseName, verified, extension));
    }

    [Theory]
    [InlineData("Notes.txt")]
    [InlineData("C.M.verified.md")]
    [InlineData(".verified.txt")]
    public void Other_files_are_not_snapshot_files(string file)
    {
        SnapshotNames.TryParseFileName(file, out _, out _, out _).Should().BeFalse();
    }
}

/// <summary>Stands for an eval class in naming tests.</summary>
internal sealed class RefundEvals
{
    public sealed class Nested
    {
    }
}
