using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using EvalSpec.Judging;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Counterfactual fact edit, meant for a context or document parameter: the first number in the text, with
/// its currency sign, percent sign or unit ("30 days", "$49", "2 years", "15%"), is raised to another
/// plausible value — times 1.5, 2 or 3, rounded to the original's decimals, or plus 1 to 9 when that gives the
/// same value — e.g. "30 days" -> "45 days". Its own check (<see cref="IRelationCheck"/>): the follow-up output
/// must state the new value and must not state the old one, i.e. the answer follows the edited context rather
/// than the model's memory (the MRKE idea). Use it as a directional relation on the context with
/// <see cref="Change.Increases"/> (the value always goes up):
/// <c>[Directional&lt;Counterfactual&gt;(Parameter = "policy", Expect = Change.Increases)]</c>. The change check then
/// compares the number this relation edited, not the last number of each output: the source output must state the
/// original value and the follow-up output the edited one, which must have moved the expected way (so
/// <see cref="Change.Decreases"/> never holds for a faithful answer, and says why).
/// </summary>
/// <remarks>
/// <para>Only numbers written in digits are edited. Skipped: a four-digit number from 1900 to 2100 without a
/// currency, percent sign or unit (a year), numbers labelled as identifiers ("order 12345", "ticket: 4711"),
/// numbers inside codes, dates, times and words ("#123", "2024-01-03", "3:30", "A4"), numbers with a leading
/// zero and numbers of more than 15 digits. The unit's number follows the value ("1 day" -> "2 days"), except
/// after a number other than one ("a 30 day window" -> "a 45 day window").</para>
/// <para>The check compares numbers by value: "45", "45.00" and "45-day" state 45, "1,000" and "1000" are the
/// same, and the words zero to twenty count; "forty-five" does not. Not applicable (input returned
/// unchanged) when there is no number to edit. Notes: <c>["edited fact"]</c>, e.g. <c>"30 days -> 45 days"</c>,
/// read back by <see cref="Check"/>.</para>
/// </remarks>
public sealed partial class Counterfactual : IMetamorphicRelation, IRelationCheck, IConversationRelation
{
    /// <summary>In a conversation it changes the last user turn only, the one the system under test answers.</summary>
    public ConversationScope Scope => ConversationScope.LastUserTurn;

    internal const string FactNote = "edited fact";

    private const string Arrow = " -> ";

    private static readonly decimal[] Factors = { 1.5m, 2m, 3m };

    // Any form of a unit -> (singular, plural), lower case.
    private static readonly Dictionary<string, (string Singular, string Plural)> Units = BuildUnits();

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        foreach (Match match in Amount().Matches(input))
        {
            string number = match.Groups["number"].Value;
            string plain = number.Replace(",", string.Empty, StringComparison.Ordinal);
            bool hasSign = match.Groups["currency"].Success || match.Groups["percent"].Success;
            (string Text, int End)? unit = hasSign ? null : UnitAfter(input, match.Index + match.Length);
            if (plain.Length > 15
                || (plain.Length > 1 && plain[0] == '0' && plain[1] != '.')
                || (!hasSign && unit is null && (IsYear(plain) || NumberContext.IsLabelledIdentifier(input, match.Index))))
            {
                continue;
            }

            decimal value = decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            int decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            decimal edited = Edit(value, decimals, context.Random);
            string format = (number.Contains(',', StringComparison.Ordinal) ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
            string newNumber = edited.ToString(format, CultureInfo.InvariantCulture);

            int end = unit?.End ?? match.Index + match.Length;
            string oldText = input.Substring(match.Index, end - match.Index);
            string newText = match.Groups["currency"].Value + newNumber + match.Groups["percent"].Value;
            if (unit is (string unitText, int unitEnd))
            {
                // "days" or "business days": the last word takes the number.
                int lastWord = unitEnd - unitText.Length + unitText.LastIndexOf(' ') + 1;
                string word = input.Substring(lastWord, unitEnd - lastWord);
                // A singular unit after a number other than one is attributive ("a 30 day window") and stays singular.
                (string singular, string plural) = Units[word.ToLowerInvariant()];
                bool attributive = value != 1m && word.Equals(singular, StringComparison.OrdinalIgnoreCase) && !singular.Equals(plural, StringComparison.Ordinal);
                newText += input.Substring(match.Index + match.Length, lastWord - match.Index - match.Length)
                    + (attributive ? word : WordCase.Apply(word, edited == 1m ? singular : plural));
            }

            context.Notes[FactNote] = oldText + Arrow + newText;
            return TextEdit.Apply(input, new[] { new TextEdit(match.Index, end - match.Index, newText) });
        }

        return input;
    }

    /// <summary>
    /// Passes when the follow-up output states the edited value and not the original one; fails otherwise, naming
    /// both values. Inconclusive when the observation has no edited-fact note.
    /// </summary>
    /// <param name="observation">The relation row's inputs, outputs and notes.</param>
    /// <returns>The verdict, named after the relation.</returns>
    public Verdict Check(RelationObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);

        if (!observation.Notes.TryGetValue(FactNote, out string? fact) || ParseFact(fact) is not var (oldText, newText, oldValue, newValue))
        {
            return Verdict.Inconclusive(observation.Relation, "no edited fact was noted, so the input was not edited");
        }

        List<decimal> stated = Values(observation.FollowUpOutput);
        if (stated.Contains(oldValue))
        {
            return Verdict.Fail(observation.Relation, 0.0, $"the follow-up output still states the original value \"{oldText}\" although the context was edited to \"{newText}\": the answer follows memory, not the context");
        }

        if (!stated.Contains(newValue))
        {
            return Verdict.Fail(observation.Relation, 0.0, $"the follow-up output does not state the edited value \"{newText}\" (the context was edited from \"{oldText}\")");
        }

        return Verdict.Pass(observation.Relation, 1.0, $"the follow-up output follows the edited fact \"{fact}\": it states the new value and not the old one");
    }

    /// <summary>The edit a row's notes record (<c>["edited fact"] = "30 days -> 45 days"</c>), or null when they record none.</summary>
    internal static (string OldText, string NewText, decimal OldValue, decimal NewValue)? EditOf(IReadOnlyDictionary<string, string> notes) =>
        notes.TryGetValue(FactNote, out string? fact) ? ParseFact(fact) : null;

    /// <summary>The numbers a text states, by value: digits (with separators or decimals) and the words zero to twenty.</summary>
    internal static IReadOnlyList<decimal> StatedValues(string text) => Values(text);

    // "30 days -> 45 days" -> both sides and their values; null when the note is not in that form.
    private static (string OldText, string NewText, decimal OldValue, decimal NewValue)? ParseFact(string fact)
    {
        int arrow = fact.IndexOf(Arrow, StringComparison.Ordinal);
        if (arrow < 0)
        {
            return null;
        }

        string oldText = fact.Substring(0, arrow);
        string newText = fact.Substring(arrow + Arrow.Length);
        return FirstValue(oldText) is decimal oldValue && FirstValue(newText) is decimal newValue
            ? (oldText, newText, oldValue, newValue)
            : null;
    }

    private static decimal Edit(decimal value, int decimals, Random random)
    {
        decimal factor = Factors[random.Next(Factors.Length)];
        decimal edited = Math.Round(value * factor, decimals, MidpointRounding.AwayFromZero);
        return edited == value ? value + 1 + random.Next(9) : edited;
    }

    private static bool IsYear(string plain) =>
        plain.Length == 4 && int.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1900 && year <= 2100;

    // A known unit after one space (or no-break space): "days", "business days"; its text and end.
    private static (string Text, int End)? UnitAfter(string input, int end)
    {
        if (end + 1 >= input.Length || (input[end] != ' ' && input[end] != '\u00A0'))
        {
            return null;
        }

        int wordEnd = end + 1;
        while (wordEnd < input.Length && char.IsLetter(input[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd == end + 1 || !PhraseMatcher.IsWordEnd(input, wordEnd))
        {
            return null;
        }

        string word = input.Substring(end + 1, wordEnd - end - 1);
        if (word is "business" or "working" or "Business" or "Working")
        {
            (string Text, int End)? day = UnitAfter(input, wordEnd);
            return day is (string dayText, int dayEnd) && Units[dayText.ToLowerInvariant()].Singular == "day"
                ? (input.Substring(end + 1, dayEnd - end - 1), dayEnd)
                : null;
        }

        return Units.ContainsKey(word.ToLowerInvariant()) ? (word, wordEnd) : null;
    }

    private static decimal? FirstValue(string text)
    {
        List<decimal> values = Values(text);
        return values.Count > 0 ? values[0] : null;
    }

    // The numbers stated in a text: digits (with separators or decimals) and the words zero to twenty.
    private static List<decimal> Values(string text)
    {
        var values = new List<decimal>();
        foreach (Match match in StatedNumber().Matches(text))
        {
            string plain = match.Value.Replace(",", string.Empty, StringComparison.Ordinal);
            if (plain.Length <= 28 && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                values.Add(value);
            }
        }

        foreach ((int start, int length) in TextPerturbation.Words(text))
        {
            int value = NumberWords.ValueOf(text.Substring(start, length));
            if (value >= 0)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static Dictionary<string, (string, string)> BuildUnits()
    {
        (string Singular, string Plural)[] units =
        {
            ("day", "days"), ("week", "weeks"), ("month", "months"), ("year", "years"), ("hour", "hours"), ("minute", "minutes"),
            ("night", "nights"), ("dollar", "dollars"), ("euro", "euros"), ("pound", "pounds"), ("cent", "cents"),
            ("item", "items"), ("unit", "units"), ("user", "users"), ("seat", "seats"), ("device", "devices"),
            ("license", "licenses"), ("licence", "licences"), ("order", "orders"), ("time", "times"), ("person", "people"),
            ("payment", "payments"), ("installment", "installments"), ("ticket", "tickets"), ("page", "pages"),
            ("mile", "miles"), ("inch", "inches"), ("meter", "meters"), ("metre", "metres"), ("percent", "percent"),
            ("kg", "kg"), ("lb", "lbs"), ("gb", "gb"), ("mb", "mb"), ("tb", "tb"), ("km", "km"), ("cm", "cm"), ("mm", "mm"),
        };
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach ((string singular, string plural) in units)
        {
            table[singular] = (singular, plural);
            table[plural] = (singular, plural);
        }

        return table;
    }

    // A number with an optional currency sign before it and percent sign after it, not inside a word, code,
    // date, time or another number.
    [GeneratedRegex(@"(?<![\p{L}\p{N}\p{M}\p{Sc}_.,:/#+\-])(?<currency>\p{Sc})?(?<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?<percent>%)?(?![\p{L}\p{N}\p{M}_%]|[.,:/\-][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex StatedNumber();
}
