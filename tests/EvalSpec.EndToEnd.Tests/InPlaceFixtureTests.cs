using System;
using System.IO;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// What DotNet.RunAsync takes as a fixture built in place (one child at a time per fixture, since tests run two at a
/// time): a fixture folder given as the working directory or as an argument, not a scratch copy and not a filter value.
/// </summary>
public sealed class InPlaceFixtureTests
{
    private static readonly string Fixtures = Path.Combine(DotNet.RepoRoot, "tests", "fixtures");

    [Fact]
    public void A_fixture_named_by_an_argument_or_the_working_directory_is_in_place()
    {
        DotNet.InPlaceFixtures(DotNet.RepoRoot, new[] { "test", Path.Combine(Fixtures, "BehaviourSuite"), "--filter", "Relation=shout" })
            .Should().Equal("BehaviourSuite");
        DotNet.InPlaceFixtures(Path.Combine(Fixtures, "AnalyzerSample"), new[] { "build", Path.Combine(Fixtures, "AnalyzerSample"), "-p:ErrorLog=x.sarif" })
            .Should().Equal("AnalyzerSample");
        DotNet.InPlaceFixtures(Path.Combine(Fixtures, "RobustnessSuite", "recordings"), new[] { "test" })
            .Should().Equal(new[] { "RobustnessSuite" }, "a folder inside a fixture is the fixture, and a bare word is no path");
    }

    [Fact]
    public void Fixtures_under_v3_and_mtp_are_named_by_their_own_folder()
    {
        DotNet.InPlaceFixtures(Path.Combine(Fixtures, "mtp"), new[] { "test", "--project", Path.Combine(Fixtures, "mtp", "BehaviourSuite.Mtp"), "--report-trx" })
            .Should().Equal(new[] { "mtp/BehaviourSuite.Mtp" }, "tests/fixtures/mtp itself (the folder whose global.json selects the platform) is no fixture");
        DotNet.InPlaceFixtures(DotNet.RepoRoot, new[] { "test", Path.Combine(Fixtures, "v3", "CancellationSuite.V3"), Path.Combine(Fixtures, "BehaviourSuite") })
            .Should().Equal("BehaviourSuite", "v3/CancellationSuite.V3");
    }

    [Fact]
    public void Scratch_copies_and_folders_outside_the_fixtures_are_not_in_place()
    {
        string scratch = Path.Combine(Fixtures, ".work", "inplace-" + Guid.NewGuid().ToString("n")[..8], "RecordedSuite");
        Directory.CreateDirectory(scratch);
        try
        {
            DotNet.InPlaceFixtures(DotNet.RepoRoot, new[] { "test", scratch }).Should().BeEmpty();
            DotNet.InPlaceFixtures(scratch, new[] { "test" }).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(scratch)!, recursive: true);
        }

        DotNet.InPlaceFixtures(Path.GetTempPath(), new[] { "test", "MyEvals", "--results-directory", Path.Combine(Path.GetTempPath(), "trx") }).Should().BeEmpty();
        DotNet.InPlaceFixtures(DotNet.RepoRoot, new[] { "build", Path.Combine(DotNet.RepoRoot, "src", "EvalSpec") }).Should().BeEmpty();
    }
}
