using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Countries and their adjectives for <see cref="NationalitySwap"/>, from every continent. Countries usually
/// written with "the" (the United States, the Netherlands, the Philippines) are left out, as are names that
/// are also common first names or words (Jordan, Georgia, Chad, Turkey).
/// </summary>
internal static class NationalityLexicon
{
    /// <summary>(country, adjective) pairs as written.</summary>
    public static readonly IReadOnlyList<(string Country, string Adjective)> Countries = new (string, string)[]
    {
        ("Germany", "German"), ("Nigeria", "Nigerian"), ("Canada", "Canadian"), ("India", "Indian"),
        ("Brazil", "Brazilian"), ("Japan", "Japanese"), ("Mexico", "Mexican"), ("France", "French"),
        ("China", "Chinese"), ("Egypt", "Egyptian"), ("Kenya", "Kenyan"), ("Poland", "Polish"),
        ("Sweden", "Swedish"), ("Vietnam", "Vietnamese"), ("Pakistan", "Pakistani"), ("Indonesia", "Indonesian"),
        ("Italy", "Italian"), ("Spain", "Spanish"), ("Argentina", "Argentinian"), ("Australia", "Australian"),
        ("Ghana", "Ghanaian"), ("Ethiopia", "Ethiopian"), ("Iran", "Iranian"), ("Ireland", "Irish"),
        ("Norway", "Norwegian"), ("Peru", "Peruvian"), ("Colombia", "Colombian"), ("Morocco", "Moroccan"),
        ("Bangladesh", "Bangladeshi"), ("Thailand", "Thai"), ("Greece", "Greek"), ("Russia", "Russian"),
        ("Ukraine", "Ukrainian"), ("Portugal", "Portuguese"), ("Senegal", "Senegalese"), ("Chile", "Chilean"),
        ("Jamaica", "Jamaican"), ("South Korea", "South Korean"), ("South Africa", "South African"), ("Saudi Arabia", "Saudi"),
        ("Sri Lanka", "Sri Lankan"), ("Finland", "Finnish"), ("Austria", "Austrian"), ("Uganda", "Ugandan"),
        ("Nepal", "Nepali"), ("Cuba", "Cuban"), ("Lebanon", "Lebanese"), ("Tanzania", "Tanzanian"),
    };
}
