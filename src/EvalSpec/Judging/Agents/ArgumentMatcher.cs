using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// A condition on the arguments of a tool call, for <see cref="ToolCallExpectation"/>: an argument equals a value,
/// contains text, matches a pattern, is a number within a tolerance, or the arguments contain a JSON subset.
/// </summary>
/// <remarks>
/// Arguments are read as the canonical JSON object EvalSpec builds from the call (see <c>AgentToolCall.Arguments</c>).
/// An argument is a top-level property, named exactly (ordinal, no case folding). Text comparisons are ordinal;
/// nothing is normalised, so a look-alike character never matches.
/// </remarks>
public abstract class ArgumentMatcher
{
    /// <summary>How long one regular-expression match may run.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private const int QuoteLimit = 120;

    private static readonly JsonSerializerOptions ExactNames = new();

    /// <summary>Creates a matcher.</summary>
    /// <param name="argument">The argument the matcher reads, or <see langword="null"/> for the whole arguments object.</param>
    protected ArgumentMatcher(string? argument)
    {
        if (argument is not null && argument.Length == 0)
        {
            throw new ArgumentException("An argument name must not be empty (use null for the whole arguments object).", nameof(argument));
        }

        Argument = argument;
    }

    /// <summary>The argument the matcher reads, or <see langword="null"/> for the whole arguments object.</summary>
    public string? Argument { get; }

    /// <summary>The argument equals <paramref name="value"/> as JSON: strings ordinally, numbers by value (1 equals 1.0), objects and arrays deeply.</summary>
    /// <param name="argument">The argument's name.</param>
    /// <param name="value">The expected value: a string, number, boolean, null, or anything that serialises to JSON.</param>
    /// <returns>The matcher.</returns>
    public static ArgumentMatcher EqualTo(string argument, object? value) =>
        new JsonValueMatcher(Required(argument), ToElement(value), subset: false);

    /// <summary>The argument is a string that contains <paramref name="text"/> (ordinal; <paramref name="ignoreCase"/> for ordinal case-insensitive).</summary>
    /// <param name="argument">The argument's name.</param>
    /// <param name="text">The text to find.</param>
    /// <param name="ignoreCase">Whether to ignore letter case (ordinal, no culture).</param>
    /// <returns>The matcher.</returns>
    public static ArgumentMatcher Contains(string argument, string text, bool ignoreCase = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new ContainsMatcher(Required(argument), text, ignoreCase);
    }

    /// <summary>The argument is a string that <paramref name="pattern"/> matches (culture-invariant, 1 s timeout).</summary>
    /// <param name="argument">The argument's name.</param>
    /// <param name="pattern">The regular expression; anchor it (<c>^...$</c>) to match the whole value.</param>
    /// <param name="options">Regex options; <see cref="RegexOptions.CultureInvariant"/> is always added.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static ArgumentMatcher Matches(string argument, string pattern, RegexOptions options = RegexOptions.None)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Regex regex;
        try
        {
            regex = new Regex(pattern, options | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The pattern for argument '{argument}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }

        return new RegexMatcher(Required(argument), regex);
    }

    /// <summary>
    /// The arguments (or one argument) contain <paramref name="json"/>: every property of an expected object is present
    /// with a matching value (other properties may be there too); arrays have the same length and match element by element;
    /// other values are equal as in <see cref="EqualTo"/>.
    /// </summary>
    /// <param name="json">The expected subset, as JSON text (for example <c>{"order": {"id": "A-17"}}</c>).</param>
    /// <param name="argument">The argument to compare, or <see langword="null"/> for the whole arguments object.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
    public static ArgumentMatcher JsonSubset(string json, string? argument = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement expected;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            expected = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The expected JSON subset{(argument is null ? string.Empty : " for argument '" + argument + "'")} is not valid JSON: {ex.Message}", nameof(json), ex);
        }

        return new JsonValueMatcher(argument, expected, subset: true);
    }

    /// <summary>The argument is a number (or a string holding exactly one invariant-culture number) within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    /// <param name="argument">The argument's name.</param>
    /// <param name="expected">The expected value.</param>
    /// <param name="tolerance">The largest accepted absolute difference (0 for exact).</param>
    /// <returns>The matcher.</returns>
    public static ArgumentMatcher Near(string argument, double expected, double tolerance)
    {
        if (!double.IsFinite(expected))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected, "The expected number must be finite.");
        }

        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a finite number of at least 0.");
        }

        return new NearMatcher(Required(argument), expected, tolerance);
    }

    /// <summary>Checks one call's arguments.</summary>
    /// <param name="arguments">The call's arguments (a JSON object).</param>
    /// <returns>Whether they match, and what was found.</returns>
    /// <exception cref="RegexMatchTimeoutException">A pattern took longer than <see cref="RegexTimeout"/>.</exception>
    public ArgumentMatch Match(JsonElement arguments)
    {
        if (Argument is null)
        {
            return MatchValue(arguments);
        }

        if (arguments.ValueKind != JsonValueKind.Object || !TryGetExact(arguments, Argument, out JsonElement value))
        {
            return new ArgumentMatch(false, "no argument \"" + Argument + "\"");
        }

        return MatchValue(value);
    }

    /// <summary>Checks the value the matcher reads (the argument, or the whole arguments object).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it matches, and what was found.</returns>
    protected abstract ArgumentMatch MatchValue(JsonElement value);

    /// <summary>A short quotation of a JSON value for reasons.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The quotation, cut at 120 characters.</returns>
    protected static string Quote(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= QuoteLimit ? text : text[..QuoteLimit] + "... (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }

    /// <summary>The name of what is read, for reasons: <c>id</c> or <c>the arguments</c>.</summary>
    protected string Subject => Argument ?? "the arguments";

    private static string Required(string argument)
    {
        ArgumentException.ThrowIfNullOrEmpty(argument);
        return argument;
    }

    // Ordinal and exact: a property named with another case or a look-alike letter is another argument. JSON allows
    // duplicate names; the last one wins, as in most parsers that the tool itself would use.
    private static bool TryGetExact(JsonElement obj, string name, out JsonElement value)
    {
        bool found = false;
        value = default;
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    private static JsonElement ToElement(object? value) => value switch
    {
        JsonElement element => element.Clone(),
        // No naming policy: the property names written are the ones compared (a tool's argument names are exact).
        _ => JsonSerializer.SerializeToElement(value, ExactNames),
    };

    internal static bool JsonMatches(JsonElement expected, JsonElement actual, bool subset)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (expected.TryGetDecimal(out decimal e) && actual.TryGetDecimal(out decimal a))
            {
                return e == a;
            }

            return expected.TryGetDouble(out double ed) && actual.TryGetDouble(out double ad) && double.IsFinite(ed) && ed == ad;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                return expected.GetArrayLength() == actual.GetArrayLength()
                    && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => JsonMatches(pair.First, pair.Second, subset));
            case JsonValueKind.Object:
                var actualProperties = actual.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
                int expectedCount = 0;
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    expectedCount++;
                    if (!actualProperties.TryGetValue(property.Name, out JsonElement value) || !JsonMatches(property.Value, value, subset))
                    {
                        return false;
                    }
                }

                return subset || expectedCount == actualProperties.Count;
            default:
                return true; // true, false, null: equal kinds are equal values
        }
    }

    private sealed class JsonValueMatcher(string? argument, JsonElement expected, bool subset) : ArgumentMatcher(argument)
    {
        protected override ArgumentMatch MatchValue(JsonElement value) =>
            JsonMatches(expected, value, subset)
                ? new ArgumentMatch(true, Subject + " " + (subset ? "contains " : "equals ") + Quote(expected))
                : new ArgumentMatch(false, Subject + " was " + Quote(value));

        public override string ToString() => Subject + (subset ? " contains JSON " : " equals ") + Quote(expected);
    }

    private sealed class ContainsMatcher(string argument, string text, bool ignoreCase) : ArgumentMatcher(argument)
    {
        protected override ArgumentMatch MatchValue(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return new ArgumentMatch(false, Subject + " is not a string: " + Quote(value));
            }

            bool found = value.GetString()!.Contains(text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            return new ArgumentMatch(found, Subject + " was " + Quote(value));
        }

        public override string ToString() => Subject + " contains \"" + text + "\"" + (ignoreCase ? " (ignoring case)" : string.Empty);
    }

    private sealed class RegexMatcher(string argument, Regex regex) : ArgumentMatcher(argument)
    {
        protected override ArgumentMatch MatchValue(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return new ArgumentMatch(false, Subject + " is not a string: " + Quote(value));
            }

            return new ArgumentMatch(regex.IsMatch(value.GetString()!), Subject + " was " + Quote(value));
        }

        public override string ToString() => Subject + " matches /" + regex + "/";
    }

    private sealed class NearMatcher(string argument, double expected, double tolerance) : ArgumentMatcher(argument)
    {
        protected override ArgumentMatch MatchValue(JsonElement value)
        {
            double actual;
            if (value.ValueKind == JsonValueKind.Number)
            {
                if (!value.TryGetDouble(out actual) || !double.IsFinite(actual))
                {
                    return new ArgumentMatch(false, Subject + " is out of range: " + Quote(value));
                }
            }
            else if (value.ValueKind != JsonValueKind.String
                || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out actual)
                || !double.IsFinite(actual))
            {
                return new ArgumentMatch(false, Subject + " is not a number: " + Quote(value));
            }

            return new ArgumentMatch(Within(value, actual), Subject + " was " + Quote(value));
        }

        // Decimal arithmetic where the figures fit, so that 20.0 is within 0.01 of 19.99 as a person reads it (in binary
        // floating point the difference is 0.010000000000001563).
        private bool Within(JsonElement value, double actual)
        {
            bool exact = value.ValueKind == JsonValueKind.Number
                ? value.TryGetDecimal(out decimal actualDecimal)
                : decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out actualDecimal);
            if (exact && Math.Abs(expected) < 1e15 && tolerance < 1e15)
            {
                return Math.Abs(actualDecimal - (decimal)expected) <= (decimal)tolerance;
            }

            return Math.Abs(actual - expected) <= tolerance;
        }

        public override string ToString() =>
            Subject + " is " + expected.ToString("R", CultureInfo.InvariantCulture) + " ± " + tolerance.ToString("R", CultureInfo.InvariantCulture);
    }
}
