using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>Hostile input for the CSV (RFC 4180) and JSONL readers behind [CasesFrom].</summary>
public sealed class CaseFileReaderTests
{
    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    [InlineData("\uFEFFa,b\r\n1,2")]
    [InlineData("a,b\n\n1,2\n\n")]
    public void Line_endings_a_byte_order_mark_and_blank_lines_do_not_change_the_rows(string csv)
    {
        DataFileSpec file = CsvCaseReader.Read("t.csv", csv);

        file.Errors.Should().BeEmpty();
        file.Rows.Should().ContainSingle();
        file.Rows[0].Cells.Select(c => c.Name + "=" + c.Value).Should().Equal("a=1", "b=2");
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_rows_keep_their_starting_line()
    {
        DataFileSpec file = CsvCaseReader.Read("t.csv", "a,b\r\n\"x, \"\"y\"\"\r\nz\",\"\"\r\nlast,\"\"\"\"\r\n");

        file.Errors.Should().BeEmpty();
        file.Rows.Select(r => r.Line).Should().Equal(2, 4);
        file.Rows[0].Cells[0].Value.Should().Be("x, \"y\"\r\nz");
        file.Rows[0].Cells[1].Value.Should().Be(string.Empty);
        file.Rows[1].Cells[1].Value.Should().Be("\"");
        file.Rows[1].Cells[1].Column.Should().Be(6);
    }

    [Fact]
    public void A_quoted_comma_looks_like_an_extra_field_only_when_unquoted()
    {
        CsvCaseReader.Read("t.csv", "a,b\n\"1,5\",2\n").Errors.Should().BeEmpty();
        CsvCaseReader.Read("t.csv", "a,b\n1,5,2\n").Errors.Should().ContainSingle().Which.Message.Should().Contain("3 field(s)");
    }

    [Fact]
    public void A_header_of_spaces_around_names_still_binds_and_values_keep_their_spaces()
    {
        DataFileSpec file = CsvCaseReader.Read("t.csv", " a , b\n x ,y\n");

        file.Rows[0].Cells.Select(c => c.Name + "=" + c.Value).Should().Equal("a= x ", "b=y");
    }

    /// <summary>
    /// The rule: any values, written the RFC 4180 way (quoted, quotes doubled), read back unchanged. Checked on 500
    /// seeded random rows drawn from the characters that break readers: commas, quotes, CR, LF, a BOM, spaces.
    /// </summary>
    [Fact]
    public void Any_fields_written_the_RFC_4180_way_read_back_unchanged()
    {
        const string alphabet = ",\"\r\n a\u00e9\uFEFF;";
        var random = new System.Random(4180);
        for (int trial = 0; trial < 500; trial++)
        {
            string[] values = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => new string(Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
                .ToArray();
            string newline = random.Next(2) == 0 ? "\r\n" : "\n";
            string header = string.Join(",", values.Select((_, i) => "c" + i));
            string row = string.Join(",", values.Select(v => "\"" + v.Replace("\"", "\"\"") + "\""));
            DataFileSpec file = CsvCaseReader.Read("t.csv", header + newline + row + newline);

            file.Errors.Should().BeEmpty(because: row);
            file.Rows.Should().ContainSingle(because: row);
            file.Rows[0].Cells.Select(c => c.Value).Should().Equal(values, because: row);
        }
    }

    [Theory]
    [InlineData("{\"a\": \"\\u00e9\\t\\\"q\\\"\\\\\"}", "é\t\"q\"\\")]
    [InlineData("{\"a\": \"\\ud83d\\ude00\"}", "\U0001F600")]
    [InlineData("  {\"a\" : \"x\" }  ", "x")]
    public void Jsonl_strings_unescape(string line, string value)
    {
        DataFileSpec file = JsonLinesCaseReader.Read("t.jsonl", line);

        file.Errors.Should().BeEmpty();
        file.Rows.Single().Cells.Single().Value.Should().Be(value);
    }

    [Theory]
    [InlineData("{\"a\": 01}", "malformed number")]
    [InlineData("{\"a\": 1.}", "digits must follow '.'")]
    [InlineData("{\"a\": -}", "malformed number")]
    [InlineData("{\"a\": True}", "does not start a JSON value")]
    [InlineData("{\"a\": \"x\"} {\"b\": 1}", "one object per line")]
    [InlineData("{\"a\": \"\\q\"}", "unknown escape")]
    [InlineData("{\"a\": \"\\u12\"}", "four hex digits")]
    [InlineData("{\"a\": \"tab\there\"}", "control character")]
    [InlineData("{\"a\": [1]}", "arrays may hold only strings")]
    [InlineData("{\"a\": }", "does not start a JSON value")]
    [InlineData("{a: 1}", "member name in double quotes")]
    [InlineData("{\"a\": 1,}", "member name in double quotes")]
    public void Malformed_jsonl_lines_are_errors(string line, string message)
    {
        DataFileSpec file = JsonLinesCaseReader.Read("t.jsonl", "{\"ok\": 1}\r\n" + line);

        file.Rows.Should().ContainSingle();
        DataFileError error = file.Errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(2);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Jsonl_blank_lines_a_byte_order_mark_and_crlf_keep_the_line_numbers_of_the_file()
    {
        DataFileSpec file = JsonLinesCaseReader.Read("t.jsonl", "\uFEFF{\"a\": 1}\r\n\r\n   \r\n{\"a\": 2}\r\n");

        file.Errors.Should().BeEmpty();
        file.Rows.Select(r => r.Line).Should().Equal(1, 4);
        file.Rows[0].Cells[0].Column.Should().Be(7);
    }
}
