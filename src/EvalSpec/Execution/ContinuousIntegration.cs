using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace EvalSpec.Execution;

/// <summary>Detects build servers, where recorded files (baselines, snapshots) must never be written. The <c>evalspec</c> tool uses the same rule.</summary>
internal static class ContinuousIntegration
{
    // Each variable is one that only its build server sets (CODEBUILD_BUILD_ID: AWS CodeBuild; bamboo_buildKey: Bamboo), never
    // a generic name such as BUILD_ID or BUILD_NUMBER that scripts and other tools set on developer machines too.
    internal static readonly ImmutableArray<string> Variables =
    [
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "APPVEYOR", "TRAVIS",
        "CODEBUILD_BUILD_ID", "bamboo_buildKey",
    ];

    public static bool IsDetected([NotNullWhen(true)] out string? variable) => IsDetected(Environment.GetEnvironmentVariable, out variable);

    /// <summary>Whether <paramref name="getVariable"/> shows a build server: one of the variables set to anything but empty, <c>false</c> or <c>0</c>.</summary>
    /// <param name="getVariable">Reads an environment variable (the process's, or the <c>evalspec</c> tool's view of it).</param>
    /// <param name="variable">The variable that says so.</param>
    public static bool IsDetected(Func<string, string?> getVariable, [NotNullWhen(true)] out string? variable)
    {
        foreach (string name in Variables)
        {
            string? value = getVariable(name);
            if (!string.IsNullOrEmpty(value) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0")
            {
                variable = name;
                return true;
            }
        }

        variable = null;
        return false;
    }
}
