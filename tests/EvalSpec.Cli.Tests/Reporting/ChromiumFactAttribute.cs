using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>
/// A fact that needs headless Chromium (Debian's <c>chromium</c> package). Without it the test is reported as skipped
/// with the reason, unless <c>EVALSPECDEV_REQUIRE_CHROMIUM=1</c> (set by .ci/run, which installs it): then it runs and fails.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string RequireVariable = "EVALSPECDEV_REQUIRE_CHROMIUM";

    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"Chromium is not installed ({string.Join(" or ", Chromium.Candidates)}): install Debian's chromium package (.ci/run does), or set {RequireVariable}=1 to make its absence a failure.";
        }
    }
}

/// <summary>Where the Chromium executable is.</summary>
internal static class Chromium
{
    public static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser" };

    public static string? Path => Candidates.FirstOrDefault(File.Exists);
}
