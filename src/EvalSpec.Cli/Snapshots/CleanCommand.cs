using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using EvalSpec.Reporting.Reports;
using EvalSpec.Snapshots;
using Spectre.Console;

namespace EvalSpec.Cli.Snapshots;

/// <summary>
/// <c>evalspec clean</c>: deletes what runs leave behind in a test project: received snapshot files, and run folders
/// under <c>TestResults/evalspec</c> beyond the newest <c>--keep</c> (and, with <c>--older-than</c>, only those older
/// than that many days). With <c>--recordings</c>, it does only this instead: lists the recorded entries of rows that no
/// longer exist, and removes them with <c>--apply</c> (<see cref="Recordings.RecordingsCleanup"/>).
/// </summary>
internal static class CleanCommand
{
    public const int DefaultKeep = 10;

    public static Command Create(CommandContext context)
    {
        var project = new Option<string?>("--project") { Description = "The test project folder. Default: the current folder.", HelpName = "dir" };
        var keep = new Option<int>("--keep") { Description = "Run folders to keep, newest first.", DefaultValueFactory = _ => DefaultKeep, HelpName = "n" };
        var olderThan = new Option<double?>("--older-than") { Description = "Delete only run folders older than this many days (still keeping the newest --keep).", HelpName = "days" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted; delete nothing." };
        var runsOnly = new Option<bool>("--runs-only") { Description = "Leave received snapshot files alone." };
        var recordings = new Option<bool>("--recordings") { Description = "Instead: list the recorded model calls of rows that no longer exist (deleted cases, variants, relations, methods, classes); remove them with --apply." };
        var recordingsDirectory = new Option<string?>("--recordings-dir") { Description = "With --recordings: the recordings folder. Default: <project>/recordings.", HelpName = "dir" };
        var apply = new Option<bool>("--apply") { Description = "With --recordings: remove the entries listed." };

        var command = new Command("clean", "Delete received snapshot files and old run folders (TestResults/evalspec/<run id>); with --recordings, recordings of rows that no longer exist.")
        {
            project, keep, olderThan, dryRun, runsOnly, recordings, recordingsDirectory, apply,
        };

        keep.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--keep must be 0 or more.");
            }
        });
        olderThan.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double days && !(days >= 0))
            {
                result.AddError("--older-than must be 0 or more days.");
            }
        });

        command.SetAction(parsed =>
        {
            string root = AcceptCommand.ProjectFolder(parsed.GetValue(project));
            if (parsed.GetValue(recordings))
            {
                string folder = parsed.GetValue(recordingsDirectory) is { } given ? Path.GetFullPath(given, root) : Path.Combine(root, "recordings");
                return Recordings.RecordingsCleanup.Run(folder, parsed.GetValue(apply) && !parsed.GetValue(dryRun), OutputConsole.Create(context.Output, context.Environment), context.Error);
            }

            if (parsed.GetValue(apply) || parsed.GetValue(recordingsDirectory) is not null)
            {
                throw new CliInputException("--apply and --recordings-dir go with --recordings (evalspec clean --recordings --apply).");
            }

            bool dry = parsed.GetValue(dryRun);
            string[] received = parsed.GetValue(runsOnly) ? Array.Empty<string>() : SnapshotFiles.ListReceived(root).ToArray();
            DateTimeOffset now = context.Environment.Time.GetUtcNow();
            double? days = parsed.GetValue(olderThan);
            (string Folder, DateTimeOffset Written)[] runs = Runs(RunFolders.ResultsRoot(root));
            string[] oldRuns = runs
                .Skip(parsed.GetValue(keep))
                .Where(r => days is not double limit || now - r.Written > TimeSpan.FromDays(limit))
                .Select(r => r.Folder)
                .ToArray();

            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            long bytes = 0;
            foreach (string file in received)
            {
                bytes += new FileInfo(file).Length;
                if (!dry)
                {
                    File.Delete(file);
                }

                console.WriteLine("  " + Path.GetRelativePath(root, file));
            }

            foreach (string folder in oldRuns)
            {
                bytes += Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                if (!dry)
                {
                    Directory.Delete(folder, recursive: true);
                }

                console.WriteLine("  " + Path.GetRelativePath(root, folder) + Path.DirectorySeparatorChar);
            }

            string verb = dry ? "Would delete" : "Deleted";
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{verb} {received.Length} received snapshot file(s) and {oldRuns.Length} of {runs.Length} run folder(s) under {root} ({bytes / 1024.0 / 1024.0:0.0} MB)."));
            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The run folders, newest first by the last write of any file in them (the folder's own time when empty).</summary>
    private static (string Folder, DateTimeOffset Written)[] Runs(string resultsRoot)
    {
        if (!Directory.Exists(resultsRoot))
        {
            return Array.Empty<(string, DateTimeOffset)>();
        }

        return Directory.EnumerateDirectories(resultsRoot)
            .Select(folder =>
            {
                IEnumerable<DateTime> times = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc);
                DateTime latest = times.DefaultIfEmpty(Directory.GetLastWriteTimeUtc(folder)).Max();
                return (folder, new DateTimeOffset(latest, TimeSpan.Zero));
            })
            .OrderByDescending(r => r.Item2)
            .ThenByDescending(r => Path.GetFileName(r.folder), StringComparer.Ordinal)
            .ToArray();
    }
}
