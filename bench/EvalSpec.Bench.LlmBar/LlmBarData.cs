using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Bench.LlmBar;

/// <summary>One LLMBar item: an instruction, two outputs and the gold label (1 or 2: the better output).</summary>
internal sealed record LlmBarItem(int Index, string Instruction, string Output1, string Output2, int Label);

/// <summary>A judge's recorded completions for one item, without and with swapping (output 2 shown first).</summary>
internal sealed record RecordedJudgement(string Unswapped, string Swapped, string? WinnerUnswapped, string? WinnerSwapped);

/// <summary>LLMBar's own statistics for one judge and set (statistics.json), as fractions.</summary>
internal sealed record LlmBarStatistics(double CorrectUnswapped, double CorrectSwapped, double CorrectAverage, double CorrectBoth, double Equal);

/// <summary>Reads the LLMBar development data.</summary>
internal static class LlmBarData
{
    public static readonly string[] Sets = { "Natural", "Adversarial/Neighbor", "Adversarial/GPTInst", "Adversarial/GPTOut", "Adversarial/Manual" };

    public static IReadOnlyList<LlmBarItem> Items(string root, string set)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, set, "dataset.json")));
        return document.RootElement.EnumerateArray().Select((e, i) => new LlmBarItem(
            i,
            e.GetProperty("input").GetString()!,
            e.GetProperty("output_1").GetString()!,
            e.GetProperty("output_2").GetString()!,
            e.GetProperty("label").ValueKind == JsonValueKind.Number ? e.GetProperty("label").GetInt32() : int.Parse(e.GetProperty("label").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    public static IReadOnlyList<RecordedJudgement> Judgements(string root, string set, string judge, string strategy)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, set, "evaluators", judge, strategy, "result.json")));
        return document.RootElement.EnumerateArray().Select(e =>
        {
            JsonElement results = e.GetProperty("results")[0];
            JsonElement unswapped = results.GetProperty("swap = False");
            JsonElement swapped = results.GetProperty("swap = True");
            return new RecordedJudgement(
                unswapped.GetProperty("completion")[0].GetString() ?? string.Empty,
                swapped.GetProperty("completion")[0].GetString() ?? string.Empty,
                Winner(unswapped),
                Winner(swapped));
        }).ToArray();
    }

    public static LlmBarStatistics Statistics(string root, string set, string judge, string strategy)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, set, "evaluators", judge, strategy, "statistics.json")));
        JsonElement s = document.RootElement;
        return new LlmBarStatistics(Fraction(s, "correct_False"), Fraction(s, "correct_True"), Percent(s, "correct_average"), Fraction(s, "correct_both"), Fraction(s, "equal"));
    }

    private static string? Winner(JsonElement order) =>
        order.TryGetProperty("winner", out JsonElement winner) && winner.ValueKind == JsonValueKind.String ? winner.GetString() : null;

    // "79 / 100 = 79.0%"
    private static double Fraction(JsonElement s, string name)
    {
        string[] parts = s.GetProperty(name).GetString()!.Split(new[] { '/', '=' }, StringSplitOptions.TrimEntries);
        return double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) / double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Percent(JsonElement s, string name) =>
        double.Parse(s.GetProperty(name).GetString()!.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100;
}
