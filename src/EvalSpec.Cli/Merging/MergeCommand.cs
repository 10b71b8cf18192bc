using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Reporting.Merging;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Cli.Merging;

/// <summary>
/// <c>evalspec merge</c>: joins the run folders of the shards of a sharded run (<c>EVALSPEC_SHARD=k/N</c>) into one run
/// folder (results.jsonl, summary.json, report.md, report.html) for <c>evalspec gate</c> and <c>evalspec report</c>.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CommandContext context)
    {
        var runs = new Argument<string[]>("runs")
        {
            Description = "The run folders of the shards, one per shard (TestResults/evalspec/<run id>).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "The merged run's folder; it must not exist. Default: merged-<UTC time> beside the first shard's folder.",
            HelpName = "folder",
        };

        var command = new Command("merge", "Merge the run folders of the shards of a sharded run (EVALSPEC_SHARD=k/N) into one run: results, summary, metrics and reports. Refuses overlapping or missing shards, and shards of different N, suites or builds.")
        {
            runs, output,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            string[] folders = parsed.GetValue(runs) ?? [];
            string target = parsed.GetValue(output) ?? RunMerge.DefaultOutput(folders[0], context.Environment.Time.GetUtcNow());
            cancellationToken.ThrowIfCancellationRequested();
            RunData merged;
            try
            {
                merged = RunMerge.Merge(folders, target);
            }
            catch (RunMergeException ex)
            {
                throw new CliInputException(ex.Message);
            }

            int judged = merged.Rows.Count(r => r.IsJudged);
            await context.Output.WriteLineAsync(
                $"Merged {folders.Length} shard(s) into {merged.Directory}: {merged.Rows.Count} rows ({judged} judged). Gate it with `evalspec gate --run {merged.Directory}`.").ConfigureAwait(false);
            return ExitCodes.Success;
        });

        return command;
    }
}
