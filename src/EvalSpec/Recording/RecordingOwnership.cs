using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EvalSpec.Recording;

/// <summary>
/// Whether the entries of a recordings file whose rows no list of rows names (<see cref="RecordingInventory"/>) can be
/// told gone: only the lists of the test assemblies that own the file can say so, and only when they describe the code
/// that wrote the file. A full Record run and <c>evalspec clean --recordings</c> both ask this before removing anything
/// from a file, and before deleting one.
/// </summary>
/// <remarks>
/// The owners of a file are the assembly the file names (<see cref="RecordingFile.AssemblyProperty"/>: the last to write
/// it) and every assembly whose list names the file's eval class; for a file that names none and whose class no list
/// names, the project whose own <c>recordings</c> folder holds it (a full Record run of that project), else nobody: such
/// a file has an unknown owner and is never touched. Each owner must have a list in the folder (the lists are
/// git-ignored, so after a clone a project that has not run has none: unknown owner too), and its lists must be written
/// after the file last changed (a pull or a checkout brings entries of rows its list does not know yet) and not older
/// than its assembly's build nor than any source of its project (<see cref="RecordingProjectSources"/>): otherwise the lists are stale. The file itself is deleted only when no list names its class.
/// </remarks>
internal static class RecordingOwnership
{
    /// <summary>Whether the rows of a recordings file that no list names can be told gone, and whether its eval class is.</summary>
    /// <param name="file">The file, for messages.</param>
    /// <param name="suite">Its eval class.</param>
    /// <param name="namedAssembly">The test assembly the file names, or null.</param>
    /// <param name="fileWrittenUtc">When the file last changed.</param>
    /// <param name="inventories">Every list of rows in the folder (the running assembly's fresh one among them).</param>
    /// <param name="listedNow">The assembly of the run that is ending, whose list was just made; null for the command line.</param>
    /// <param name="folderOwner">
    /// The assembly whose own <c>recordings</c> folder this is (a run with the default folder), owner of the files that name
    /// no assembly and whose class no list names; null when the folder may be shared.
    /// </param>
    public static Judgement Judge(
        string file,
        string suite,
        string? namedAssembly,
        DateTime fileWrittenUtc,
        IReadOnlyCollection<RecordingInventory> inventories,
        string? listedNow,
        string? folderOwner = null)
    {
        var owners = new SortedSet<string>(inventories.Where(i => i.Suites.Contains(suite)).Select(i => i.Assembly), StringComparer.Ordinal);
        if (namedAssembly is not null)
        {
            owners.Add(namedAssembly);
        }

        if (owners.Count == 0 && folderOwner is not null)
        {
            owners.Add(folderOwner);
        }

        bool classGone = !inventories.Any(i => i.Suites.Contains(suite));
        string name = Path.GetFileName(file);
        if (owners.Count == 0)
        {
            return new Judgement(
                owners,
                $"{name} does not say which test project records into it, and no test project's list of rows in this folder names its eval class {suite}",
                Array.Empty<string>(),
                classGone);
        }

        var unlisted = owners.Where(o => o != listedNow && !inventories.Any(i => i.Assembly == o)).ToArray();
        if (unlisted.Length > 0)
        {
            return new Judgement(
                owners,
                $"{name} is recorded into by {string.Join(", ", unlisted)}, which has not listed its rows in this folder (the lists are not committed: run its tests once after a clone)",
                Array.Empty<string>(),
                classGone);
        }

        var stale = new List<string>();
        foreach (string owner in owners.Where(o => o != listedNow))
        {
            RecordingInventory[] lists = inventories.Where(i => i.Assembly == owner).ToArray();
            foreach (RecordingInventory rebuilt in lists.Where(i => File.Exists(i.AssemblyPath) && File.GetLastWriteTimeUtc(i.AssemblyPath) > i.WrittenAt.UtcDateTime))
            {
                stale.Add($"{rebuilt.AssemblyPath} was built after its rows were last listed ({rebuilt.WrittenAt.ToString("u", CultureInfo.InvariantCulture)})");
            }

            // A checkout that brings back a case changes its source, not the assembly (not rebuilt yet) nor the recordings
            // file (the same on both branches): a source newer than the list means the list may be older than the code.
            string recordingsDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            foreach (RecordingInventory list in lists)
            {
                if (RecordingProjectSources.ProjectDirectory(list, recordingsDirectory) is { } project
                    && RecordingProjectSources.NewestAfter(project, list.WrittenAt.UtcDateTime) is { } source)
                {
                    stale.Add($"{source.Path} changed after the rows were last listed by {owner} ({list.WrittenAt.ToString("u", CultureInfo.InvariantCulture)}): the row list may be older than the code; run the tests first");
                }
            }

            DateTimeOffset newest = lists.Max(i => i.WrittenAt);
            if (newest.UtcDateTime <= fileWrittenUtc)
            {
                stale.Add($"{name} changed after the rows were last listed by {owner} ({newest.ToString("u", CultureInfo.InvariantCulture)}): a pull, a merge or a checkout?");
            }
        }

        return new Judgement(owners, null, stale, classGone);
    }

    /// <summary>The answer for one file.</summary>
    /// <param name="Owners">The test assemblies found to own the file (none: unknown owner).</param>
    /// <param name="UnknownOwner">
    /// Why no owner's list can speak for the file (it names no owner, or an owner has no list in the folder): its entries
    /// are kept and listed as of an unknown owner; null when every owner has a list.
    /// </param>
    /// <param name="Stale">Why the owners' lists may not describe the code or the file (rebuilt since, file changed since); empty when they do.</param>
    /// <param name="ClassGone">No list names its eval class: once its entries are removed, the file goes too.</param>
    internal sealed record Judgement(IReadOnlyCollection<string> Owners, string? UnknownOwner, IReadOnlyList<string> Stale, bool ClassGone)
    {
        /// <summary>Whether entries of rows no list names may be removed from the file.</summary>
        public bool CanRemove => UnknownOwner is null && Stale.Count == 0;
    }
}
