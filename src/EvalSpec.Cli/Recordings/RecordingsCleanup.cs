using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvalSpec.Recording;
using Spectre.Console;

namespace EvalSpec.Cli.Recordings;

/// <summary>
/// <c>evalspec clean --recordings</c>: lists the entries of rows that no longer exist (a deleted case, prompt variant,
/// relation, method or eval class) in a recordings folder, and removes them with <c>--apply</c>. Which rows exist it learns
/// from the inventories that test runs write next to the recordings (<c>.evalspec/rows.*.json</c>), one per test assembly
/// and target framework recording into the folder: a row is gone only when none of them lists it, and an entry is removed
/// only when the lists of the test assemblies that own its file can tell (<see cref="RecordingOwnership"/>); the entries of
/// a file with an unknown owner are listed and kept.
/// </summary>
internal static class RecordingsCleanup
{
    /// <summary>Lists (or, with <paramref name="apply"/>, removes) the entries of rows that no longer exist.</summary>
    /// <returns>The exit code.</returns>
    public static int Run(string recordingsDirectory, bool apply, IAnsiConsole console, TextWriter error)
    {
        if (!Directory.Exists(recordingsDirectory))
        {
            console.WriteLine($"No recordings folder at {recordingsDirectory}: nothing to clean.");
            return ExitCodes.Success;
        }

        var problems = new List<string>();
        IReadOnlyList<RecordingInventory> inventories = RecordingInventory.ReadAll(recordingsDirectory, problems);
        if (inventories.Count == 0)
        {
            error.WriteLine(
                $"No list of the rows that exist in {RecordingJournal.Folder(recordingsDirectory)}{(problems.Count == 0 ? string.Empty : " (" + string.Join("; ", problems) + ")")}. "
                + "Run the tests once (dotnet test, with EVALSPEC_RECORDING=auto or record) so that EvalSpec lists them, then run this again. Nothing was changed.");
            return ExitCodes.Failure;
        }

        IReadOnlyList<(string Path, bool InUse)> journals = RecordingJournal.List(recordingsDirectory);
        if (journals.Any(j => j.InUse))
        {
            error.WriteLine($"A test run is recording into {recordingsDirectory} right now ({string.Join(", ", journals.Where(j => j.InUse).Select(j => Path.GetFileName(j.Path)))}): run this again when it has finished. Nothing was changed.");
            return ExitCodes.Failure;
        }

        // Each file is judged by the lists of the test assemblies that own it; a file whose owners' lists are stale stops
        // everything (as before), a file of an unknown owner is only listed.
        var files = new List<(string Path, string Suite, List<RecordingEntry> Missing, RecordingOwnership.Judgement Judgement)>();
        var stale = new List<string>();
        foreach (string file in Directory.EnumerateFiles(recordingsDirectory, "*" + RecordingFile.Extension).Order(StringComparer.Ordinal))
        {
            if (RecordingFile.ReadHeader(file) is not { } header || header.Suite == RecordingContext.SharedSuite)
            {
                continue;
            }

            List<RecordingEntry> missing = RecordingFile.Read(file).Where(e => RecordingInventory.OfMissingRow(e.Context, inventories)).ToList();
            RecordingOwnership.Judgement judgement = RecordingOwnership.Judge(file, header.Suite, header.Assembly, File.GetLastWriteTimeUtc(file), inventories, listedNow: null);
            stale.AddRange(judgement.Stale);
            files.Add((file, header.Suite, missing, judgement));
        }

        if (stale.Count > 0)
        {
            error.WriteLine("The lists of rows are older than the code or the recordings, so rows that exist could look deleted. Nothing was changed:");
            foreach (string reason in stale.Distinct(StringComparer.Ordinal))
            {
                error.WriteLine("  " + reason + ".");
            }

            error.WriteLine("Run the tests once (dotnet test, with EVALSPEC_RECORDING=auto or record), then run this again.");
            return ExitCodes.Failure;
        }

        if (journals.Count > 0)
        {
            if (apply)
            {
                RecordingRecovery recovery = RecordingJournal.RecoverOrphans(recordingsDirectory);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {recovery.Recovered} answer(s) of interrupted runs from their journals into the recordings first."));
                if (recovery.Describe() is { } skipped)
                {
                    console.WriteLine(skipped);
                }
            }
            else
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{journals.Count} journal(s) of interrupted runs will be written into the recordings first (with --apply, or by the next test run)."));
            }
        }

        int entries = 0;
        int keptEntries = 0;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        int changedFiles = 0;
        foreach ((string file, string suite, List<RecordingEntry> missing, RecordingOwnership.Judgement judgement) in files)
        {
            if (missing.Count == 0)
            {
                continue;
            }

            string relative = Path.GetRelativePath(recordingsDirectory, file);
            if (judgement.UnknownOwner is { } why)
            {
                keptEntries += missing.Count;
                console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{relative}: {missing.Count} entr{(missing.Count == 1 ? "y" : "ies")} of rows no list names: unknown owner, kept ({why})"));
                continue;
            }

            changedFiles++;
            entries += missing.Count;
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{relative}: {missing.Count} entr{(missing.Count == 1 ? "y" : "ies")} of rows that no longer exist{(judgement.ClassGone ? $" (no test assembly has the eval class {suite} any more)" : string.Empty)}"));
            foreach (IGrouping<string, RecordingEntry> row in missing.GroupBy(e => RowOf(e.Context)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add(row.Key);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Key} ({row.Count()})"));
            }

            if (apply)
            {
                // Only the very entries listed: anything the file received since (another run, a recovered journal) stays.
                var removed = missing.ToDictionary(e => e.Id);
                RecordingFile.Update(file, suite, edit =>
                {
                    foreach ((RecordingEntryId id, RecordingEntry listed) in removed)
                    {
                        if (edit.Entries.TryGetValue(id, out RecordingEntry? now) && now.SameAs(listed))
                        {
                            edit.Entries.Remove(id);
                        }
                    }

                    edit.DeleteWhenEmpty = judgement.ClassGone;
                });
            }
        }

        string known = string.Join(", ", inventories.Select(i => $"{i.Assembly} ({i.TargetFramework}, listed {i.WrittenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"));
        string counts = string.Create(CultureInfo.InvariantCulture, $"{entries} entr{(entries == 1 ? "y" : "ies")} of {rows.Count} row(s) that no longer exist in {changedFiles} recordings file(s) under {recordingsDirectory}");
        string kept = keptEntries == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" Kept {keptEntries} entr{(keptEntries == 1 ? "y" : "ies")} of rows no list names in files of an unknown owner (run the tests of the project that records into them, then run this again).");
        console.WriteLine((apply
            ? $"Removed {counts}. Rows known from: {known}."
            : entries == 0
                ? $"No entries of rows that no longer exist under {recordingsDirectory}. Rows known from: {known}."
                : $"Would remove {counts}. Rows known from: {known}. Run again with --apply to remove them.") + kept);
        return ExitCodes.Success;
    }

    private static string RowOf(string context) => RecordingContext.TrySplit(context, out string? rowId, out _) ? rowId : context;
}
