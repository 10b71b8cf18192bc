using System;
using System.IO;
using System.Linq;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

/// <summary>Dangling verified files, and the helpers behind <c>evalspec accept</c>.</summary>
public sealed class SnapshotFilesTests : IDisposable
{
    private readonly SnapshotFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Verified_files_of_the_given_classes_whose_row_no_longer_exists_are_dangling()
    {
        _folder.Write("RefundEvals.RefundWindow.laptop.formal.identity.verified.txt", "x\n");
        _folder.Write("RefundEvals.RefundWindow.phone.formal.identity.verified.txt", "x\n");
        _folder.Write("RefundEvals.Removed.laptop.formal.identity.verified.json", "{}\n");
        _folder.Write("OtherEvals.Any.laptop.formal.identity.verified.txt", "x\n");
        _folder.Write("RefundEvals.SomeTest.verified.txt", "imperative\n");
        _folder.Write("RefundEvals.RefundWindow.old.formal.identity.received.txt", "x\n");

        var dangling = SnapshotFiles.FindDangling(
            _folder.Path,
            new[] { "RefundEvals" },
            new[] { "RefundEvals.RefundWindow.laptop.formal.identity" });

        dangling.Select(Path.GetFileName).Should().Equal(
            "RefundEvals.RefundWindow.phone.formal.identity.verified.txt",
            "RefundEvals.Removed.laptop.formal.identity.verified.json");
    }

    [Fact]
    public void A_folder_that_does_not_exist_has_no_dangling_files()
    {
        SnapshotFiles.FindDangling(_folder.File("gone"), new[] { "C" }, Array.Empty<string>()).Should().BeEmpty();
    }

    [Fact]
    public void Received_files_are_listed_recursively_skipping_build_output()
    {
        _folder.Write(Path.Combine("a", "C.M.x.v.identity.received.txt"), "x\n");
        _folder.Write(Path.Combine("a", "b", "Tests.T.received.json"), "{}\n");
        _folder.Write(Path.Combine("bin", "Debug", "C.M.x.v.identity.received.txt"), "x\n");
        _folder.Write(Path.Combine("a", "C.M.x.v.identity.verified.txt"), "x\n");
        _folder.Write(Path.Combine("a", "notes.received.md"), "x\n");

        SnapshotFiles.ListReceived(_folder.Path).Select(f => Path.GetRelativePath(_folder.Path, f).Replace('\\', '/'))
            .Should().Equal("a/C.M.x.v.identity.received.txt", "a/b/Tests.T.received.json");
    }

    [Fact]
    public void Accept_moves_matching_received_files_over_their_verified_files_and_leaves_the_others()
    {
        _folder.Write("RefundEvals.RefundWindow.laptop.formal.identity.verified.txt", "old\n");
        _folder.Write("RefundEvals.RefundWindow.laptop.formal.identity.received.txt", "new\n");
        _folder.Write("RefundEvals.RefundWindow.phone.formal.identity.received.txt", "phone\n");
        _folder.Write("OtherEvals.Any.laptop.formal.identity.received.txt", "other\n");

        var accepted = SnapshotFiles.Accept(_folder.Path, "refundwindow.laptop", buildServerVariable: null);

        accepted.Select(a => Path.GetFileName(a.Verified)).Should().Equal("RefundEvals.RefundWindow.laptop.formal.identity.verified.txt");
        _folder.Read("RefundEvals.RefundWindow.laptop.formal.identity.verified.txt").Should().Be("new\n");
        _folder.Names().Should().Equal(
            "OtherEvals.Any.laptop.formal.identity.received.txt",
            "RefundEvals.RefundWindow.laptop.formal.identity.verified.txt",
            "RefundEvals.RefundWindow.phone.formal.identity.received.txt");
    }

    [Fact]
    public void Accept_takes_a_glob_over_the_whole_base_name()
    {
        _folder.Write("RefundEvals.RefundWindow.laptop.formal.identity.received.txt", "a\n");
        _folder.Write("RefundEvals.RefundWindow.laptop.casual.identity.received.txt", "b\n");
        _folder.Write("RefundEvals.RefundWindow.laptop.formal.typos.received.txt", "c\n");

        var accepted = SnapshotFiles.Accept(_folder.Path, "RefundEvals.*.identity", buildServerVariable: null);

        accepted.Should().HaveCount(2);
        _folder.Names().Should().Equal(
            "RefundEvals.RefundWindow.laptop.casual.identity.verified.txt",
            "RefundEvals.RefundWindow.laptop.formal.identity.verified.txt",
            "RefundEvals.RefundWindow.laptop.formal.typos.received.txt");
    }

    [Fact]
    public void Accepting_json_content_removes_the_text_snapshot_it_replaces()
    {
        _folder.Write("C.M.x.v.identity.verified.txt", "text\n");
        _folder.Write("C.M.x.v.identity.received.json", "{}\n");

        SnapshotFiles.Accept(_folder.Path, null, buildServerVariable: null);

        _folder.Names().Should().Equal("C.M.x.v.identity.verified.json");
    }

    [Fact]
    public void Accept_is_refused_on_a_build_server_and_changes_nothing()
    {
        _folder.Write("C.M.x.v.identity.received.txt", "new\n");

        Action accept = () => SnapshotFiles.Accept(_folder.Path, null, buildServerVariable: "TF_BUILD");

        accept.Should().Throw<EvalConfigurationException>().WithMessage("*build server (TF_BUILD is set)*");
        _folder.Names().Should().Equal("C.M.x.v.identity.received.txt");
    }

    [Fact]
    public void Delete_received_removes_only_the_matching_received_files()
    {
        _folder.Write("C.M.x.v.identity.received.txt", "x\n");
        _folder.Write("D.M.x.v.identity.received.txt", "x\n");
        _folder.Write("C.M.x.v.identity.verified.txt", "x\n");

        SnapshotFiles.DeleteReceived(_folder.Path, "C.").Should().ContainSingle();

        _folder.Names().Should().Equal("C.M.x.v.identity.verified.txt", "D.M.x.v.identity.received.txt");
    }

    [Fact]
    public void A_filter_that_is_a_whole_snapshot_name_accepts_that_snapshot_only()
    {
        _folder.Write("Evals.M.c.v.identity.received.txt", "mine\n");
        _folder.Write("RefundEvals.M.c.v.identity.received.txt", "another row's\n");

        var accepted = SnapshotFiles.Accept(_folder.Path, "evals.m.c.v.identity", buildServerVariable: null);

        accepted.Select(a => Path.GetFileName(a.Verified)).Should().Equal("Evals.M.c.v.identity.verified.txt");
        _folder.Names().Should().Equal("Evals.M.c.v.identity.verified.txt", "RefundEvals.M.c.v.identity.received.txt");
    }

    [Fact]
    public void A_filter_naming_a_snapshot_that_was_already_accepted_accepts_no_other()
    {
        _folder.Write("Evals.M.c.v.identity.verified.txt", "accepted before\n");
        _folder.Write(Path.Combine("other", "RefundEvals.M.c.v.identity.received.txt"), "another row's\n");

        SnapshotFiles.PlanAccept(_folder.Path, "Evals.M.c.v.identity").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Evals.M.c.v.identity", "Evals.M.c.v.identity", true)]
    [InlineData("Evals.M.c.v.identity", "RefundEvals.M.c.v.identity", false)]
    [InlineData("EVALS.M.C.V.IDENTITY", "Evals.M.c.v.identity", true)]
    [InlineData("M.c.v", "RefundEvals.M.c.v.identity", true)]
    [InlineData("*Evals.M.c.v.identity", "RefundEvals.M.c.v.identity", true)]
    public void A_filter_equal_to_an_existing_snapshot_name_matches_that_name_only(string filter, string baseName, bool matches)
    {
        var existing = new System.Collections.Generic.HashSet<string> { "Evals.M.c.v.identity", "RefundEvals.M.c.v.identity" };

        SnapshotFiles.Matcher(filter, existing)(baseName).Should().Be(matches);
    }

    [Theory]
    [InlineData("laptop", "RefundEvals.RefundWindow.laptop.formal.identity", true)]
    [InlineData("LAPTOP", "RefundEvals.RefundWindow.laptop.formal.identity", true)]
    [InlineData("phone", "RefundEvals.RefundWindow.laptop.formal.identity", false)]
    [InlineData("Refund*", "RefundEvals.RefundWindow.laptop.formal.identity", true)]
    [InlineData("*.laptop", "RefundEvals.RefundWindow.laptop.formal.identity", false)]
    [InlineData("*.laptop.?ormal.*", "RefundEvals.RefundWindow.laptop.formal.identity", true)]
    public void A_filter_is_a_substring_or_a_whole_name_glob_ignoring_case(string filter, string baseName, bool matches)
    {
        SnapshotFiles.Matcher(filter)(baseName).Should().Be(matches);
    }
}
