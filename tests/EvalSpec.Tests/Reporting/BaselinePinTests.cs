using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Persistence;
using EvalSpec.Reporting;
using EvalSpec.Tests.Persistence;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// A person's verdict pinned in the baseline: written as format 4 (which an older EvalSpec refuses rather than drop the pin),
/// kept by every update until unpinned, refused when it would silently replace another person's verdict, and applied to a
/// row only for the very output the person judged.
/// </summary>
public sealed class BaselinePinTests : IDisposable
{
    private const string Row = "S.C.M/laptop/formal/identity";
    private const string Other = "S.C.M/phone/formal/identity";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.Combine(Baseline.FileName);

    private static PersonVerdict Person(string label, string output = "the answer", string? by = "alice") =>
        new(label, ReviewQueue.IdOf(Row, output)) { By = by, On = "2026-12-06" };

    private Baseline Recorded()
    {
        Baseline.Empty(Path).WriteMerged(
            new Dictionary<string, BaselineEntry>
            {
                [Row] = Baseline.Entry(VerdictOutcome.Inconclusive, "below the calibrated confidence", null),
                [Other] = Baseline.Entry(VerdictOutcome.Pass, null, null),
            },
            Array.Empty<string>());
        return Baseline.Load(Path);
    }

    [Fact]
    public void A_baseline_without_pins_stays_format_3_and_a_pin_makes_it_format_4()
    {
        Recorded().Version.Should().Be(3);

        Baseline.Load(Path).Pin([new(Row, Person("fail"))], replace: false).Pinned.Should().Equal(Row);

        Baseline pinned = Baseline.Load(Path);
        pinned.Version.Should().Be(Baseline.PinnedVersion);
        pinned.Find(Row)!.Person.Should().Be(Person("fail"));
        pinned.Find(Row)!.Outcome.Should().Be(VerdictOutcome.Inconclusive, "pinning changes no recorded outcome; the next run does");
        CommittedFileSchemas.Errors(CommittedFileFormats.Baseline.Schema, File.ReadAllText(Path)).Should().BeEmpty();

        Baseline.Load(Path).Unpin(null).Should().Equal(Row);
        Baseline.Load(Path).Version.Should().Be(3, "without pins an older EvalSpec may read the file again");
        Baseline.Load(Path).Find(Row)!.Person.Should().BeNull();
    }

    [Fact]
    public void An_older_format_reader_refuses_a_pinned_baseline_instead_of_dropping_the_pin()
    {
        CommittedFileFormats.Baseline.Problem(Baseline.PinnedVersion).Should().BeNull("this EvalSpec reads format 4");
        CommittedFileFormats.Baseline.Problem(Baseline.PinnedVersion + 1).Should().NotBeNull();
    }

    [Fact]
    public void A_pin_for_a_row_with_no_entry_creates_one_with_the_persons_outcome()
    {
        Recorded();
        const string newRow = "S.C.M/tablet/formal/identity";
        Baseline.Load(Path).Pin([new(newRow, new PersonVerdict("pass", ReviewQueue.IdOf(newRow, "x")))], replace: false);

        BaselineEntry entry = Baseline.Load(Path).Find(newRow)!;
        entry.Outcome.Should().Be(VerdictOutcome.Pass);
        entry.Person!.Attribution.Should().Be("a person");
        Baseline.Load(Path).Methods["S.C.M"].Rows.Should().Be(3, "the method's counts include the new entry");
    }

    [Fact]
    public void A_different_verdict_already_pinned_is_refused_and_nothing_is_written_unless_replace()
    {
        Recorded().Pin([new(Row, Person("fail"))], replace: false);
        byte[] before = File.ReadAllBytes(Path);

        Action overwrite = () => Baseline.Load(Path).Pin([new(Row, Person("pass", by: "bob"))], replace: false);

        overwrite.Should().Throw<EvalConfigurationException>().WithMessage("*already pins fail (alice, 2026-12-06)*new verdict is pass (bob, 2026-12-06)*--replace*");
        File.ReadAllBytes(Path).Should().Equal(before);
        Baseline.Load(Path).Pin([new(Row, Person("fail", by: "carol"))], replace: false).Unchanged.Should().Equal(new[] { Row }, "the same verdict on the same output is no conflict");
        Baseline.Load(Path).Pin([new(Row, Person("pass", by: "bob"))], replace: true).Pinned.Should().Equal(Row);
        Baseline.Load(Path).Find(Row)!.Person!.Label.Should().Be("pass");
    }

    [Fact]
    public void A_label_other_than_pass_or_fail_is_refused()
    {
        Action pin = () => Recorded().Pin([new(Row, Person("maybe"))], replace: false);

        pin.Should().Throw<EvalConfigurationException>().WithMessage("*pass or fail, not 'maybe'*");
    }

    [Fact]
    public void Updates_keep_the_pin_when_they_replace_the_outcome_drop_rows_or_replace_the_whole_file()
    {
        Recorded().Pin([new(Row, Person("fail"))], replace: false);

        // A run records a new outcome for the row: the outcome changes, the pin stays.
        Baseline.Load(Path).WriteMerged(new Dictionary<string, BaselineEntry> { [Row] = Baseline.Entry(VerdictOutcome.Fail, "decided by a person", "checks: rubric") }, Array.Empty<string>());
        Baseline.Load(Path).Find(Row)!.Person.Should().Be(Person("fail"));
        Baseline.Load(Path).Find(Row)!.Outcome.Should().Be(VerdictOutcome.Fail);

        // The row stops applying: an unpinned row would be dropped; a pinned one is kept.
        Baseline.Load(Path).WriteMerged(new Dictionary<string, BaselineEntry>(), new[] { Row, Other });
        Baseline.Load(Path).Find(Row)!.Person.Should().NotBeNull();
        Baseline.Load(Path).Find(Other).Should().BeNull();

        // Replacing the whole file with a run that does not have the row keeps it too.
        Baseline.Load(Path).WriteMerged(
            new Dictionary<string, BaselineEntry> { [Other] = Baseline.Entry(VerdictOutcome.Pass, null, null) },
            Array.Empty<string>(),
            new Dictionary<string, BaselineMethodMetrics?>(),
            replaceAll: true);
        Baseline.Load(Path).Find(Row)!.Person.Should().Be(Person("fail"));
        Baseline.Load(Path).Version.Should().Be(Baseline.PinnedVersion);
    }

    [Fact]
    public async Task A_pin_and_a_run_updating_the_baseline_at_once_both_land()
    {
        // Both loaded the file before either wrote: each merges into the file as it is on disk under the lock.
        for (int round = 0; round < 10; round++)
        {
            Baseline loaded = Recorded();
            Baseline alsoLoaded = Baseline.Load(Path);
            string other = "S.C.M/round-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/formal/identity";

            await Task.WhenAll(
                Task.Run(() => loaded.Pin([new(Row, Person("fail"))], replace: false)),
                Task.Run(() => alsoLoaded.WriteMerged(new Dictionary<string, BaselineEntry> { [other] = Baseline.Entry(VerdictOutcome.Pass, null, null) }, Array.Empty<string>())));

            Baseline now = Baseline.Load(Path);
            now.Find(Row)!.Person.Should().Be(Person("fail"), "the pin is never lost to a concurrent update (round {0})", round);
            now.Find(other).Should().NotBeNull("the update is never lost to a concurrent pin (round {0})", round);
            File.Delete(Path);
        }
    }

    [Fact]
    public void The_pin_decides_only_for_the_output_the_person_judged()
    {
        BaselineEntry entry = Baseline.Entry(VerdictOutcome.Inconclusive, "abstained", null) with { Person = Person("fail") };

        PinnedVerdict same = PinnedVerdict.For(entry, Row, "the answer", "rubric", "evalspec.baseline.json");
        same.Check!.Outcome.Should().Be(VerdictOutcome.Fail);
        same.Check.Verdicts.Should().ContainSingle().Which.Judge.Should().Be(PinnedVerdict.Judge);
        same.Check.Rationale.Should().Be("decided by a person (alice, 2026-12-06), pinned in evalspec.baseline.json for this output; the rubric judges were not asked");
        same.Note.Should().BeNull();

        PinnedVerdict changed = PinnedVerdict.For(entry, Row, "the answer ", "rubric", "evalspec.baseline.json");
        changed.Check.Should().BeNull("one more space is another output: the person did not judge it");
        changed.Note.Should().Contain("for another output of this row").And.Contain("the judges decided");

        PinnedVerdict otherRow = PinnedVerdict.For(entry, Other, "the answer", "rubric", "evalspec.baseline.json");
        otherRow.Check.Should().BeNull("the output id includes the row id");

        PinnedVerdict.For(Baseline.Entry(VerdictOutcome.Pass, null, null), Row, "the answer", "rubric", "b.json").Should().Be(default(PinnedVerdict));
        PinnedVerdict.For(null, Row, "the answer", null, "b.json").Should().Be(default(PinnedVerdict));
    }

    [Theory]
    [InlineData("PASS")]
    [InlineData("Pass")]
    [InlineData("ｐass")]
    [InlineData("pass ")]
    [InlineData("")]
    public void A_hand_edited_label_that_is_not_exactly_pass_or_fail_is_inconclusive_never_a_verdict(string label)
    {
        BaselineEntry entry = Baseline.Entry(VerdictOutcome.Pass, null, null) with { Person = new PersonVerdict(label, ReviewQueue.IdOf(Row, "the answer")) };

        PinnedVerdict pinned = PinnedVerdict.For(entry, Row, "the answer", null, "evalspec.baseline.json");

        pinned.Check!.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        pinned.Check.Verdicts.Should().ContainSingle().Which.Errored.Should().BeTrue();
        pinned.Check.Rationale.Should().Contain("neither pass nor fail");
    }
}
