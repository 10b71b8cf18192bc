using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Collections.Generic;
using EvalSpec.Snapshots;
using Spectre.Console;

namespace EvalSpec.Cli.Snapshots;

/// <summary>
/// <c>evalspec accept</c>: accepts the snapshots a run received: each <c>Name.received.ext</c> under the project
/// replaces its <c>Name.verified.ext</c>. Refused on build servers: snapshots are reviewed and committed by a person.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create(CommandContext context)
    {
        var project = new Option<string?>("--project") { Description = "The folder to search (the test project). Default: the current folder.", HelpName = "dir" };
        var filter = new Option<string?>("--filter") { Description = "Accept only these received files: a snapshot's whole name (that snapshot only), text the name (before .received.) contains, or a glob with * and ? over the whole name; ignoring case.", HelpName = "text" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be accepted; change nothing." };

        var command = new Command("accept", "Accept received snapshots: move each *.received.* file over its *.verified.* file.")
        {
            project, filter, dryRun,
        };

        command.SetAction(parsed =>
        {
            bool dry = parsed.GetValue(dryRun);
            if (!dry && context.Environment.IsContinuousIntegration(out string? variable))
            {
                throw new CliInputException(
                    $"evalspec will not accept snapshots on a build server ({variable} is set): accept them locally, review the diff and commit the .verified files.");
            }

            string root = ProjectFolder(parsed.GetValue(project));
            string? text = parsed.GetValue(filter);
            IReadOnlyList<SnapshotAcceptance> chosen = SnapshotFiles.PlanAccept(root, text);

            IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
            if (chosen.Count == 0)
            {
                int received = SnapshotFiles.ListReceived(root).Count;
                console.WriteLine(received == 0
                    ? $"No received snapshot files (*.received.*) under {root}: nothing to accept."
                    : string.Create(CultureInfo.InvariantCulture, $"No received snapshot file under {root} matches '{text}' ({received} received file(s) do not)."));
                return ExitCodes.Success;
            }

            if (!dry)
            {
                // The build-server check is done above, with the tool's own detection (it names the variable).
                chosen = SnapshotFiles.Accept(root, text, buildServerVariable: null);
            }

            foreach (SnapshotAcceptance acceptance in chosen)
            {
                string change = acceptance.ReplacesVerified ? "replaces" : "creates";
                string also = acceptance.OtherFormat is { } other ? $" (and {(dry ? "would delete" : "deletes")} {Path.GetFileName(other)})" : string.Empty;
                console.WriteLine($"  {Path.GetRelativePath(root, acceptance.Received)} {change} {Path.GetFileName(acceptance.Verified)}{also}");
            }

            console.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"{(dry ? "Would accept" : "Accepted")} {chosen.Count} snapshot(s) under {root}.{(dry ? string.Empty : " Review the diff and commit the .verified files.")}"),
                context.Environment.UseAnsi ? new Style(Color.Green) : Style.Plain);
            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The project folder given, or the current one; a missing folder is an input error.</summary>
    internal static string ProjectFolder(string? given)
    {
        string root = Path.GetFullPath(given ?? Directory.GetCurrentDirectory());
        return Directory.Exists(root) ? root : throw new CliInputException($"The project folder {given} does not exist.");
    }
}
