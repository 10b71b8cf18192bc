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
/// and target framework recording into the folder: a row is gone only when none of them lists it.
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

        if (Stale(recordingsDirectory, inventories) is { Count: > 0 } stale)
        {
            error.WriteLine("The lists of rows are older than the code or the recordings, so rows that exist could look deleted. Nothing was changed:");
            foreach (string reason in stale)
            {
                error.WriteLine("  " + reason);
            }

            error.WriteLine("Run the tests once (dotnet test, with EVALSPEC_RECORDING=auto or record), then run this again.");
            return ExitCodes.Failure;
        }

        IReadOnlyList<(string Path, bool InUse)> journals = RecordingJournal.List(recordingsDirectory);
        if (journals.Any(j => j.InUse))
        {
            error.WriteLine($"A test run is recording into {recordingsDirectory} right now ({string.Join(", ", journals.Where(j => j.InUse).Select(j => Path.GetFileName(j.Path)))}): run this again when it has finished. Nothing was changed.");
            return ExitCodes.Failure;
        }

        if (journals.Count > 0)
        {
            if (apply)
            {
                int recovered = RecordingJournal.RecoverOrphans(recordingsDirectory);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {recovered} answer(s) of interrupted runs from their journals into the recordings first."));
            }
            else
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{journals.Count} journal(s) of interrupted runs will be written into the recordings first (with --apply, or by the next test run)."));
            }
        }

        int entries = 0;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        int files = 0;
        foreach (string file in Directory.EnumerateFiles(recordingsDirectory, "*" + RecordingFile.Extension).Order(StringComparer.Ordinal))
        {
            string? suite = RecordingFile.ReadSuite(file);
            if (suite is null || suite == RecordingContext.SharedSuite)
            {
                continue;
            }

            List<RecordingEntry> missing = RecordingFile.Read(file).Where(e => RecordingInventory.OfMissingRow(e.Context, inventories)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            files++;
            entries += missing.Count;
            bool knownClass = inventories.Any(i => i.Suites.Contains(suite));
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetRelativePath(recordingsDirectory, file)}: {missing.Count} entr{(missing.Count == 1 ? "y" : "ies")} of rows that no longer exist{(knownClass ? string.Empty : $" (no test assembly has the eval class {suite} any more)")}"));
            foreach (IGrouping<string, RecordingEntry> row in missing.GroupBy(e => RowOf(e.Context)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add(row.Key);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Key} ({row.Count()})"));
            }

            if (apply)
            {
                var removed = missing.Select(e => e.Id).ToHashSet();
                RecordingFile.Update(file, suite, all =>
                {
                    foreach (RecordingEntryId id in removed)
                    {
                        all.Remove(id);
                    }
                }, deleteWhenEmpty: true);
            }
        }

        string known = string.Join(", ", inventories.Select(i => $"{i.Assembly} ({i.TargetFramework}, listed {i.WrittenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"));
        string counts = string.Create(CultureInfo.InvariantCulture, $"{entries} entr{(entries == 1 ? "y" : "ies")} of {rows.Count} row(s) that no longer exist in {files} recordings file(s) under {recordingsDirectory}");
        console.WriteLine(apply
            ? $"Removed {counts}. Rows known from: {known}."
            : entries == 0
                ? $"No entries of rows that no longer exist under {recordingsDirectory}. Rows known from: {known}."
                : $"Would remove {counts}. Rows known from: {known}. Run again with --apply to remove them.");
        return ExitCodes.Success;
    }

    /// <summary>Why the inventories may not describe the current code: an assembly rebuilt since, or recordings changed since.</summary>
    private static List<string> Stale(string recordingsDirectory, IReadOnlyList<RecordingInventory> inventories)
    {
        var reasons = new List<string>();
        foreach (RecordingInventory inventory in inventories)
        {
            if (File.Exists(inventory.AssemblyPath) && File.GetLastWriteTimeUtc(inventory.AssemblyPath) > inventory.WrittenAt.UtcDateTime)
            {
                reasons.Add($"{inventory.AssemblyPath} was built after its rows were last listed ({inventory.WrittenAt.ToString("u", CultureInfo.InvariantCulture)}).");
            }
        }

        DateTime newest = inventories.Max(i => i.WrittenAt.UtcDateTime);
        foreach (string file in Directory.EnumerateFiles(recordingsDirectory, "*" + RecordingFile.Extension).Order(StringComparer.Ordinal))
        {
            if (File.GetLastWriteTimeUtc(file) > newest)
            {
                reasons.Add($"{Path.GetFileName(file)} changed after the rows were last listed (a pull, a merge or a checkout?).");
            }
        }

        return reasons;
    }

    private static string RowOf(string context) => RecordingContext.TrySplit(context, out string? rowId, out _) ? rowId : context;
}
