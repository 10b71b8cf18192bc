using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

/// <summary>What every built-in relation promises, whatever it does.</summary>
public sealed class BuiltInRelationsTests
{
    private static readonly string[] OtherPrompts = { "How long can I send back my laptop?", "Refund window for a laptop, please." };

    private static readonly Type[] RelationTypes =
    {
        typeof(Typos), typeof(Lowercase), typeof(WhitespaceNoise), typeof(PunctuationNoise),
        typeof(CharacterSwap), typeof(CharacterDrop), typeof(CharacterInsert), typeof(Uppercase), typeof(RandomCase),
        typeof(Homoglyphs), typeof(Accents), typeof(Synonyms), typeof(Contractions), typeof(NumberFormat), typeof(FillerWords),
        typeof(DistractorSentence), typeof(SentenceReorder), typeof(InstructionParaphrase), typeof(PromptInjection),
        typeof(NameSwap), typeof(NationalitySwap), typeof(Repeat), typeof(Negation), typeof(Counterfactual),
    };

    public static TheoryData<Type> Relations() => new(RelationTypes);

    /// <summary>Inputs that have broken text code before: blanks, scripts, surrogates, marks, controls, digits.</summary>
    private static readonly string[] OddInputs =
    {
        string.Empty,
        " ",
        "\t\n\r ",
        "Ångström café 東京",
        "😀👍🏽 emoji 🇩🇪 flags",
        "\uD800 lone \uDC00 surrogates \uD83D",
        "cafe\u0301 nai\u0308ve combining",
        "مرحبا، هل يمكنني إرجاع الحاسوب؟",
        "\0\u0001\u001F control \u200B zero width",
        "1,2,3 4.5.6 $ % # 1e5 -3 +4 ١٢٣ 1,00,000",
        new string('9', 1000),
        "a",
        "I",
        "...???!!!",
        "Mr. Dr. e.g. i.e. etc.",
        "'''''' ’’’ \"\"\"",
        "don't can't won't isn't",
        "  leading and trailing  ",
        "UPPER CASE ONLY",
        "\u0130stanbul \u0131 \u212A",
    };

    private static IEnumerable<Type> AllRelationTypes() =>
        typeof(IMetamorphicRelation).Assembly.GetExportedTypes().Where(type => typeof(IMetamorphicRelation).IsAssignableFrom(type) && !type.IsInterface);

    private static IMetamorphicRelation Create(Type type) => (IMetamorphicRelation)Activator.CreateInstance(type)!;

    [Fact]
    public void The_theory_data_lists_every_public_relation()
    {
        AllRelationTypes().Should().BeEquivalentTo(RelationTypes);
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void A_relation_is_a_public_sealed_class_with_a_public_parameterless_constructor(Type type)
    {
        type.IsPublic.Should().BeTrue();
        type.IsSealed.Should().BeTrue();
        type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes).Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void Odd_inputs_never_make_a_relation_throw(Type type)
    {
        IMetamorphicRelation relation = Create(type);

        foreach (string input in OddInputs)
        {
            foreach (string rowId in RowIdSet.Fifty.Take(10))
            {
                Action transform = () => relation.Transform(input, new MetamorphicContext(rowId, OtherPrompts));

                transform.Should().NotThrow($"{type.Name} on \"{input}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void Random_soups_of_lexicon_words_numbers_units_and_punctuation_never_make_a_relation_throw(Type type)
    {
        IMetamorphicRelation relation = Create(type);
        var random = new SeededRandom(2024);

        for (int i = 0; i < 3000; i++)
        {
            string input = Soup(random);
            Action transform = () => relation.Transform(input, new MetamorphicContext("row" + i, OtherPrompts));

            transform.Should().NotThrow($"{type.Name} on \"{input}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void Odd_inputs_give_well_formed_UTF16_when_the_input_was_well_formed(Type type)
    {
        IMetamorphicRelation relation = Create(type);

        foreach (string input in OddInputs.Where(IsWellFormed))
        {
            foreach (string rowId in RowIdSet.Fifty.Take(10))
            {
                string output = relation.Transform(input, new MetamorphicContext(rowId, OtherPrompts));

                IsWellFormed(output).Should().BeTrue($"{type.Name} split a surrogate pair of \"{input}\": \"{output}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void A_relation_that_changes_the_input_notes_what_it_changed(Type type)
    {
        // The four older relations predate notes.
        if (type == typeof(Typos) || type == typeof(Lowercase) || type == typeof(WhitespaceNoise) || type == typeof(PunctuationNoise))
        {
            return;
        }

        IMetamorphicRelation relation = Create(type);
        foreach (string input in OddInputs.Append(Sample))
        {
            var context = new MetamorphicContext("row", OtherPrompts);

            string output = relation.Transform(input, context);

            if (!string.Equals(output, input, StringComparison.Ordinal))
            {
                context.Notes.Should().NotBeEmpty($"{type.Name} changed \"{input}\" into \"{output}\"");
                context.Notes.Values.Should().OnlyContain(note => note.Length > 0 && note.Length <= 2000);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void A_relation_that_does_not_apply_leaves_no_note(Type type)
    {
        IMetamorphicRelation relation = Create(type);
        foreach (string input in OddInputs.Append(Sample))
        {
            var context = new MetamorphicContext("row", OtherPrompts);

            string output = relation.Transform(input, context);

            // Repeat is the one relation that applies without changing the input; it says so in a note.
            if (string.Equals(output, input, StringComparison.Ordinal) && type != typeof(Repeat))
            {
                context.Notes.Should().BeEmpty($"{type.Name} left \"{input}\" unchanged, so it did not apply");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void A_relation_applies_to_an_ordinary_support_question(Type type)
    {
        string output = Create(type).Transform(Sample, new MetamorphicContext("row", OtherPrompts));

        if (type == typeof(Repeat))
        {
            output.Should().Be(Sample);
        }
        else
        {
            output.Should().NotBe(Sample, $"{type.Name} should find something to change in a typical question");
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public void Null_input_is_rejected(Type type)
    {
        Action transform = () => Create(type).Transform(null!, new MetamorphicContext("row"));

        transform.Should().Throw<ArgumentNullException>();
    }

    // Has names, a nationality, numbers, synonyms, contractions, an auxiliary, several statements and a final question.
    private const string Sample =
        "Hi, I'm Maria, a German customer. I bought a laptop 3 days ago for $1200. The screen is broken. " +
        "My husband says it doesn't charge either. Can I return it within 30 days?";

    private static readonly string[] LexiconTokens = SynonymLexicon.Alternatives.Keys
        .Concat(ContractionLexicon.Pairs.SelectMany(pair => new[] { pair.Contracted, pair.Expanded }))
        .Concat(NameLexicon.Female).Concat(NameLexicon.Male).Concat(NameLexicon.Neutral).Concat(NameLexicon.Terms.Keys)
        .Concat(NationalityLexicon.Countries.SelectMany(country => new[] { country.Country, country.Adjective }))
        .Concat(NumberWords.Words)
        .ToArray();

    // Tokens that relations treat specially; drawn more often than lexicon words so that they meet each other.
    private static readonly string[] TrickyTokens =
        {
            "is", "are", "can", "do", "did", "has", "have", "not", "n't", "cannot", "it", "her", "his", "a", "an", "I", "Mr", "Ms.",
            "0", "1", "3", "20", "21", "1000", "1,000", "1,0000", "$49", "€49.99", "15%", "2.5", "2024", "007", "1e5", "-3", "#12",
            "3:30", "2024-01-03", "v2", "A4", new string('9', 30), "days", "day", "business", "Working", "business days", "Working Day", "years", "kg", "GB",
            ".", "?", "!", ",", ";", ":", "'", "’", "\"", "-", "(", ")", "...", "…", "e.g.", "\n", "\t", "  ",
            "é", "e\u0301", "Ångström", "東京", "😀", "\uD800", "\uDC00", "ß", "İ", "\u200B",
        };

    private static string Soup(Random random)
    {
        var text = new System.Text.StringBuilder();
        int length = random.Next(0, 25);
        for (int t = 0; t < length; t++)
        {
            string[] tokens = random.Next(3) == 0 ? LexiconTokens : TrickyTokens;
            string token = tokens[random.Next(tokens.Length)];
            text.Append(random.Next(4) switch
            {
                0 => token.ToUpperInvariant(),
                1 => token.Length > 0 ? char.ToUpperInvariant(token[0]) + token.Substring(1) : token,
                _ => token,
            });
            text.Append(random.Next(6) switch { 0 => string.Empty, 1 => "\n", _ => " " });
        }

        return text.ToString();
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
