using TicketTriage;
using Xunit;

namespace TicketTriage.Evals;

/// <summary>The service reads model output; hostile answers must read as unknown, never as a plausible triage.</summary>
public sealed class TriageAnswerReadingTests
{
    [Theory]
    [InlineData("""{"category": "billing", "priority": "high"}""", "billing / high")]
    [InlineData("Sure! Here it is: {\"category\": \"Shipping\", \"priority\": \" urgent \"} Hope that helps.", "shipping / urgent")]
    [InlineData("""{"category": "billing", "priority": "high", "category": "shipping"}""", "unknown / high")]
    [InlineData("""{"category": "bіlling", "priority": "high"}""", "unknown / high")]
    [InlineData("""{"category": "refunds", "priority": "p1"}""", "unknown / unknown")]
    [InlineData("""{"category": 3, "priority": ["high"]}""", "unknown / unknown")]
    [InlineData("""It is not billing, so {"category": "shipping"} and then {"category": "billing"}""", "unknown / unknown")]
    [InlineData("""{"category": "billing", "priority": "high" """, "unknown / unknown")]
    [InlineData("", "unknown / unknown")]
    [InlineData("billing / high", "unknown / unknown")]
    public void A_model_answer_reads_as_its_one_json_object_or_as_unknown(string answer, string expected)
    {
        Assert.Equal(expected, TicketTriageService.Read(answer).ToString());
    }

    [Fact]
    public void A_huge_answer_is_read_without_trouble()
    {
        string answer = new string(' ', 1_000_000) + """{"category": "account", "priority": "low"}""" + new string('x', 1_000_000);

        Assert.Equal("account / low", TicketTriageService.Read(answer).ToString());
    }
}
