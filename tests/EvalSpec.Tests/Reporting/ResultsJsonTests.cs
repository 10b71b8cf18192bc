using System.Text.Json;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// Case arguments in results lines (<see cref="ResultsJson.ToElement"/>): a value JSON cannot hold as itself is written as
/// its text, so the row still gets its results line (a NaN argument used to throw while the row's result was written,
/// which left the row out of results.jsonl and summary.json).
/// </summary>
public sealed class ResultsJsonTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void NaN_and_infinities_are_written_as_their_text(object value, string text)
    {
        JsonElement element = ResultsJson.ToElement(value);

        element.ValueKind.Should().Be(JsonValueKind.String);
        element.GetString().Should().Be(text);
    }

    [Fact]
    public void Numbers_JSON_can_hold_stay_numbers()
    {
        ResultsJson.ToElement(-0.5).GetDouble().Should().Be(-0.5);
        ResultsJson.ToElement(decimal.MaxValue).GetDecimal().Should().Be(decimal.MaxValue);
    }
}
