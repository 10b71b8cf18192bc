using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Synonym pairs for words common in support and product questions, used both ways by <see cref="Synonyms"/>.
/// Each pair keeps the part of speech and inflection (bought/purchased, not buy/purchased) and means the same
/// in both directions in the usual support context. Words that are as often another part of speech with
/// another meaning are left out or only listed inside a phrase: "issue" (to issue a refund) only as
/// "an issue"/"the issue", "help" only as "help me", "need" only as "need to"; "cost", "use", "order",
/// "support" and "change" not at all.
/// </summary>
internal static class SynonymLexicon
{
    /// <summary>The pairs, lower case.</summary>
    public static readonly IReadOnlyList<(string A, string B)> Pairs = new (string, string)[]
    {
        // Buying, returning, paying.
        ("buy", "purchase"),
        ("bought", "purchased"),
        ("buying", "purchasing"),
        ("buyer", "purchaser"),
        ("return", "send back"),
        ("returned", "sent back"),
        ("returning", "sending back"),
        ("refund", "reimbursement"),
        ("refunds", "reimbursements"),
        ("refunded", "reimbursed"),
        ("cancel", "call off"),
        ("cancelled", "canceled"),
        ("cheap", "inexpensive"),
        ("cheapest", "least expensive"),
        ("expensive", "costly"),
        ("bill", "invoice"),
        ("bills", "invoices"),
        ("receipt", "proof of purchase"),
        ("discount", "price reduction"),
        ("coupon", "voucher"),
        ("coupons", "vouchers"),
        ("extra", "additional"),
        ("money", "funds"),
        ("amount", "sum"),
        ("warranty", "guarantee"),
        ("subscription", "membership"),
        ("subscriptions", "memberships"),
        ("renew", "extend"),
        ("exchange", "swap"),
        ("per month", "a month"),
        ("per year", "a year"),
        ("annual", "yearly"),
        ("seller", "vendor"),
        ("sellers", "vendors"),

        // Shipping.
        ("delivery", "shipping"),
        ("deliver", "ship"),
        ("delivered", "shipped"),
        ("package", "parcel"),
        ("packages", "parcels"),
        ("shipment", "consignment"),
        ("arrive", "get here"),
        ("arrived", "got here"),
        ("arrives", "gets here"),
        ("late", "delayed"),
        ("immediately", "right away"),
        ("right now", "at the moment"),
        ("quick", "fast"),
        ("quickest", "fastest"),
        ("quickly", "rapidly"),
        ("tracking number", "tracking code"),
        ("in stock", "available"),
        ("out of stock", "sold out"),

        // Products and accounts.
        ("item", "product"),
        ("items", "products"),
        ("laptop", "notebook"),
        ("laptops", "notebooks"),
        ("headphones", "earphones"),
        ("charger", "power adapter"),
        ("cable", "cord"),
        ("cables", "cords"),
        ("smartphone", "mobile phone"),
        ("phone", "telephone"),
        ("app", "application"),
        ("website", "site"),
        ("password", "passcode"),
        ("email", "e-mail"),
        ("login", "sign-in"),
        ("username", "user name"),
        ("sign in", "log in"),
        ("sign up", "register"),
        ("sign out", "log out"),
        ("online shop", "online store"),
        ("customer", "client"),
        ("customers", "clients"),
        ("photo", "picture"),
        ("photos", "pictures"),
        ("color", "colour"),
        ("colors", "colours"),
        ("favorite", "favourite"),

        // Problems and fixes.
        ("broken", "damaged"),
        ("defective", "faulty"),
        ("defect", "fault"),
        ("a problem", "an issue"),
        ("the problem", "the issue"),
        ("problems", "issues"),
        ("fix", "repair"),
        ("fixed", "repaired"),
        ("replace", "swap out"),
        ("replacement", "substitute"),
        ("install", "set up"),
        ("remove", "delete"),
        ("removed", "deleted"),
        ("changed", "modified"),
        ("working", "functioning"),
        ("stopped", "ceased"),
        ("complain", "file a complaint"),
        ("complaint", "grievance"),

        // Asking and answering.
        ("help me", "assist me"),
        ("question", "query"),
        ("questions", "queries"),
        ("answer", "reply"),
        ("find", "locate"),
        ("check", "verify"),
        ("choose", "select"),
        ("contact", "reach"),
        ("customer support", "customer service"),
        ("agent", "representative"),
        ("agents", "representatives"),
        ("manager", "supervisor"),
        ("information", "details"),

        // Everyday words.
        ("need to", "have to"),
        ("needs to", "has to"),
        ("want to", "would like to"),
        ("keep", "retain"),
        ("started", "began"),
        ("big", "large"),
        ("small", "little"),
        ("easy", "simple"),
        ("allowed", "permitted"),
        ("possible", "feasible"),
        ("enough", "sufficient"),
        ("maybe", "perhaps"),
        ("very", "really"),
        ("please", "kindly"),
        ("hello", "hi"),
        ("thanks", "thank you"),
        ("ok", "okay"),
        ("a lot of", "lots of"),
        ("every day", "daily"),
        ("happy", "glad"),
        ("unhappy", "dissatisfied"),
        ("angry", "upset"),
        ("worried", "concerned"),
        ("until", "till"),
    };

    /// <summary>
    /// Words listed as verbs that are also nouns ("the return policy", "a check"): replaced only when they read
    /// as verbs, see <see cref="ReadsAsNoun"/>.
    /// </summary>
    public static readonly IReadOnlySet<string> VerbUses = new HashSet<string>(StringComparer.Ordinal) { "return", "check", "exchange" };

    /// <summary>Words listed as nouns that are also verbs ("refund me"): replaced only when they read as nouns.</summary>
    public static readonly IReadOnlySet<string> NounUses = new HashSet<string>(StringComparer.Ordinal) { "refund", "fix" };

    /// <summary>Words before a noun: determiners, possessives, prepositions and common adjectives.</summary>
    private static readonly HashSet<string> BeforeNoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "its", "this", "that", "any", "no", "every", "each",
        "for", "of", "on", "about", "with", "full", "partial", "quick", "easy", "free", "first", "second",
    };

    /// <summary>Nouns that a verb-or-noun word modifies when it is a noun: "return policy", "check number".</summary>
    private static readonly HashSet<string> AfterNoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "policy", "policies", "window", "label", "labels", "period", "request", "requests", "form", "process", "status",
        "fee", "fees", "date", "deadline", "number", "address", "shipping", "option", "options", "reason", "code", "rate",
        "instructions", "center", "centre", "slip", "authorization", "amount", "method",
    };

    /// <summary>Whether the word between <paramref name="previous"/> and <paramref name="next"/> (either may be empty) reads as a noun.</summary>
    public static bool ReadsAsNoun(string previous, string next) => BeforeNoun.Contains(previous) || AfterNoun.Contains(next);

    /// <summary>Every word or phrase and the synonyms it may become.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Alternatives = BuildAlternatives();

    private static Dictionary<string, string[]> BuildAlternatives()
    {
        var alternatives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach ((string a, string b) in Pairs)
        {
            Add(a, b);
            Add(b, a);
        }

        return alternatives.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);

        void Add(string from, string to)
        {
            if (!alternatives.TryGetValue(from, out List<string>? list))
            {
                alternatives[from] = list = new List<string>();
            }

            if (!list.Contains(to, StringComparer.Ordinal))
            {
                list.Add(to);
            }
        }
    }
}
