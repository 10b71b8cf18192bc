using System;
using System.IO;
using System.Linq;
using EvalSpec.Recording;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Hostile and damaged recordings files and journal lines: each is refused with a message naming the file (or the journal
/// and its line) and what to do, never misread, never half-read, and a journal is never deleted when it cannot be read.
/// </summary>
public sealed class RecordingFileDamageTests : RecordingTestBed
{
    private static readonly string Hash = new('a', 64);

    private static string Entry(string properties) =>
        "{" + properties + ",\"request\":{\"model\":\"gpt-test\"},\"response\":{\"messages\":[]}}";

    private const string Key = "\"context\":\"Shop.RefundEvals.RefundWindow/laptop/formal/source/0\",\"client\":\"sut\",\"kind\":\"chat\"";

    [Fact]
    public void A_file_of_a_newer_format_whose_entries_this_version_cannot_read_is_refused_as_newer_and_left_as_it_is()
    {
        // A later format may lay out its entries differently: the reader must hear "update EvalSpec", not "fix the file".
        string newer = "{\n  \"format\": 2,\n  \"suite\": \"" + Suite + "\",\n  \"entries\": [ { \"context\": 1, \"occurrence\": \"first\" } ]\n}\n";
        File.WriteAllText(SuiteFile, newer);

        string message = FluentActions.Invoking(() => RecordingFile.Read(SuiteFile)).Should().Throw<EvalConfigurationException>().Which.Message;

        message.Should().Contain(SuiteFile).And.Contain("format 2").And.Contain("newer than this one").And.Contain("Update the EvalSpec package")
            .And.NotContain("delete it");
        File.ReadAllText(SuiteFile).Should().Be(newer);
    }

    [Theory]
    [InlineData("{\"suite\":\"Shop.RefundEvals\",\"entries\":[]}", "does not say \"format\": 1")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\"}", "has no \"entries\" array")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[null]}", "entry 0 is not an object")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"assembly\":\"\",\"entries\":[]}", "\"assembly\" is not the name of a test assembly")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[ENTRY_NULL_CONTEXT]}", "entry 0 has no \"context\" string")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[ENTRY_NEGATIVE]}", "entry 0 has no \"occurrence\" number")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[ENTRY_NO_OCCURRENCE]}", "occurrence")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[ENTRY_NO_RESPONSE]}", "response")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[1]}", "cannot be read")]
    [InlineData("{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[ENTRY_OK,]}", "cannot be read")]
    [InlineData("<<<<<<< HEAD\n{\"format\":1,\"suite\":\"Shop.RefundEvals\",\"entries\":[]}", "cannot be read")]
    [InlineData("", "cannot be read")]
    public void A_damaged_file_is_refused_naming_the_file_what_is_wrong_and_what_to_do(string text, string because)
    {
        text = text
            .Replace("ENTRY_NULL_CONTEXT", Entry("\"context\":null,\"client\":\"sut\",\"kind\":\"chat\",\"hash\":\"" + Hash + "\",\"occurrence\":0"), StringComparison.Ordinal)
            .Replace("ENTRY_NEGATIVE", Entry(Key + ",\"hash\":\"" + Hash + "\",\"occurrence\":-1"), StringComparison.Ordinal)
            .Replace("ENTRY_NO_OCCURRENCE", Entry(Key + ",\"hash\":\"" + Hash + "\""), StringComparison.Ordinal)
            .Replace("ENTRY_NO_RESPONSE", "{" + Key + ",\"hash\":\"" + Hash + "\",\"occurrence\":0}", StringComparison.Ordinal)
            .Replace("ENTRY_OK", Entry(Key + ",\"hash\":\"" + Hash + "\",\"occurrence\":0"), StringComparison.Ordinal);
        File.WriteAllText(SuiteFile, text);

        string message = FluentActions.Invoking(() => RecordingFile.Read(SuiteFile)).Should().Throw<EvalConfigurationException>().Which.Message;

        message.Should().Contain(SuiteFile).And.Contain(because).And.Contain("EVALSPEC_RECORDING=record");
        File.ReadAllText(SuiteFile).Should().Be(text, "a file that cannot be read is never rewritten");
    }

    [Fact]
    public void An_unusable_mark_without_its_reason_followed_by_good_lines_is_an_error_naming_the_journal_and_the_line()
    {
        string journal = LeaveJournal(
            EntryLine("laptop/formal"),
            "{\"suite\":\"" + Suite + "\",\"base\":null,\"unusable\":{\"context\":\"" + Suite + ".RefundWindow/laptop/formal/source/0\",\"hash\":\"" + Hash + "\",\"occurrence\":0}}",
            EntryLine("phone/formal"));

        string message = FluentActions.Invoking(() => RecordingJournal.RecoverOrphans(Directory)).Should().Throw<EvalConfigurationException>().Which.Message;

        message.Should().Contain(journal).And.Contain("line 2");
        File.Exists(journal).Should().BeTrue("a journal that cannot be read is never deleted");
        File.Exists(SuiteFile).Should().BeFalse("nothing of a journal that cannot be read is applied");
    }

    [Fact]
    public void An_unusable_mark_without_its_reason_as_the_last_line_is_left_out_like_a_torn_line()
    {
        LeaveJournal(
            EntryLine("laptop/formal"),
            "{\"suite\":\"" + Suite + "\",\"base\":null,\"unusable\":{\"context\":\"" + Suite + ".RefundWindow/laptop/formal/source/0\"}}");

        RecordingJournal.RecoverOrphans(Directory).Recovered.Should().Be(1);

        RecordingFile.Read(SuiteFile).Should().ContainSingle().Which.Unusable.Should().BeNull();
    }

    [Theory]
    [InlineData("\"base\":5,")]
    [InlineData("\"base\":{},")]
    [InlineData("")]
    public void A_journal_line_whose_base_is_neither_a_version_nor_null_or_without_suite_is_damage(string baseProperty)
    {
        string line = EntryLine("laptop/formal").Replace("{\"suite\":", "{" + baseProperty + "\"suite\":", StringComparison.Ordinal);
        if (baseProperty.Length == 0)
        {
            line = line.Replace("\"suite\":\"" + Suite + "\",", string.Empty, StringComparison.Ordinal);
        }

        string journal = LeaveJournal(line, EntryLine("phone/formal"));

        FluentActions.Invoking(() => RecordingJournal.RecoverOrphans(Directory)).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain(journal).And.Contain("line 1");
        File.Exists(journal).Should().BeTrue();
    }

    /// <summary>A journal line recording an answer for a row, with no <c>base</c> (as EvalSpec wrote them before it had one).</summary>
    private static string EntryLine(string row) =>
        "{\"suite\":\"" + Suite + "\",\"entry\":" + Entry("\"context\":\"" + Suite + ".RefundWindow/" + row + "/source/0\",\"client\":\"sut\",\"kind\":\"chat\",\"hash\":\"" + Hash + "\",\"occurrence\":0") + "}";

    private string LeaveJournal(params string[] lines)
    {
        string folder = RecordingJournal.EnsureFolder(Directory);
        string journal = Path.Combine(folder, "journal-" + Guid.NewGuid().ToString("n")[..16] + ".jsonl");
        File.WriteAllText(journal, string.Concat(lines.Select(l => l + "\n")));
        return journal;
    }
}
