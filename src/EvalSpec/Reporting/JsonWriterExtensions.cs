using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvalSpec.Reporting;

/// <summary>
/// Small writes the JSON reports share (the gate result, the comparison of runs).
/// </summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes <paramref name="value"/> rounded to <paramref name="digits"/> decimals, or null.</summary>
    public static void WriteRounded(this Utf8JsonWriter json, string name, double? value, int digits)
    {
        if (value is double number)
        {
            json.WriteNumber(name, Math.Round(number, digits));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
