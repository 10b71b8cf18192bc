using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Baselines;

/// <summary><c>evalspec baseline pin / unpin</c> on files: labels from <c>evalspec review</c> pinned as people's verdicts.</summary>
public sealed class BaselinePinCommandTests : IDisposable
{
    private const string Row = "Shop.RefundEvals.RefundWindow/laptop/formal/identity";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string BaselinePath => _folder.Combine("evalspec.baseline.json");

    private string Labels(params (string Output, string? Label, string? By, DateTimeOffset? At)[] items)
    {
        string path = _folder.Combine("labels.jsonl");
        var text = new StringBuilder();
        foreach ((string output, string? label, string? by, DateTimeOffset? at) in items)
        {
            text.Append(ReviewQueue.ToLine(new ReviewItem
            {
                Id = ReviewQueue.IdOf(Row, output),
                RowId = Row,
                Reason = ReviewQueue.Abstained,
                Cascade = "cascade",
                Outcome = "inconclusive",
                Output = output,
                Tiers = [new ReviewTier { Name = "cheap", Judges = [], Votes = [] }],
                Label = label,
                LabelledBy = by,
                LabelledAt = at,
            })).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task Pin_writes_the_latest_label_of_each_row_and_unpin_removes_it()
    {
        string labels = Labels(
            ("old answer", "pass", "bob", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)),
            ("new answer", "fail", "alice", new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero)),
            ("unlabelled", null, null, null));

        CliResult pinned = await Cli.RunAsync("baseline", "pin", "--labels", labels, "--baseline", BaselinePath);

        pinned.ExitCode.Should().Be(0, pinned.ToString());
        pinned.Output.Should().Contain("1 row(s) pinned").And.Contain(": fail (alice, 2026-12-06)");
        JsonElement person = JsonDocument.Parse(File.ReadAllText(BaselinePath)).RootElement.GetProperty("rows").GetProperty(Row).GetProperty("person");
        person.GetProperty("output").GetString().Should().Be(ReviewQueue.IdOf(Row, "new answer"), "the latest label is for the current output");
        person.GetProperty("label").GetString().Should().Be("fail");

        CliResult again = await Cli.RunAsync("baseline", "pin", "--labels", labels, "--baseline", BaselinePath);
        again.Output.Should().Contain("0 row(s) pinned").And.Contain("1 already pinned the same way");

        CliResult unknown = await Cli.RunAsync("baseline", "unpin", "Shop.Other/x/y/identity", "--baseline", BaselinePath);
        unknown.ExitCode.Should().Be(2);
        unknown.Error.Should().Contain("has no person's verdict pinned for Shop.Other/x/y/identity");

        CliResult unpinned = await Cli.RunAsync("baseline", "unpin", Row, "--baseline", BaselinePath);
        unpinned.ExitCode.Should().Be(0, unpinned.ToString());
        JsonDocument.Parse(File.ReadAllText(BaselinePath)).RootElement.GetProperty("format").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Two_outputs_of_a_row_labelled_with_no_order_between_them_are_refused_and_nothing_is_written()
    {
        string labels = Labels(("answer one", "pass", null, null), ("answer two", "fail", null, null));

        CliResult result = await Cli.RunAsync("baseline", "pin", "--labels", labels, "--baseline", BaselinePath);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"labels row {Row} on 2 outputs").And.Contain("with no later one");
        File.Exists(BaselinePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_or_unlabelled_labels_file_is_refused_saying_how_to_label()
    {
        CliResult missing = await Cli.RunAsync("baseline", "pin", "--labels", _folder.Combine("nope.jsonl"), "--baseline", BaselinePath);
        CliResult empty = await Cli.RunAsync("baseline", "pin", "--labels", Labels(("x", null, null, null)), "--baseline", BaselinePath);
        CliResult neither = await Cli.RunAsync("baseline", "unpin", "--baseline", BaselinePath);

        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("does not exist").And.Contain("evalspec review");
        empty.Error.Should().Contain("has no labelled item");
        neither.ExitCode.Should().NotBe(0);
        neither.Error.Should().Contain("Give the row ids to unpin, or --all");
    }
}
