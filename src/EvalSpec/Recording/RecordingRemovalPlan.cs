using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Recording;

/// <summary>Which entries the end of a Record run removes, from which files (<see cref="RecordingSession"/> decides it).</summary>
internal sealed class RecordingRemovalPlan
{
    /// <summary>Removes nothing (Auto, Replay, Live, or a Record run with too many failed calls or rows).</summary>
    public static readonly RecordingRemovalPlan None = new(null, null, null, false);

    private readonly Func<string, bool>? _replaced;
    private readonly IReadOnlyCollection<RecordingInventory>? _inventories;
    private readonly RecordingInventory? _own;
    private readonly bool _ownsFolder;

    /// <param name="replaced">Whether the entries of a context are replaced by this run's (its row ran to its end).</param>
    /// <param name="inventories">In a full run, every list of rows of the folder (this assembly's fresh one among them); null otherwise.</param>
    /// <param name="own">In a full run, this assembly's list of rows, made now.</param>
    /// <param name="ownsFolder">
    /// Whether the folder is the project's own (the default <c>recordings</c>): its files that name no test assembly and
    /// whose eval class no list names are this project's (see <see cref="RecordingOwnership"/>).
    /// </param>
    public RecordingRemovalPlan(Func<string, bool>? replaced, IReadOnlyCollection<RecordingInventory>? inventories, RecordingInventory? own, bool ownsFolder)
    {
        _ownsFolder = ownsFolder;
        _replaced = replaced;
        _inventories = inventories;
        _own = own;
    }

    /// <summary>Whether the plan removes anything at all (a Record run that did not give up).</summary>
    public bool RemovesAny => _replaced is not null;

    /// <summary>
    /// The entries of <paramref name="suite"/>'s file (as read under its lock) to remove, unless recorded in this run: those
    /// of rows that ran to their end in this run, and in a full run those of rows no list names, when the lists of the
    /// assemblies that record into the file can tell (<see cref="RecordingOwnership"/>). Sets whether the file is deleted
    /// once empty (its eval class is gone). Null: none.
    /// </summary>
    public Func<RecordingEntry, bool>? For(string suite, string path, RecordingFileEdit file)
    {
        if (_replaced is null)
        {
            return null;
        }

        Func<string, bool> replaced = _replaced;
        if (_inventories is null || suite == RecordingContext.SharedSuite)
        {
            return entry => replaced(entry.Context);
        }

        RecordingOwnership.Judgement judgement = RecordingOwnership.Judge(path, suite, file.Assembly, file.LastWriteUtc, _inventories, _own!.Assembly, _ownsFolder ? _own.Assembly : null);
        if (!judgement.CanRemove)
        {
            return entry => replaced(entry.Context);
        }

        file.DeleteWhenEmpty = judgement.ClassGone;
        IReadOnlyCollection<RecordingInventory> inventories = _inventories;
        return entry => replaced(entry.Context) || RecordingInventory.OfMissingRow(entry.Context, inventories);
    }

    /// <summary>
    /// The recordings files in <paramref name="directory"/> (other than <paramref name="written"/>) a full run cleans of
    /// rows that no longer exist: those of this assembly's eval classes, those that name this assembly as the one that
    /// records into them (its deleted eval classes), and in the project's own folder those that name no assembly. Files of
    /// other test assemblies sharing the folder are left to theirs; <see cref="For"/> asks <see cref="RecordingOwnership"/>
    /// about each.
    /// </summary>
    public IEnumerable<(string Suite, string Path)> Files(string directory, IReadOnlySet<string> written)
    {
        if (_inventories is null || _own is null || !Directory.Exists(directory))
        {
            yield break;
        }

        foreach (string path in Directory.EnumerateFiles(directory, "*" + RecordingFile.Extension).Where(p => !written.Contains(p)).Order(StringComparer.Ordinal))
        {
            if (RecordingFile.ReadHeader(path) is { } header && header.Suite != RecordingContext.SharedSuite
                && (_own.Suites.Contains(header.Suite) || header.Assembly == _own.Assembly || (_ownsFolder && header.Assembly is null)))
            {
                yield return (header.Suite, path);
            }
        }
    }
}
