using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Xunit;

namespace EvalSpec.Cli.Tests.Calibrating;

/// <summary><c>evalspec review &lt;run&gt;</c> in a terminal: a person reads each row and answers pass, fail, skip or quit.</summary>
public sealed class ReviewTerminalTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Queue()
    {
        string run = _folder.Combine("run");
        Directory.CreateDirectory(run);
        File.WriteAllLines(Path.Combine(run, ReviewQueue.FileName), new[] { "r1@01", "r2@02", "r3@03" }.Select(id => ReviewQueue.ToLine(new ReviewItem
        {
            Id = id,
            RowId = "Faq.Answer(" + id + ")",
            Reason = ReviewQueue.Abstained,
            Cascade = "cascade",
            Outcome = "inconclusive",
            Rationale = "below the calibrated confidence",
            Input = "How long is the [laptop] refund window?",
            Output = "Output of " + id,
            Tiers = new[] { new ReviewTier { Name = "cheap", Judges = new[] { new ReviewJudge { Name = "a", Model = "small", Verdicts = new[] { new ReviewVerdict("pass", "states [30] days", false) } } }, Votes = new[] { new CascadeVote("a", 1, null, VerdictOutcome.Pass) } } },
        })));
        return run;
    }

    [Fact]
    public async Task Each_answer_is_saved_at_once_skip_leaves_a_row_unlabelled_and_quit_keeps_what_was_labelled()
    {
        string run = Queue();
        string labels = _folder.Combine("labels.jsonl");
        var console = new TestConsole().Interactive();
        console.Input.PushKey(ConsoleKey.Enter);                                                   // r1: pass
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                                                   // r2: fail
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                                                   // r3: quit
        var environment = new CliEnvironment(name => name == "USER" ? "alice" : null, new FakeTimeProvider(Cli.Now), outputIsTerminal: true) { Terminal = console };
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = await CliApp.RunAsync(new[] { "review", run, "--labels", labels }, output, error, environment);

        exitCode.Should().Be(0, error.ToString());
        console.Output.Should().Contain("Row 1 of 3").And.Contain("Output of r1").And.Contain("cheap/a (small)").And.Contain("states [30] days").And.Contain("[laptop]");
        ReviewItem[] saved = ReviewQueue.Read(labels).ToArray();
        saved.Select(i => (i.Id, i.Label, i.LabelledBy)).Should().Equal(("r1@01", "pass", "alice"), ("r2@02", "fail", "alice"));
        output.ToString().Should().Contain("2 label(s) added");
    }

    [Fact]
    public async Task Without_a_terminal_it_says_to_use_export_and_import()
    {
        CliResult result = await Cli.RunAsync("review", Queue(), "--labels", _folder.Combine("labels.jsonl"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("needs a terminal").And.Contain("--export <labels.csv>");
    }
}
