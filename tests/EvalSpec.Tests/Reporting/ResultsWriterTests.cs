using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evalspec-results-").FullName;

    private string ResultsPath => Path.Combine(_directory, "results.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RowResult Row(string rowId, string output = "You have 30 days.", string prompt = "How long?") => new()
    {
        RunId = "run-1",
        RowId = rowId,
        Suite = "Shop.Evals.ReturnsEvals",
        Method = "ReturnWindow",
        Case = "laptop",
        Variant = "formal",
        Relation = "identity",
        Inputs = new Dictionary<string, JsonElement> { ["product"] = JsonSerializer.SerializeToElement("a laptop") },
        Prompt = prompt,
        Output = JsonSerializer.SerializeToElement(output),
        Outcome = "pass",
        Checks = new[]
        {
            new CheckResult("expected-answer", "pass", 1.0, "contains it", new[] { new VerdictResult("expected-answer", "pass", 1.0, "contains it", null, 0.1, null, null, null, null, null, null) }, null),
        },
        LatencyMs = 12.5,
        StartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    private byte[] ReadBytes()
    {
        using var stream = new FileStream(ResultsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string[] ReadLines() => Encoding.UTF8.GetString(ReadBytes()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Concurrent_appends_write_one_whole_JSON_line_per_row()
    {
        // Long outputs make torn or interleaved writes likely if lines were not written whole.
        string longOutput = new('x', 4000);
        string[] rowIds = Enumerable.Range(0, 500).Select(i => "row-" + i).ToArray();
        using (var writer = new ResultsWriter(ResultsPath))
        {
            await Task.WhenAll(rowIds.Select(id => Task.Run(() => writer.Append(Row(id, longOutput)))));
        }

        string[] lines = ReadLines();

        lines.Should().HaveCount(500);
        var written = new List<string>();
        foreach (string line in lines)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            document.RootElement.GetProperty("output").GetString().Should().Be(longOutput);
            written.Add(document.RootElement.GetProperty("rowId").GetString()!);
        }

        written.Should().BeEquivalentTo(rowIds);
    }

    [Fact]
    public void Lines_end_with_LF_only()
    {
        using (var writer = new ResultsWriter(ResultsPath))
        {
            writer.Append(Row("row-1"));
            writer.Append(Row("row-2"));
        }

        byte[] bytes = ReadBytes();

        bytes.Should().NotContain((byte)'\r');
        bytes.Count(b => b == (byte)'\n').Should().Be(2);
        bytes[^1].Should().Be((byte)'\n');
    }

    [Fact]
    public void The_file_has_no_byte_order_mark()
    {
        using (var writer = new ResultsWriter(ResultsPath))
        {
            writer.Append(Row("row-1"));
        }

        ReadBytes()[0].Should().Be((byte)'{');
    }

    [Fact]
    public void Non_ASCII_text_is_written_as_readable_UTF8()
    {
        using (var writer = new ResultsWriter(ResultsPath))
        {
            writer.Append(Row("row-1", output: "Ångström café 東京", prompt: "¿Cuántos días?"));
        }

        string text = Encoding.UTF8.GetString(ReadBytes());

        text.Should().Contain("Ångström café 東京").And.Contain("¿Cuántos días?");
    }

    [Fact]
    public void Each_line_uses_camel_case_names_and_omits_null_fields()
    {
        using (var writer = new ResultsWriter(ResultsPath))
        {
            writer.Append(Row("row-1"));
        }

        using JsonDocument document = JsonDocument.Parse(ReadLines().Single());
        JsonElement root = document.RootElement;

        root.GetProperty("rowId").GetString().Should().Be("row-1");
        root.GetProperty("checks")[0].GetProperty("verdicts")[0].GetProperty("judge").GetString().Should().Be("expected-answer");
        root.TryGetProperty("followUpPrompt", out _).Should().BeFalse();
        root.TryGetProperty("RowId", out _).Should().BeFalse();
    }

    [Fact]
    public void A_second_writer_for_the_same_run_folder_is_refused_and_the_first_file_is_kept()
    {
        using (var first = new ResultsWriter(ResultsPath))
        {
            first.Append(Row("row-1"));
        }

        // Appends from two processes can interleave; a reused run id must not mix two runs in one file.
        Action second = () => new ResultsWriter(ResultsPath).Dispose();

        second.Should().Throw<EvalConfigurationException>().WithMessage("*already has a results.jsonl*EVALSPEC_RUNID*");
        ReadLines().Should().ContainSingle();
    }

    [Fact]
    public void Each_line_is_on_disk_as_soon_as_it_is_appended()
    {
        using var writer = new ResultsWriter(ResultsPath);

        writer.Append(Row("row-1"));

        ReadLines().Should().ContainSingle();
    }

    [Fact]
    public void Appending_after_disposal_is_an_error()
    {
        var writer = new ResultsWriter(ResultsPath);
        writer.Dispose();

        Action append = () => writer.Append(Row("row-1"));

        append.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Disposing_twice_is_harmless()
    {
        var writer = new ResultsWriter(ResultsPath);
        writer.Dispose();

        Action disposeAgain = writer.Dispose;

        disposeAgain.Should().NotThrow();
    }
}
