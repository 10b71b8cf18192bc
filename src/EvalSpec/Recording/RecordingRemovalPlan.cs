using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Recording;

/// <summary>Which entries the end of a Record run removes, from which files (<see cref="RecordingSession"/> decides it).</summary>
internal sealed class RecordingRemovalPlan
{
    /// <summary>Removes nothing (Auto, Replay, Live, or a Record run with too many failed calls).</summary>
    public static readonly RecordingRemovalPlan None = new(null, null, null, false);

    private readonly Func<string, bool>? _replaced;
    private readonly IReadOnlyCollection<RecordingInventory>? _inventories;
    private readonly IReadOnlySet<string>? _ownSuites;
    private readonly bool _ownsFolder;

    /// <param name="replaced">Whether the entries of a context are replaced by this run's (its row ran completely).</param>
    /// <param name="inventories">In a full run, the inventories whose rows exist (this assembly's among them); null otherwise.</param>
    /// <param name="ownSuites">In a full run, this assembly's eval classes.</param>
    /// <param name="ownsFolder">Whether the folder is the project's own, so that files of eval classes no inventory knows are this project's.</param>
    public RecordingRemovalPlan(Func<string, bool>? replaced, IReadOnlyCollection<RecordingInventory>? inventories, IReadOnlySet<string>? ownSuites, bool ownsFolder)
    {
        _replaced = replaced;
        _inventories = inventories;
        _ownSuites = ownSuites;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The entries of <paramref name="suite"/>'s file to remove (unless recorded in this run), or null for none.</summary>
    public Func<RecordingEntry, bool>? For(string suite)
    {
        if (_replaced is null)
        {
            return null;
        }

        if (!RemovesMissingRows(suite))
        {
            return entry => _replaced(entry.Context);
        }

        IReadOnlyCollection<RecordingInventory> inventories = _inventories!;
        return entry => _replaced(entry.Context) || RecordingInventory.OfMissingRow(entry.Context, inventories);
    }

    /// <summary>
    /// Whether entries of rows that no longer exist are removed from <paramref name="suite"/>'s file: in a full run, for this
    /// assembly's eval classes, and, in the project's own folder, for eval classes no inventory knows (deleted ones). Files
    /// of other test assemblies sharing the folder, and the file of calls outside rows, are never touched.
    /// </summary>
    public bool RemovesMissingRows(string suite) =>
        _inventories is not null
        && suite != RecordingContext.SharedSuite
        && (_ownSuites!.Contains(suite) || (_ownsFolder && !_inventories.Any(i => i.Suites.Contains(suite))));

    /// <summary>The recordings files in <paramref name="directory"/> (other than <paramref name="written"/>) whose entries of missing rows this plan removes.</summary>
    public IEnumerable<(string Suite, string Path)> Files(string directory, IReadOnlySet<string> written)
    {
        if (_inventories is null || !Directory.Exists(directory))
        {
            yield break;
        }

        foreach (string path in Directory.EnumerateFiles(directory, "*" + RecordingFile.Extension).Where(p => !written.Contains(p)).Order(StringComparer.Ordinal))
        {
            if (RecordingFile.ReadSuite(path) is { } suite && RemovesMissingRows(suite))
            {
                yield return (suite, path);
            }
        }
    }
}
