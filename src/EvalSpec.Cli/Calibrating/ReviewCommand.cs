using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Cli.Calibrating;

/// <summary>
/// <c>evalspec review</c>: turns the rows of review queues (review.jsonl of runs) into labelled items. <c>--export</c> writes a CSV
/// for people to fill in (id, label, labelledBy, and what they need to judge); <c>--import</c> reads it back and merges the labels
/// into the labels file that <c>evalspec calibrate</c> reads. A label never silently replaces a different one.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CommandContext context)
    {
        var queues = new Argument<string[]>("queue") { Description = "Run folders (TestResults/evalspec/<run id>) or review.jsonl files.", Arity = ArgumentArity.OneOrMore };
        var export = new Option<string?>("--export") { Description = "Write the unlabelled rows to this CSV (columns id, label, labelledBy, rowId, reason, outcome, input, output, rationale); fill in label with pass or fail.", HelpName = "labels.csv" };
        var import = new Option<string?>("--import") { Description = "Read labels from this CSV (columns id and label, optionally labelledBy) and merge them into --labels.", HelpName = "labels.csv" };
        var labels = new Option<string>("--labels") { Description = "The labels file to merge into (default labels.jsonl); `evalspec calibrate --labels` reads it.", HelpName = "file.jsonl", DefaultValueFactory = _ => "labels.jsonl" };

        var command = new Command("review", "Label the rows a judge cascade abstained on or decided against a dissent (review.jsonl of runs): in the terminal, or exported to CSV and imported back; the labels become calibration data.")
        {
            queues, export, import, labels,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(export) is not null && result.GetValue(import) is not null)
            {
                result.AddError("Give --export <labels.csv> (write the rows to label) or --import <labels.csv> (read the labels), not both; give neither to label the rows in the terminal.");
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            List<ReviewItem> rows = Queued(parsed.GetValue(queues)!);
            string labelsPath = parsed.GetValue(labels)!;
            if (parsed.GetValue(export) is { } csv)
            {
                HashSet<string> done = File.Exists(labelsPath) ? ReviewQueue.Read(labelsPath).Where(i => i.Label is not null).Select(i => i.Id).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
                ReviewItem[] open = rows.Where(r => !done.Contains(r.Id)).ToArray();
                ReviewCsv.Write(csv, open);
                await context.Output.WriteLineAsync($"{open.Count()} row(s) to label written to {csv} ({rows.Count - open.Length} already labelled in {labelsPath}). Fill in the label column with pass or fail, then run `evalspec review ... --import {csv}`.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (parsed.GetValue(import) is not { } importPath)
            {
                return await ReviewTerminal.RunAsync(context, rows, labelsPath).ConfigureAwait(false);
            }

            IReadOnlyList<(int Line, string Id, VerdictOutcome Label, string? By)> given = ReviewCsv.Read(importPath);
            var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
            List<ReviewItem> existing = File.Exists(labelsPath) ? ReviewQueue.Read(labelsPath).ToList() : new List<ReviewItem>();
            var known = existing.ToDictionary(i => i.Id, StringComparer.Ordinal);
            int added = 0, same = 0;
            foreach ((int line, string id, VerdictOutcome label, string? by) in given)
            {
                string value = label.ToString().ToLowerInvariant();
                if (known.TryGetValue(id, out ReviewItem? labelled) && labelled.Label is not null)
                {
                    if (labelled.Label != value)
                    {
                        throw new CliInputException($"{importPath} line {line} labels '{id}' {value}, but {labelsPath} has it as {labelled.Label}{(labelled.LabelledBy is null ? string.Empty : " (by " + labelled.LabelledBy + ")")}. Resolve the disagreement: edit the CSV, or remove the line from {labelsPath}.");
                    }

                    same++;
                    continue;
                }

                ReviewItem item = known.TryGetValue(id, out ReviewItem? unlabelled) ? unlabelled
                    : byId.TryGetValue(id, out ReviewItem? queued) ? queued
                    : throw new CliInputException($"{importPath} line {line}: no review queue given has item '{id}'. Give the run folders the CSV was exported from.");
                item.Label = value;
                item.LabelledBy = by;
                item.LabelledAt = context.Environment.Time.GetUtcNow();
                if (!known.ContainsKey(id))
                {
                    existing.Add(item);
                    known.Add(id, item);
                }

                added++;
            }

            WriteLabels(labelsPath, existing);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{added} label(s) added to {labelsPath} ({same} already there); it has {existing.Count(i => i.Label is not null)} labelled item(s). Calibrate with `evalspec calibrate --labels {labelsPath}`.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the labels file in one rename: a crash leaves the old file or the new one.</summary>
    internal static void WriteLabels(string path, IEnumerable<ReviewItem> items)
    {
        var text = new StringBuilder();
        foreach (ReviewItem item in items)
        {
            text.Append(ReviewQueue.ToLine(item)).Append('\n');
        }

        EvalSpec.Persistence.AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(text.ToString()));
    }

    /// <summary>The rows of the given queues; the same item in two queues (two runs judged the same output) is kept once.</summary>
    private static List<ReviewItem> Queued(string[] queues)
    {
        var rows = new List<ReviewItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string queue in queues)
        {
            string path = Directory.Exists(queue) ? Path.Combine(queue, ReviewQueue.FileName) : queue;
            if (!File.Exists(path))
            {
                throw new CliInputException(Directory.Exists(queue)
                    ? $"The run folder {queue} has no {ReviewQueue.FileName}: its cascades abstained on no row and no row was contested (or the run used no cascade)."
                    : $"The review queue {queue} does not exist.");
            }

            rows.AddRange(ReviewQueue.Read(path).Where(item => seen.Add(item.Id)));
        }

        return rows;
    }
}
