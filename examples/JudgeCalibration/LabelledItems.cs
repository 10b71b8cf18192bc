using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace JudgeCalibration;

/// <summary>A labelled item: an instruction, two outputs, which one people judged better, and what each judge answered.</summary>
public sealed record LabelledItem(string Id, string Instruction, string Output1, string Output2, int Label, IReadOnlyDictionary<string, RecordedAnswers> Judges);

/// <summary>A judge's recorded answers with output 1 shown first (unswapped) and output 2 shown first (swapped).</summary>
public sealed record RecordedAnswers(string Unswapped, string Swapped);

/// <summary>The vendored LLMBar subset (data/README.md).</summary>
public static class LabelledItems
{
    private static readonly Dictionary<string, LabelledItem> Items = Load();

    public static LabelledItem Get(string id) => Items[id];

    private static Dictionary<string, LabelledItem> Load()
    {
        using Stream stream = typeof(LabelledItems).Assembly.GetManifestResourceStream("JudgeCalibration.llmbar-subset.json")!;
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(e => new LabelledItem(
            e.GetProperty("id").GetString()!,
            e.GetProperty("input").GetString()!,
            e.GetProperty("output_1").GetString()!,
            e.GetProperty("output_2").GetString()!,
            e.GetProperty("label").GetInt32(),
            e.GetProperty("judges").EnumerateObject().ToDictionary(
                j => j.Name,
                j => new RecordedAnswers(j.Value.GetProperty("unswapped").GetString()!, j.Value.GetProperty("swapped").GetString()!))))
            .ToDictionary(i => i.Id);
    }
}
