using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// What decides a sharded run's verdicts besides its rows, taken when the run starts: the commit it was built from, a hash
/// of the options that change verdicts, the judges of its panels, and the committed baseline. <c>evalspec merge</c> refuses
/// shards that differ in any of them (the row population alone does not show a changed prompt, judge or baseline).
/// </summary>
/// <param name="Commit">The commit (from the build server's variable, else the repository's HEAD), or null when neither says.</param>
/// <param name="Options">A hash of the options that change verdicts (<see cref="OptionsHash"/>).</param>
/// <param name="Judges">A hash of the judges of the run's panels, each by panel, name and type.</param>
/// <param name="Baseline">A hash of the committed baseline file's bytes when the run started, or "none" without one.</param>
/// <param name="Evals">
/// A hash of the eval methods as built (<see cref="EvalsText"/>: prompts, cases, relations, thresholds, trials, budgets):
/// it tells shards built from one commit apart when one had uncommitted changes to an eval, which the commit cannot show.
/// </param>
internal sealed record RunIdentity(string? Commit, string Options, string Judges, string Baseline, string Evals)
{
    /// <summary>Variables build servers set to the commit being built (GitHub Actions, Azure Pipelines, GitLab, Jenkins' git plugin, CircleCI, Buildkite, Travis, TeamCity).</summary>
    private static readonly ImmutableArray<string> CommitVariables =
    [
        "GITHUB_SHA", "BUILD_SOURCEVERSION", "CI_COMMIT_SHA", "GIT_COMMIT", "CIRCLE_SHA1", "BUILDKITE_COMMIT", "TRAVIS_COMMIT", "BUILD_VCS_NUMBER",
    ];

    /// <summary>
    /// Options that do not change a row's verdict: how fast or where the run goes, which of its rows run (compared by the
    /// merge itself), and where it reports. Every other option is in <see cref="Options"/>, so a new option counts unless
    /// it is listed here.
    /// </summary>
    private static readonly ImmutableHashSet<string> NotDeciding = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        nameof(EvalOptions.MaxConcurrency), nameof(EvalOptions.ResultsDirectory), nameof(EvalOptions.RunId), nameof(EvalOptions.Sample),
        nameof(EvalOptions.Shard), nameof(EvalOptions.Resume), nameof(EvalOptions.Configuration), nameof(EvalOptions.RecordingsDirectory),
        nameof(EvalOptions.Cache), nameof(EvalOptions.RateLimits), nameof(EvalOptions.Telemetry), nameof(EvalOptions.BaselineFile),
        nameof(JudgeModelOptions.ApiKeyVariable));

    /// <summary>The identity of <paramref name="run"/>, read when it starts.</summary>
    public static RunIdentity Of(EvalRunHost run, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(run);
        IEnumerable<JudgePanel?> panels = [run.RubricPanel, run.ExpectedAnswerPanel, run.InvariancePanel, run.ChangePanel, run.IncreasesPanel, run.DecreasesPanel];
        string judges = JudgesText(panels.OfType<JudgePanel>());
        return new RunIdentity(
            CommitOf(variable, run.ProjectDirectory),
            OptionsHash(run.Options),
            Persistence.ShortHash.Of(judges),
            BaselineHash(run.Baseline.Path),
            Persistence.ShortHash.Of(EvalsText(run.Descriptors)));
    }

    /// <summary>
    /// What the evals' hash covers: per eval method (by id), what decides its rows' verdicts as the generator wrote it from
    /// the sources: its settings, prompt variants, cases with their arguments and expected answers, and relations; and the
    /// classes whose descriptors could not be read. Not the eval method's body or the system it calls: those are code, which
    /// only the commit covers.
    /// </summary>
    internal static string EvalsText(DescriptorScan scan)
    {
        var text = new StringBuilder();
        foreach (EvalMethodDescriptor m in scan.Methods.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Id} rubric={m.Rubric} threshold={m.Threshold:R} timeout={m.TimeoutMilliseconds} trials={m.Trials} rule={m.TrialRule} passRate={m.PassRate:R}")
                .Append(CultureInfo.InvariantCulture, $" maxTokens={m.MaxTokens} maxLatencyMs={m.MaxLatencyMs} maxCostUsd={m.MaxCostUsd:R} snapshot={m.SnapshotOutput} snapshotDirectory={m.SnapshotDirectory} eachTurn={m.JudgeEachTurn}")
                .Append(" parameters=").Append(string.Join(",", m.ParameterNames)).Append('\n');
            foreach (Prompts.PromptVariant variant in m.Variants)
            {
                text.Append("  variant ").Append(variant.Key).Append('=').Append(variant.Template).Append('\n');
            }

            foreach (EvalCaseDescriptor @case in m.Cases)
            {
                text.Append("  case ").Append(@case.Id).Append(" expected=").Append(@case.Expected)
                    .Append(" arguments=").Append(string.Join("\u001f", @case.Arguments.Select(Argument)))
                    .Append(" turns=").Append(@case.Turns is null ? string.Empty : string.Join("\u001f", @case.Turns)).Append('\n');
            }

            foreach (RelationDescriptor relation in m.Relations)
            {
                text.Append(CultureInfo.InvariantCulture, $"  relation {relation.Key} kind={relation.Kind} parameter={relation.Parameter} threshold={relation.Threshold:R} expect={relation.Expect}\n");
            }
        }

        foreach (UnreadableSuite broken in scan.Unreadable.OrderBy(u => u.Suite, StringComparer.Ordinal))
        {
            text.Append("unreadable ").Append(broken.Suite).Append('\n');
        }

        return text.ToString();
    }

    private static string Argument(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture) + ":" + value.GetType().Name,
        _ => value.ToString() + ":" + value.GetType().Name,
    };

    /// <summary>
    /// What the judges' hash covers: each panel's judges by name and type, and a cascade's calibration (its thresholds and
    /// weights decide the cascade's verdicts, and the file may differ between checkouts of one commit, e.g. rewritten by
    /// `evalspec calibrate` on one runner).
    /// </summary>
    internal static string JudgesText(IEnumerable<JudgePanel> panels) =>
        string.Join("\n", panels.Select(p => p.Name + ": " + string.Join(", ", p.Judges.Select(Describe))));

    private static string Describe(IJudge judge)
    {
        string text = judge.Name + " (" + judge.GetType().FullName + ")";
        if (judge is JudgeCascade cascade)
        {
            text += cascade.Calibration is { } calibration
                ? " calibrated " + Persistence.ShortHash.Of(System.Text.Json.JsonSerializer.Serialize(calibration, CascadeJsonContext.Default.CascadeCalibration))
                : " uncalibrated";
        }

        return text;
    }

    /// <summary>The commit from a build server's variable, else from the git repository holding <paramref name="directory"/>; null when neither says.</summary>
    internal static string? CommitOf(Func<string, string?> variable, string directory)
    {
        foreach (string name in CommitVariables)
        {
            if (variable(name) is { Length: > 0 } value)
            {
                return value.Trim().ToLowerInvariant();
            }
        }

        try
        {
            return GitHead(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable repository says nothing; the other parts still compare.
            return null;
        }
    }

    /// <summary>
    /// HEAD's commit, read from the repository's files (no git process): .git may be a folder or, in a worktree or
    /// submodule, a file naming the git folder, whose refs may live in its common folder or in packed-refs.
    /// </summary>
    private static string? GitHead(string directory)
    {
        for (DirectoryInfo? folder = new(directory); folder is not null; folder = folder.Parent)
        {
            string dotGit = Path.Combine(folder.FullName, ".git");
            string? gitDirectory = Directory.Exists(dotGit) ? dotGit
                : File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is { } pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal)
                    ? Path.GetFullPath(pointer["gitdir:".Length..].Trim(), folder.FullName)
                    : null;
            if (gitDirectory is null)
            {
                continue;
            }

            string head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return IsCommit(head) ? head.ToLowerInvariant() : null;
            }

            string reference = head["ref:".Length..].Trim();
            string common = File.Exists(Path.Combine(gitDirectory, "commondir"))
                ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDirectory, "commondir")).Trim(), gitDirectory)
                : gitDirectory;
            foreach (string root in new[] { gitDirectory, common })
            {
                string file = Path.Combine(root, reference.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(file) && File.ReadAllText(file).Trim() is { } id && IsCommit(id))
                {
                    return id.ToLowerInvariant();
                }
            }

            string packed = Path.Combine(common, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference && IsCommit(p[0]))?[0].ToLowerInvariant()
                : null;
        }

        return null;
    }

    private static bool IsCommit(string text) => text.Length is 40 or 64 && text.All(Uri.IsHexDigit);

    /// <summary>
    /// A hash of every option that can change a verdict (all but <see cref="NotDeciding"/>), read from the options' public
    /// properties: dictionaries by sorted key, numbers in invariant culture.
    /// </summary>
    internal static string OptionsHash(EvalOptions options)
    {
        var text = new StringBuilder();
        Append(text, "options", options, depth: 0);
        return Persistence.ShortHash.Of(text.ToString());
    }

    private static void Append(StringBuilder text, string name, object? value, int depth)
    {
        text.Append(' ', depth * 2).Append(name).Append('=');
        switch (value)
        {
            case null:
                text.Append("null\n");
                return;
            case string or bool or Enum or char:
                text.Append(value).Append('\n');
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal or TimeSpan or DateTimeOffset:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture)).Append('\n');
                return;
            case IDictionary dictionary:
                text.Append('\n');
                var entries = new List<DictionaryEntry>();
                IDictionaryEnumerator enumerator = dictionary.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    entries.Add(enumerator.Entry);
                }

                foreach (DictionaryEntry entry in entries.OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase))
                {
                    Append(text, Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!.ToLowerInvariant(), entry.Value, depth + 1);
                }

                return;
            case IEnumerable list:
                text.Append('\n');
                int index = 0;
                foreach (object? item in list)
                {
                    Append(text, "[" + index++.ToString(CultureInfo.InvariantCulture) + "]", item, depth + 1);
                }

                return;
        }

        text.Append('\n');
        if (depth > 6)
        {
            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!NotDeciding.Contains(property.Name))
            {
                Append(text, property.Name, property.GetValue(value), depth + 1);
            }
        }
    }

    /// <summary>
    /// A hash of the baseline file's bytes with CRLF read as LF: the same committed file checked out on Windows with
    /// core.autocrlf and on Linux is one baseline.
    /// </summary>
    internal static string BaselineHash(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return "none";
            }

            byte[] bytes = File.ReadAllBytes(path);
            var normalized = new List<byte>(bytes.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != (byte)'\r' || i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')
                {
                    normalized.Add(bytes[i]);
                }
            }

            return Convert.ToHexString(SHA256.HashData(normalized.ToArray()), 0, 8).ToLowerInvariant();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
