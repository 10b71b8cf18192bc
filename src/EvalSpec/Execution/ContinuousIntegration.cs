using System;

namespace EvalSpec.Execution;

/// <summary>Detects build servers, where recorded files (baselines, snapshots) must never be written.</summary>
internal static class ContinuousIntegration
{
    // Each variable is one that only its build server sets (CODEBUILD_BUILD_ID: AWS CodeBuild; bamboo_buildKey: Bamboo), never
    // a generic name such as BUILD_ID or BUILD_NUMBER that scripts and other tools set on developer machines too.
    private static readonly string[] Variables =
    {
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "APPVEYOR", "TRAVIS",
        "CODEBUILD_BUILD_ID", "bamboo_buildKey",
    };

    public static bool IsDetected(out string? variable)
    {
        foreach (string name in Variables)
        {
            string? value = Environment.GetEnvironmentVariable(name);
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
