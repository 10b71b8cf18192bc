using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using Spectre.Console;

namespace EvalSpec.Cli.Calibrating;

/// <summary>
/// <c>evalspec review &lt;run&gt;</c> on a terminal: shows each unlabelled row (input, output, expected answer, every judge's verdict
/// and reason) and asks pass, fail, skip or quit; each label is written to the labels file at once, so quitting or a crash
/// loses no label given.
/// </summary>
internal static class ReviewTerminal
{
    private const string Pass = "pass";
    private const string Fail = "fail";
    private const string Skip = "skip";
    private const string Quit = "quit (labels so far are saved)";

    public static async Task<int> RunAsync(CommandContext context, IReadOnlyList<ReviewItem> rows, string labelsPath)
    {
        if (context.Environment.Terminal is not { } console)
        {
            throw new CliInputException("evalspec review needs a terminal to ask for labels (input or output is redirected, or this is a build server): use --export <labels.csv>, fill in the label column, then --import <labels.csv>.");
        }

        List<ReviewItem> existing = File.Exists(labelsPath) ? ReviewQueue.Read(labelsPath).ToList() : new List<ReviewItem>();
        var known = existing.ToDictionary(i => i.Id, StringComparer.Ordinal);
        ReviewItem[] open = rows.Where(r => !(known.TryGetValue(r.Id, out ReviewItem? k) && k.Label is not null)).ToArray();
        string? reviewer = context.Environment.GetVariable("USER") ?? context.Environment.GetVariable("USERNAME");
        int labelled = 0;
        for (int i = 0; i < open.Length; i++)
        {
            ReviewItem item = open[i];
            console.Write(new Rule(string.Create(CultureInfo.InvariantCulture, $"Row {i + 1} of {open.Length}: {Markup.Escape(item.RowId)} ({item.Reason})")));
            console.Write(Describe(item));
            string answer = console.Prompt(new SelectionPrompt<string>().Title("Is the output acceptable?").AddChoices(Pass, Fail, Skip, Quit));
            if (answer == Quit)
            {
                break;
            }

            if (answer == Skip)
            {
                continue;
            }

            ReviewItem target = known.TryGetValue(item.Id, out ReviewItem? unlabelled) ? unlabelled : item;
            target.Label = answer;
            target.LabelledBy = reviewer;
            target.LabelledAt = context.Environment.Time.GetUtcNow();
            if (!known.ContainsKey(item.Id))
            {
                existing.Add(target);
                known.Add(item.Id, target);
            }

            ReviewCommand.WriteLabels(labelsPath, existing);
            labelled++;
        }

        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{labelled} label(s) added to {labelsPath}; it has {existing.Count(i => i.Label is not null)} labelled item(s). Calibrate with `evalspec calibrate --labels {labelsPath}`.")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static Table Describe(ReviewItem item)
    {
        var table = new Table().HideHeaders().AddColumn("what").AddColumn("value");
        table.AddRow("input", Markup.Escape(item.Input ?? string.Empty));
        table.AddRow("output", Markup.Escape(item.Output));
        if (item.Expected is not null)
        {
            table.AddRow("expected", Markup.Escape(item.Expected));
        }

        if (item.Rubric is not null)
        {
            table.AddRow("rubric", Markup.Escape(item.Rubric));
        }

        table.AddRow("cascade", Markup.Escape($"{item.Outcome}: {item.Rationale}"));
        foreach (ReviewTier tier in item.Tiers)
        {
            foreach (ReviewJudge judge in tier.Judges)
            {
                string said = string.Join("; ", judge.Verdicts.Select(v => v.Outcome + (v.Errored ? " (errored)" : string.Empty) + ": " + v.Rationale));
                table.AddRow(Markup.Escape($"{tier.Name}/{judge.Name}" + (judge.Model is null ? string.Empty : $" ({judge.Model})")), Markup.Escape(said));
            }
        }

        return table;
    }
}
