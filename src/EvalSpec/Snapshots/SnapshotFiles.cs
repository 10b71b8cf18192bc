using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace EvalSpec.Snapshots;

/// <summary>
/// Snapshot files on disk, for the <c>evalspec</c> command (<c>accept</c>, listing and cleaning received files) and for
/// the run's report of verified files whose row no longer exists.
/// </summary>
internal static class SnapshotFiles
{
    /// <summary>Folders never searched: build output, tool state and dependencies hold no snapshots of ours.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".idea", "node_modules", "TestResults" };

    /// <summary>
    /// The verified files in <paramref name="directory"/> that belong to eval rows of the given classes (five-segment
    /// names starting with a class segment, see <see cref="SnapshotNames"/>) but whose base name is not expected: their
    /// case, prompt variant, relation or method is gone (or renamed). Imperative snapshots (two or three segments) are
    /// never reported.
    /// </summary>
    /// <param name="directory">The folder of the test source.</param>
    /// <param name="classSegments">The class segments (<see cref="SnapshotNames.ClassSegment"/>) of the eval classes whose sources live there.</param>
    /// <param name="expectedBaseNames">The base names of every row snapshot of those classes (<see cref="SnapshotNames.ForRow(Type, string, string, string, string)"/>).</param>
    /// <returns>Full paths, sorted.</returns>
    public static IReadOnlyList<string> FindDangling(string directory, IEnumerable<string> classSegments, IEnumerable<string> expectedBaseNames)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return Array.Empty<string>();
        }

        var classes = new HashSet<string>(classSegments, StringComparer.Ordinal);
        var expected = new HashSet<string>(expectedBaseNames, StringComparer.Ordinal);
        var dangling = new List<string>();
        foreach (string file in Directory.EnumerateFiles(directory, "*" + SnapshotNames.VerifiedMarker + "*"))
        {
            if (SnapshotNames.TryParseFileName(Path.GetFileName(file), out string baseName, out bool verified, out _) && verified
                && baseName.Split('.') is { Length: 5 } segments && classes.Contains(segments[0]) && !expected.Contains(baseName))
            {
                dangling.Add(Path.GetFullPath(file));
            }
        }

        dangling.Sort(StringComparer.Ordinal);
        return dangling;
    }

    /// <summary>The <c>.received.</c> files under <paramref name="root"/> (recursively, skipping bin, obj, .git...) whose base name matches the filter.</summary>
    /// <param name="root">A folder, usually the repository or the test project.</param>
    /// <param name="filter">
    /// The whole base name of a snapshot under <paramref name="root"/> (verified or received: that snapshot only), a
    /// substring of the base name, or a glob over the whole base name (<c>*</c>, <c>?</c>); case-insensitive. Null for all.
    /// </param>
    /// <returns>Full paths, sorted.</returns>
    public static IReadOnlyList<string> ListReceived(string root, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The folder {root} does not exist.");
        }

        // A plain-text filter that is a snapshot's whole name selects that snapshot only; to know, every snapshot name
        // (verified ones too: the row named may have been accepted already) is collected before matching.
        bool plainText = !string.IsNullOrWhiteSpace(filter) && !IsGlob(filter);
        var snapshotNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var received = new List<(string File, string BaseName)>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            try
            {
                foreach (string file in Directory.EnumerateFiles(directory, "*" + SnapshotNames.ReceivedMarker + "*"))
                {
                    if (SnapshotNames.TryParseFileName(Path.GetFileName(file), out string baseName, out bool verified, out _) && !verified)
                    {
                        received.Add((file, baseName));
                        snapshotNames.Add(baseName);
                    }
                }

                if (plainText)
                {
                    foreach (string file in Directory.EnumerateFiles(directory, "*" + SnapshotNames.VerifiedMarker + "*"))
                    {
                        if (SnapshotNames.TryParseFileName(Path.GetFileName(file), out string baseName, out bool verified, out _) && verified)
                        {
                            snapshotNames.Add(baseName);
                        }
                    }
                }

                foreach (string sub in Directory.EnumerateDirectories(directory))
                {
                    // Linked folders are not followed: a link to a parent would loop, one elsewhere is another tree.
                    if (!SkippedFolders.Contains(Path.GetFileName(sub)) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (UnauthorizedAccessException)
            {
                // A folder we may not read holds no snapshots we could accept.
            }
        }

        Func<string, bool> matches = Matcher(filter, snapshotNames);
        List<string> found = received.Where(r => matches(r.BaseName)).Select(r => r.File).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// What accepting would do, changing nothing: for each matching <c>.received.</c> file, the <c>.verified.</c> file
    /// it becomes and the verified file of the other extension it would delete (left from when the content was text
    /// instead of JSON or back), when one exists.
    /// </summary>
    /// <param name="root">See <see cref="ListReceived"/>.</param>
    /// <param name="filter">See <see cref="ListReceived"/>.</param>
    public static IReadOnlyList<SnapshotAcceptance> PlanAccept(string root, string? filter)
    {
        var plan = new List<SnapshotAcceptance>();
        foreach (string received in ListReceived(root, filter))
        {
            SnapshotNames.TryParseFileName(Path.GetFileName(received), out string baseName, out _, out string extension);
            string directory = Path.GetDirectoryName(received)!;
            string verified = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + extension);
            string other = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + (extension == SnapshotNames.TextExtension ? SnapshotNames.JsonExtension : SnapshotNames.TextExtension));
            plan.Add(new SnapshotAcceptance(received, verified, File.Exists(verified), File.Exists(other) ? other : null));
        }

        return plan;
    }

    /// <summary>
    /// Accepts received snapshots: moves each matching <c>.received.</c> file over its <c>.verified.</c> file and
    /// deletes a verified file of the other extension (see <see cref="PlanAccept"/>).
    /// </summary>
    /// <param name="root">See <see cref="ListReceived"/>.</param>
    /// <param name="filter">See <see cref="ListReceived"/>.</param>
    /// <param name="buildServerVariable">The variable that shows a build server, if any: then nothing is accepted.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="EvalConfigurationException">On a build server.</exception>
    public static IReadOnlyList<SnapshotAcceptance> Accept(string root, string? filter, string? buildServerVariable)
    {
        if (!string.IsNullOrEmpty(buildServerVariable))
        {
            throw new EvalConfigurationException($"Snapshots are not accepted on a build server ({buildServerVariable} is set): accept them on a developer machine and commit the .verified. files.");
        }

        IReadOnlyList<SnapshotAcceptance> plan = PlanAccept(root, filter);
        foreach (SnapshotAcceptance acceptance in plan)
        {
            SnapshotFileSystem.Replace(acceptance.Received, acceptance.Verified);
            if (acceptance.OtherFormat is { } other)
            {
                SnapshotFileSystem.DeleteIfExists(other);
            }
        }

        return plan;
    }

    /// <summary>Deletes the matching <c>.received.</c> files.</summary>
    /// <returns>The deleted files.</returns>
    public static IReadOnlyList<string> DeleteReceived(string root, string? filter = null)
    {
        IReadOnlyList<string> received = ListReceived(root, filter);
        foreach (string file in received)
        {
            SnapshotFileSystem.DeleteIfExists(file);
        }

        return received;
    }

    /// <summary>
    /// A whole-name glob when the filter has <c>*</c> or <c>?</c>; otherwise the one name the filter equals when it is one
    /// of <paramref name="snapshotNames"/> (so that <c>Evals.M.c.v.identity</c>, which a mismatch message suggests, does
    /// not also accept <c>RefundEvals.M.c.v.identity</c>), else a substring. Case-insensitive.
    /// </summary>
    /// <param name="filter">The filter; null or blank matches every name.</param>
    /// <param name="snapshotNames">The base names of the snapshots that exist, verified or received.</param>
    internal static Func<string, bool> Matcher(string? filter, IReadOnlySet<string>? snapshotNames = null)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        if (!IsGlob(filter))
        {
            bool wholeName = snapshotNames?.Any(name => string.Equals(name, filter, StringComparison.OrdinalIgnoreCase)) == true;
            return wholeName
                ? baseName => string.Equals(baseName, filter, StringComparison.OrdinalIgnoreCase)
                : baseName => baseName.Contains(filter, StringComparison.OrdinalIgnoreCase);
        }

        var glob = new Regex(
            "^" + Regex.Escape(filter).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        return baseName => glob.IsMatch(baseName);
    }

    private static bool IsGlob(string filter) => filter.IndexOfAny(new[] { '*', '?' }) >= 0;
}

/// <summary>One received snapshot file to accept.</summary>
/// <param name="Received">The <c>.received.</c> file.</param>
/// <param name="Verified">The <c>.verified.</c> file it becomes.</param>
/// <param name="ReplacesVerified">Whether that verified file existed (false: a new snapshot).</param>
/// <param name="OtherFormat">A verified file of the other extension (txt / json) that accepting deletes, if one exists.</param>
internal sealed record SnapshotAcceptance(string Received, string Verified, bool ReplacesVerified, string? OtherFormat);
