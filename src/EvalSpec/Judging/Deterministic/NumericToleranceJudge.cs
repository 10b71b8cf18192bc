using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check that the number in the output equals an expected value within a tolerance.
/// </summary>
/// <remarks>
/// <para>
/// Where the number comes from: by default the <em>last</em> number written in the output (answers tend to
/// end with the result: "... so the total is 42"); with <see cref="JsonProperty"/>, a property of the output
/// parsed as JSON; with <see cref="Pattern"/>, the last match of a regular expression. Numbers are read the
/// invariant way: <c>.</c> is the decimal point, <c>,</c> separates thousands in groups of three, an exponent
/// such as <c>1e-3</c> is allowed; a unit or percent sign after the number is ignored (<c>30%</c> reads 30).
/// </para>
/// <para>
/// The expected value is the one given to the constructor or, when none is, the single number in the case's
/// expected answer (<see cref="JudgeRequest.Expected"/>); an expected answer with no number or several numbers
/// gives an inconclusive verdict. The output passes when
/// <c>|actual - expected| &lt;= max(AbsoluteTolerance, RelativeTolerance * |expected|)</c>; with both
/// tolerances 0 (the default) the numbers must be equal. No number in the output fails, and says so.
/// The score is 1 for a pass and 0 for a fail.
/// </para>
/// </remarks>
public sealed class NumericToleranceJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "numeric-tolerance";

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly string[]? _pointerSegments;
    private readonly Regex? _pattern;

    /// <summary>Creates the judge.</summary>
    /// <param name="expected">
    /// The expected value, or <see langword="null"/> to take the number in each case's expected answer.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is NaN or infinite.</exception>
    public NumericToleranceJudge(double? expected = null)
    {
        if (expected is double value && !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), value, "The expected value must be a finite number.");
        }

        Expected = expected;
    }

    /// <summary>The expected value, or <see langword="null"/> when it comes from <see cref="JudgeRequest.Expected"/>.</summary>
    public double? Expected { get; }

    /// <summary>The largest accepted absolute difference. Default: 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double AbsoluteTolerance
    {
        get;
        init => field = ValidateTolerance(value);
    }

    /// <summary>The largest accepted difference as a share of |expected| (0.01 is 1%). Default: 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double RelativeTolerance
    {
        get;
        init => field = ValidateTolerance(value);
    }

    /// <summary>
    /// Reads the number from this property of the output parsed as JSON, instead of from the text: a JSON
    /// Pointer (RFC 6901) such as <c>/total</c> or <c>/items/0/price</c>, or a bare property name such as
    /// <c>total</c> for a top-level property. The property must be a JSON number or a string holding exactly
    /// one number. Cannot be combined with <see cref="Pattern"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, or <see cref="Pattern"/> is set too.</exception>
    public string? JsonProperty
    {
        get;
        init
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("The JSON property must not be empty.", nameof(value));
            }

            if (value is not null && Pattern is not null)
            {
                throw new ArgumentException("Set either JsonProperty or Pattern, not both.", nameof(value));
            }

            field = value;
            _pointerSegments = value is null ? null : ParsePointer(value);
        }
    }

    /// <summary>
    /// Reads the number from the last match of this .NET regular expression, instead of the last number in
    /// the text: from its group named <c>value</c> if it has one, else from group 1 if it has groups, else
    /// from the whole match. The text captured must contain a number (the last one is taken). Matched with a
    /// one-second timeout. Cannot be combined with <see cref="JsonProperty"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is invalid (the message names it), or <see cref="JsonProperty"/> is set too.</exception>
    public string? Pattern
    {
        get;
        init
        {
            if (value is not null && JsonProperty is not null)
            {
                throw new ArgumentException("Set either JsonProperty or Pattern, not both.", nameof(value));
            }

            _pattern = value is null ? null : RegexJudge.Compile(value, RegexOptions.CultureInvariant, PatternTimeout, nameof(value));
            field = value;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several numeric judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request));
    }

    private Verdict Judge(JudgeRequest request)
    {
        double expected;
        if (Expected is double given)
        {
            expected = given;
        }
        else if (request.Expected is null)
        {
            return Verdict.Inconclusive(Name, "no expected value: the judge was created without one and the case has no expected answer; set Expected on the [Case] or pass the value to the judge");
        }
        else
        {
            IReadOnlyList<(double Value, string Text)> numbers = NumberText.FindAll(request.Expected);
            if (numbers.Count != 1)
            {
                string found = numbers.Count == 0 ? "no number" : string.Create(CultureInfo.InvariantCulture, $"{numbers.Count} numbers ({string.Join(", ", numbers.Select(n => n.Text))})");
                return Verdict.Inconclusive(Name, $"the expected answer \"{request.Expected}\" contains {found}; it must contain exactly one, or pass the expected value to the judge");
            }

            expected = numbers[0].Value;
        }

        double allowed = Math.Max(AbsoluteTolerance, RelativeTolerance * Math.Abs(expected));
        string expectation = DescribeExpectation(expected, allowed);
        Extraction extraction = Extract(request.Output);
        if (extraction.Inconclusive is not null)
        {
            return Verdict.Inconclusive(Name, extraction.Inconclusive);
        }

        if (extraction.Value is not double actual)
        {
            return Verdict.Fail(Name, 0.0, $"{extraction.Failure}; {expectation}");
        }

        double difference = Math.Abs(actual - expected);
        string detail = $"found {NumberText.Format(actual)} ({extraction.Source}); {expectation}; the difference is {NumberText.Format(difference)}";
        return difference <= allowed
            ? Verdict.Pass(Name, 1.0, detail)
            : Verdict.Fail(Name, 0.0, detail + ", outside the tolerance");
    }

    private Extraction Extract(string output)
    {
        if (_pointerSegments is not null)
        {
            return ExtractFromJson(output, _pointerSegments);
        }

        if (_pattern is not null)
        {
            return ExtractWithPattern(output, _pattern);
        }

        IReadOnlyList<(double Value, string Text)> numbers = NumberText.FindAll(output);
        if (numbers.Count == 0)
        {
            return Extraction.Failed(output.Length == 0 ? "the output is empty, so it has no number" : "no number found in the output");
        }

        return Extraction.Found(
            numbers[^1].Value,
            numbers.Count == 1 ? "the only number in the output" : string.Create(CultureInfo.InvariantCulture, $"the last of {numbers.Count} numbers in the output"));
    }

    private Extraction ExtractWithPattern(string output, Regex pattern)
    {
        Match? last = null;
        try
        {
            for (Match match = pattern.Match(output); match.Success; match = match.NextMatch())
            {
                last = match;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return Extraction.Undecided(string.Create(
                CultureInfo.InvariantCulture,
                $"matching /{Pattern}/ against the output ({output.Length} characters) took longer than {PatternTimeout.TotalSeconds:0} s; simplify the pattern"));
        }

        if (last is null)
        {
            return Extraction.Failed($"the output has no match of /{Pattern}/");
        }

        int valueGroup = pattern.GroupNumberFromName("value");
        Group group = valueGroup >= 0 ? last.Groups[valueGroup] : last.Groups.Count > 1 ? last.Groups[1] : last.Groups[0];
        IReadOnlyList<(double Value, string Text)> numbers = NumberText.FindAll(group.Value);
        return numbers.Count == 0
            ? Extraction.Failed($"the last match of /{Pattern}/ captured {TextSnippets.Quote(group.Value)}, which has no number")
            : Extraction.Found(numbers[^1].Value, $"captured by /{Pattern}/");
    }

    private static Extraction ExtractFromJson(string output, string[] segments)
    {
        string pointer = "/" + string.Join("/", segments.Select(s => s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException ex)
        {
            return Extraction.Failed($"the output is not valid JSON ({ex.Message}), so property {pointer} could not be read");
        }

        using (document)
        {
            JsonElement element = document.RootElement;
            foreach (string segment in segments)
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out JsonElement property))
                {
                    element = property;
                }
                else if (element.ValueKind == JsonValueKind.Array
                    && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    return Extraction.Failed($"the output JSON has no property {pointer}");
                }
            }

            string source = "property " + pointer;
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double number) && double.IsFinite(number))
            {
                return Extraction.Found(number, source);
            }

            if (element.ValueKind == JsonValueKind.String && NumberText.TryParseExact(element.GetString()!, out double parsed) && double.IsFinite(parsed))
            {
                return Extraction.Found(parsed, source + ", a string");
            }

            return Extraction.Failed($"property {pointer} of the output is {TextSnippets.Quote(element.GetRawText())}, not a number");
        }
    }

    private static string DescribeExpectation(double expected, double allowed) =>
        allowed == 0
            ? $"expected exactly {NumberText.Format(expected)}"
            : $"expected {NumberText.Format(expected)} \u00b1 {NumberText.Format(allowed)}";

    private static double ValidateTolerance(double value) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A tolerance must be a finite number of at least 0.");

    private static string[] ParsePointer(string value)
    {
        if (!value.StartsWith('/'))
        {
            return [value];
        }

        return value[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>The number read from an output, or why none could be.</summary>
    private readonly record struct Extraction(double? Value, string Source, string? Failure, string? Inconclusive)
    {
        public static Extraction Found(double value, string source) => new(value, source, null, null);

        public static Extraction Failed(string failure) => new(null, string.Empty, failure, null);

        public static Extraction Undecided(string reason) => new(null, string.Empty, null, reason);
    }
}
