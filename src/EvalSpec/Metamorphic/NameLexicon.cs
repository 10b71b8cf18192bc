using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>
/// First names and gendered terms for <see cref="NameSwap"/>. Names come from many cultures; names that are
/// also common English words (Will, Mark, Grace, Rose, May, Bill, ...) or countries (Jordan, Georgia, Chad)
/// are left out so that a swap never hits something that is not a name.
/// </summary>
internal static class NameLexicon
{
    /// <summary>Female first names.</summary>
    public static readonly IReadOnlyList<string> Female = new[]
    {
        "Maria", "Emily", "Sarah", "Jessica", "Emma", "Olivia", "Sophia", "Anna", "Laura", "Julia",
        "Mary", "Linda", "Elena", "Sofia", "Lucia", "Chloe", "Isabella", "Charlotte", "Hannah", "Ingrid",
        "Aisha", "Fatima", "Zainab", "Leila", "Amina", "Priya", "Ananya", "Lakshmi", "Mei", "Xiu",
        "Yuki", "Sakura", "Hana", "Olga", "Natasha", "Ana", "Camila", "Valentina", "Amara", "Nkechi",
        "Chiamaka", "Ngozi", "Wanjiru", "Thandiwe", "Ayesha", "Nadia", "Yasmin", "Ewa", "Katarzyna", "Freya",
    };

    /// <summary>Male first names, as many as <see cref="Female"/>.</summary>
    public static readonly IReadOnlyList<string> Male = new[]
    {
        "James", "John", "Michael", "David", "Daniel", "Thomas", "Robert", "William", "Peter", "Paul",
        "Richard", "Steven", "Carlos", "Juan", "Diego", "Mateo", "Luca", "Pierre", "Lars", "Sven",
        "Mohammed", "Ahmed", "Omar", "Hassan", "Ali", "Raj", "Arjun", "Rahul", "Wei", "Hao",
        "Hiroshi", "Kenji", "Takeshi", "Ivan", "Sergei", "Pedro", "Santiago", "Kwame", "Chinedu", "Emeka",
        "Oluwaseun", "Tunde", "Kamau", "Sipho", "Tariq", "Karim", "Yusuf", "Piotr", "Tomasz", "Henrik",
    };

    /// <summary>Gender-neutral first names; they swap with each other.</summary>
    public static readonly IReadOnlyList<string> Neutral = new[]
    {
        "Alex", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Charlie", "Quinn", "Avery",
        "Rowan", "Sasha", "Kai", "Ari", "Noor", "Remy",
    };

    /// <summary>
    /// Gendered terms (lower case) and their counterparts. "her" and "his" have two counterparts each
    /// ("her" -> "him" or "his", "his" -> "her" or "hers"); <see cref="NameSwap"/> chooses from the word that
    /// follows, and the table holds the first. Terms that name parts or sizes in product questions
    /// ("male"/"female" connectors, "king"/"queen" beds) are left out.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Terms = BuildTerms();

    private static Dictionary<string, string> BuildTerms()
    {
        var terms = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["his"] = "her",
            ["hers"] = "his",
            ["mrs"] = "mr",
            ["mum"] = "dad",
            ["ma'am"] = "sir",
        };
        (string Male, string Female)[] pairs =
        {
            ("he", "she"), ("him", "her"), ("himself", "herself"), ("mr", "ms"),
            ("man", "woman"), ("men", "women"), ("boy", "girl"), ("boys", "girls"),
            ("husband", "wife"), ("husbands", "wives"), ("father", "mother"), ("fathers", "mothers"),
            ("dad", "mom"), ("son", "daughter"), ("sons", "daughters"), ("brother", "sister"),
            ("brothers", "sisters"), ("uncle", "aunt"), ("nephew", "niece"), ("grandfather", "grandmother"),
            ("grandpa", "grandma"), ("grandson", "granddaughter"), ("boyfriend", "girlfriend"), ("gentleman", "lady"),
            ("gentlemen", "ladies"), ("sir", "madam"), ("stepfather", "stepmother"), ("fiance", "fiancee"),
        };
        foreach ((string male, string female) in pairs)
        {
            terms.TryAdd(male, female);
            terms.TryAdd(female, male);
        }

        return terms;
    }
}
