using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Model prices in US dollars per million tokens, read from a JSON file that maps a model id (or a judge name) to its
/// input and output price: <c>{ "gpt-4o-mini": { "input": 0.15, "output": 0.60 } }</c> (or evalspec.json's <c>Prices</c>).
/// Model ids match exactly, then ignoring case, then the longest key the id starts with followed by <c>-</c> and a digit (a
/// provider's dated id: <c>gpt-4o-mini</c> prices <c>gpt-4o-mini-2024-07-18</c>, but <c>gpt-4o</c> never prices <c>gpt-4o-mini</c>).
/// </summary>
internal sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    private PriceTable(Dictionary<string, ModelPrice> prices) => _prices = prices;

    /// <summary>The file the prices came from.</summary>
    public string? Path { get; private init; }

    public static PriceTable From(IReadOnlyDictionary<string, ModelPrice> prices) => new(new Dictionary<string, ModelPrice>(prices, StringComparer.Ordinal));

    /// <exception cref="RunDataException">The file is missing or not a price table; the message names the entry at fault.</exception>
    public static PriceTable Load(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new RunDataException($"The price table {path} does not exist. It maps model ids to USD per million tokens: {{ \"gpt-4o-mini\": {{ \"input\": 0.15, \"output\": 0.60 }} }}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(full), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RunDataException($"The price table {path} is not valid JSON ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunDataException($"The price table {path} cannot be read: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RunDataException($"The price table {path} must be a JSON object mapping model ids to {{ \"input\": <USD per 1M tokens>, \"output\": <USD per 1M tokens> }}.");
            }

            var prices = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
            foreach (JsonProperty model in document.RootElement.EnumerateObject())
            {
                if (model.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new RunDataException($"The price table {path}: \"{model.Name}\" must be an object {{ \"input\": <USD per 1M tokens>, \"output\": <USD per 1M tokens> }}.");
                }

                prices[model.Name] = new ModelPrice(Price(model, "input", path), Price(model, "output", path));
            }

            return new PriceTable(prices) { Path = full };
        }
    }

    /// <summary>The price of <paramref name="model"/>, or null when the table does not list it.</summary>
    public ModelPrice? Find(string model)
    {
        if (_prices.TryGetValue(model, out ModelPrice? price))
        {
            return price;
        }

        foreach (KeyValuePair<string, ModelPrice> entry in _prices)
        {
            if (string.Equals(entry.Key, model, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        ModelPrice? versioned = null;
        int longest = 0;
        foreach (KeyValuePair<string, ModelPrice> entry in _prices)
        {
            if (entry.Key.Length > longest && model.Length > entry.Key.Length + 1 && model[entry.Key.Length] == '-' && char.IsAsciiDigit(model[entry.Key.Length + 1]) && model.StartsWith(entry.Key, StringComparison.OrdinalIgnoreCase))
            {
                versioned = entry.Value;
                longest = entry.Key.Length;
            }
        }

        return versioned;
    }

    /// <summary>The price of one judge's verdict: by the model it named when the table lists it, else by the judge's name.</summary>
    public ModelPrice? PriceOf(string judge, string? model) => (model is null ? null : Find(model)) ?? Find(judge);

    private static double Price(JsonProperty model, string property, string path) =>
        model.Value.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double price) && price >= 0
            ? price
            : throw new RunDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"The price table {path}: \"{model.Name}\".{property} must be a non-negative number of US dollars per million {property} tokens."));
}
