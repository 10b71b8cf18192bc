using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvalSpec.Secrets;

/// <summary>
/// Removes secrets from text before EvalSpec writes it anywhere: results, summary, reports, recordings, snapshots, the
/// baseline, the console and the messages of failed rows. Every secret becomes <see cref="Marker"/>.
/// </summary>
/// <remarks>
/// <para>What is a secret (each at least <see cref="MinimumLength"/> characters, unless cut short by an ellipsis):</para>
/// <list type="bullet">
/// <item>the token after <c>Bearer</c> (any case), as in an <c>Authorization</c> header;</item>
/// <item>the value after a name that says it holds a credential, followed by <c>:</c> or <c>=</c> (header, JSON, query
/// string, connection string or environment style): names ending in <c>api-key</c>/<c>apiKey</c>/<c>api_key</c>,
/// <c>access-key</c>, <c>secret-key</c>, <c>private-key</c>, <c>account-key</c>, <c>subscription-key</c>, <c>master-key</c>,
/// <c>_key</c>/<c>-key</c>, <c>secret</c>, <c>password</c>, <c>passwd</c>, <c>token</c>, <c>credential(s)</c>,
/// <c>signature</c>, <c>sig</c> and <c>authorization</c> (whose scheme word, <c>Basic</c> or <c>Bearer</c>, is kept);</item>
/// <item>keys by their shape: <c>sk-</c> (OpenAI, including <c>sk-proj-</c>; Anthropic <c>sk-ant-</c>; most
/// OpenAI-compatible providers), <c>sk_live_</c>/<c>sk_test_</c>/<c>rk_live_</c>/<c>rk_test_</c> (Stripe), <c>ghp_</c>,
/// <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>, <c>github_pat_</c> (GitHub), <c>glpat-</c> (GitLab),
/// <c>xox?-</c> (Slack), <c>AIza</c> (Google), <c>hf_</c> (Hugging Face), <c>AKIA</c>/<c>ASIA</c> access key ids (AWS)
/// and JSON Web Tokens (<c>eyJ...</c>, three dot-separated parts);</item>
/// <item>the values of this process's environment variables whose names end in <c>_KEY</c>, <c>_TOKEN</c>,
/// <c>_SECRET</c> or <c>_PASSWORD</c>, wherever they appear, also JSON-, HTML- or URL-escaped.</item>
/// </list>
/// <para>
/// The text may be plain, JSON, HTML or Markdown: JSON escapes (<c>\n</c>, <c>\u002B</c>) and URL escapes (<c>%20</c>)
/// end a word as a space does, and the marker never needs escaping, so redacted JSON stays valid. A secret cut short by
/// a truncation that ends in an ellipsis (<c>...</c> or <c>…</c>) is redacted as far as it goes. The result does not
/// depend on anything but the text and the environment variables, and redacting twice changes nothing, so files
/// that are compared byte for byte (snapshots, recordings) stay stable. Time is linear in the length of the text.
/// </para>
/// <para>
/// Not covered: a secret split across lines or words, keys of no known shape under names not listed above (an Azure
/// key under <c>key1</c>), secrets shorter than <see cref="MinimumLength"/> characters, and look-alike characters.
/// </para>
/// </remarks>
internal sealed class SecretRedactor
{
    /// <summary>What a secret becomes.</summary>
    public const string Marker = "[REDACTED]";

    /// <summary>The fewest characters a value must have to be taken for a secret (so that <c>X_TOKEN=1</c> redacts no digit).</summary>
    public const int MinimumLength = 8;

    /// <summary>The fewest characters of an environment variable's value, cut by an ellipsis, that are still redacted.</summary>
    private const int MinimumCutLength = 4;

    /// <summary>How far back from a <c>:</c> or <c>=</c> a name is read (longer names are judged by their end).</summary>
    private const int MaxNameLength = 64;

    private static readonly string[] VariableSuffixes = { "_KEY", "_TOKEN", "_SECRET", "_PASSWORD" };

    /// <summary>Quotes as HTML writes them (report.html encodes the JSON a model or a provider wrote).</summary>
    private static readonly string[] HtmlQuotes = { "&quot;", "&#34;", "&#x22;", "&apos;", "&#39;", "&#x27;" };

    /// <summary>Ends of names (lower case, without <c>-</c>, <c>_</c> and <c>.</c>) whose values are credentials.</summary>
    private static readonly string[] SecretNameEnds =
    {
        "apikey", "accesskey", "secretkey", "privatekey", "accountkey", "subscriptionkey", "masterkey",
        "secret", "password", "passwd", "token", "credential", "credentials", "signature", "authorization",
    };

    private static readonly KeyShape[] Shapes =
    {
        new("sk-", 16), // OpenAI (sk-proj-, sk-svcacct-, sk-admin-), Anthropic (sk-ant-), DeepSeek and other compatible APIs
        new("sk_live_", 16), new("sk_test_", 16), new("rk_live_", 16), new("rk_test_", 16), // Stripe
        new("ghp_", 30), new("gho_", 30), new("ghu_", 30), new("ghs_", 30), new("ghr_", 30), new("github_pat_", 30), // GitHub
        new("glpat-", 20), // GitLab
        new("xoxa-", 10), new("xoxb-", 10), new("xoxo-", 10), new("xoxp-", 10), new("xoxr-", 10), new("xoxs-", 10), // Slack
        new("AIza", 35), // Google
        new("hf_", 30), // Hugging Face
        new("AKIA", 16, Exact: true), new("ASIA", 16, Exact: true), // AWS access key ids
    };

    private static readonly Needles ShapePrefixes = new(Shapes.Select(s => s.Prefix).Distinct(StringComparer.Ordinal).ToArray());

    private static readonly Lazy<SecretRedactor> ProcessRedactor = new(() => FromVariables(Environment.GetEnvironmentVariables()));

    /// <summary>Every form (raw and escaped) of the secret variables' values, each at least <see cref="MinimumLength"/> long, longest first.</summary>
    private readonly string[] _literals;

    /// <summary>Finds <see cref="_literals"/>.</summary>
    private readonly Needles _literalNeedles;

    /// <summary>Finds the beginnings of <see cref="_literals"/> (their first <see cref="MinimumCutLength"/> characters).</summary>
    private readonly Needles _literalStarts;

    /// <summary>Creates a redactor for the secrets of <paramref name="environment"/> (names and values of environment variables).</summary>
    /// <param name="environment">The environment variables; only those whose names end in a secret suffix are kept.</param>
    public SecretRedactor(IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, string? value) in environment)
        {
            if (value is null || !IsSecretVariable(name))
            {
                continue;
            }

            bool added = false;
            foreach (string part in ValueParts(value))
            {
                foreach (string form in Forms(part))
                {
                    added |= form.Length >= MinimumLength && literals.Add(form);
                }
            }

            if (added)
            {
                names.Add(name);
            }
        }

        // Longest first: where forms overlap, the longest match is found whatever the order, but this keeps the work
        // predictable when one value is part of another.
        _literals = literals.OrderByDescending(l => l.Length).ThenBy(l => l, StringComparer.Ordinal).ToArray();
        _literalNeedles = new Needles(_literals);
        _literalStarts = new Needles(_literals.Select(l => l[..MinimumCutLength]).Distinct(StringComparer.Ordinal).ToArray());
        SecretVariables = names.ToArray();
    }

    /// <summary>The redactor of this process: its environment variables, read once, when first used.</summary>
    public static SecretRedactor Default => ProcessRedactor.Value;

    /// <summary>The names of the environment variables whose values are redacted.</summary>
    public IReadOnlyList<string> SecretVariables { get; }

    /// <summary>
    /// Whether an environment variable's name says it holds a secret: it ends in <c>_KEY</c>, <c>_TOKEN</c>, <c>_SECRET</c>
    /// or <c>_PASSWORD</c>, or, read like a credential's name in a file (ignoring case and separators, so the .NET
    /// configuration style <c>OpenAI__ApiKey</c>, <c>EVALSPEC_APP__OPENAI__APIKEY</c> and <c>OPENAI_APIKEY</c> count), it
    /// ends in <c>apikey</c>, <c>accesskey</c>, <c>secret</c>, <c>password</c>, <c>token</c>, <c>credential</c>...
    /// </summary>
    public static bool IsSecretVariable(string name) =>
        VariableSuffixes.Any(suffix => name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        || (name.Count(char.IsAsciiLetterOrDigit) > 3 && IsSecretName(name.AsSpan(Math.Max(0, name.Length - MaxNameLength))));

    /// <summary>A redactor for the variables of <paramref name="variables"/> (as <see cref="Environment.GetEnvironmentVariables()"/> returns them).</summary>
    public static SecretRedactor FromVariables(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var pairs = new List<KeyValuePair<string, string?>>(variables.Count);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name)
            {
                pairs.Add(new KeyValuePair<string, string?>(name, entry.Value as string));
            }
        }

        return new SecretRedactor(pairs);
    }

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Marker"/>; the same instance when it holds none.</summary>
    /// <param name="text">Plain text, JSON, HTML or Markdown.</param>
    /// <returns>The redacted text.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 3)
        {
            return text;
        }

        var found = new Spans();
        bool cut = text.Contains("...", StringComparison.Ordinal) || text.Contains('\u2026', StringComparison.Ordinal);
        FindShapes(text, found, cut);
        FindJsonWebTokens(text, found);
        FindBearerTokens(text, found, cut);
        FindNamedValues(text, found, cut);
        FindLiterals(text, found, cut);
        return found.Count == 0 ? text : found.Apply(text);
    }

    /// <summary>Whether <paramref name="text"/> holds a secret.</summary>
    public bool ContainsSecret(string text) => !ReferenceEquals(Redact(text), text);

    private static void FindShapes(string text, Spans found, bool cut) => ShapePrefixes.ForEach(text, at =>
    {
        if (!StartsWord(text, at))
        {
            return at + 1;
        }

        foreach (KeyShape shape in Shapes)
        {
            if (!text.AsSpan(at).StartsWith(shape.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            int bodyStart = at + shape.Prefix.Length;
            int end = bodyStart;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            int body = end - bodyStart;
            bool whole = shape.Exact
                ? body == shape.MinimumBody && text.AsSpan(bodyStart, body).IndexOfAnyExcept(UpperAndDigits) < 0
                : body >= shape.MinimumBody;
            if (whole || (cut && body > 0 && EllipsisAt(text, end)))
            {
                found.Add(at, end);
                return end;
            }
        }

        return at + 1;
    });

    /// <summary>A JSON Web Token: <c>eyJ</c>, then two more dot-separated base64url parts.</summary>
    private static void FindJsonWebTokens(string text, Spans found)
    {
        for (int at = text.IndexOf("eyJ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("eyJ", at + 1, StringComparison.Ordinal))
        {
            if (!StartsWord(text, at))
            {
                continue;
            }

            int end = at;
            int parts = 0;
            while (parts < 3)
            {
                int partStart = end;
                while (end < text.Length && IsWordChar(text[end]))
                {
                    end++;
                }

                if (end - partStart < (parts < 2 ? 10 : 1))
                {
                    break;
                }

                parts++;
                if (parts < 3 && end < text.Length - 1 && text[end] == '.')
                {
                    end++;
                }
                else
                {
                    break;
                }
            }

            if (parts == 3)
            {
                found.Add(at, end);
                at = end - 1;
            }
        }
    }

    /// <summary>The token after <c>Bearer</c> and spaces (or <c>%20</c>), of token68 characters and their JSON or URL escapes.</summary>
    private static void FindBearerTokens(string text, Spans found, bool cut)
    {
        const string Scheme = "bearer";
        for (int at = text.IndexOf(Scheme, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(Scheme, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!StartsWord(text, at))
            {
                continue;
            }

            int start = SkipSpaces(text, at + Scheme.Length);
            if (start == at + Scheme.Length)
            {
                continue;
            }

            (int end, int length) = Token(text, start);
            int trimmed = WithoutTrailingDots(text, start, end);
            length -= end - trimmed;
            end = trimmed;
            if (length >= MinimumLength || (cut && length > 0 && EllipsisAt(text, end)))
            {
                found.Add(start, end);
                at = end - 1;
            }
        }
    }

    /// <summary>
    /// A value after a credential's name and <c>:</c> or <c>=</c>: <c>api-key: v</c>, <c>"password": "v"</c>,
    /// <c>\"token\":\"v\"</c> (inside a JSON string), <c>?api_key=v&amp;</c>, <c>AccountKey=v;</c>, <c>OPENAI_API_KEY=v</c>.
    /// A quoted name needs a quoted value (a JSON number, <c>true</c> or <c>null</c> is left alone).
    /// </summary>
    private static void FindNamedValues(string text, Spans found, bool cut)
    {
        int separator = text.AsSpan().IndexOfAny(':', '=');
        while (separator >= 0)
        {
            int resume = separator + 1;
            if (NamedValue(text, separator, cut) is (int start, int end))
            {
                found.Add(start, end);
                resume = Math.Max(resume, end);
            }

            int next = resume < text.Length ? text.AsSpan(resume).IndexOfAny(':', '=') : -1;
            separator = next < 0 ? -1 : resume + next;
        }
    }

    private static (int Start, int End)? NamedValue(string text, int separator, bool cut)
    {
        // The name: back over spaces and a closing quote (\" or \u0022 inside a JSON string).
        int p = separator - 1;
        while (p >= 0 && text[p] is ' ' or '\t')
        {
            p--;
        }

        int closingQuote = QuoteEndingAt(text, p);
        bool quotedName = closingQuote > 0;
        int nameEnd = p + 1 - closingQuote;
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < MaxNameLength && IsNameChar(text[nameStart - 1]))
        {
            nameStart--;
        }

        if (nameStart == nameEnd || !IsSecretName(text.AsSpan(nameStart, nameEnd - nameStart)))
        {
            return null;
        }

        // The value: after spaces and an opening quote; not after == or => (code, not a value).
        int v = separator + 1;
        if (v < text.Length && text[v] is '=' or '>')
        {
            return null;
        }

        v = SkipBlanks(text, v);
        int openingQuote = QuoteStartingAt(text, v);
        v += openingQuote;

        // A quoted name (JSON) needs a quoted value, and so does an assignment in code (`apiKey = settings.ApiKey` names
        // another variable; `apiKey = "..."` is a literal): a number, true, null or an expression is left alone.
        bool assignment = text[separator] == '=' && separator > 0 && text[separator - 1] is ' ' or '\t';
        if (((quotedName || assignment) && openingQuote == 0) || text.AsSpan(v).StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        if (IsAuthorizationName(text.AsSpan(nameStart, nameEnd - nameStart)))
        {
            // Keep the scheme (Basic, Bearer, Digest...): only the credentials after it are secret.
            int scheme = v;
            while (scheme < text.Length && char.IsAsciiLetter(text[scheme]))
            {
                scheme++;
            }

            int afterScheme = SkipSpaces(text, scheme);
            if (scheme > v && afterScheme > scheme && afterScheme < text.Length)
            {
                if (text.AsSpan(afterScheme).StartsWith(Marker, StringComparison.Ordinal))
                {
                    return null;
                }

                if (IsValueChar(text[afterScheme]))
                {
                    v = afterScheme;
                }
            }
        }

        int end = v;
        while (end < text.Length && IsValueChar(text[end]))
        {
            end++;
        }

        if (openingQuote == 0 && IsCode(text, v, end))
        {
            return null;
        }

        end = WithoutTrailingDots(text, v, end);
        int length = end - v;
        return length >= MinimumLength || (cut && length > 0 && EllipsisAt(text, end)) ? (v, end) : null;
    }

    /// <summary>
    /// Whether an unquoted value is code rather than a secret: a call (<c>token: GetToken()</c>), or an argument that
    /// names a variable or a member (<c>cancellationToken: cancellationToken)</c>, <c>signature: caller.Signature,</c>):
    /// letters, <c>_</c> and <c>.</c> only (a generated key has digits), followed by <c>)</c> or <c>,</c>.
    /// </summary>
    private static bool IsCode(string text, int start, int end)
    {
        if (end < text.Length && text[end] == '(')
        {
            return true;
        }

        return end > start && end < text.Length && text[end] is ')' or ','
            && text.AsSpan(start, end - start).IndexOfAnyExcept(IdentifierChars) < 0;
    }

    /// <summary>The length of the quote (<c>"</c>, <c>'</c>, <c>\"</c>, <c>\u0022</c>, <c>\u0027</c>, or an HTML entity of one) that ends at <paramref name="i"/>, or 0.</summary>
    private static int QuoteEndingAt(string text, int i)
    {
        if (i < 0)
        {
            return 0;
        }

        if (i >= 5 && text[i - 5] == '\\' && text[i - 4] == 'u' && IsEscapedQuote(text.AsSpan(i - 3, 4)))
        {
            return 6;
        }

        if (text[i] is '"' or '\'')
        {
            return i >= 1 && text[i - 1] == '\\' ? 2 : 1;
        }

        if (text[i] == ';')
        {
            foreach (string entity in HtmlQuotes)
            {
                if (i + 1 >= entity.Length && text.AsSpan(i + 1 - entity.Length, entity.Length).Equals(entity, StringComparison.OrdinalIgnoreCase))
                {
                    return entity.Length;
                }
            }
        }

        return 0;
    }


    /// <summary>The length of the quote (<c>"</c>, <c>'</c>, <c>\"</c>, <c>\u0022</c>, <c>\u0027</c>, or an HTML entity of one) that starts at <paramref name="i"/>, or 0.</summary>
    private static int QuoteStartingAt(string text, int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }

        if (text[i] is '"' or '\'')
        {
            return 1;
        }

        if (text[i] == '&')
        {
            foreach (string entity in HtmlQuotes)
            {
                if (text.AsSpan(i).StartsWith(entity, StringComparison.OrdinalIgnoreCase))
                {
                    return entity.Length;
                }
            }

            return 0;
        }

        if (text[i] != '\\' || i + 1 >= text.Length)
        {
            return 0;
        }

        if (text[i + 1] is '"' or '\'')
        {
            return 2;
        }

        return i + 5 < text.Length && text[i + 1] == 'u' && IsEscapedQuote(text.AsSpan(i + 2, 4)) ? 6 : 0;
    }

    private static bool IsEscapedQuote(ReadOnlySpan<char> hex) => hex.SequenceEqual("0022") || hex.SequenceEqual("0027");

    /// <summary>A value or token does not end in dots: they end the sentence (and a cut value's ellipsis is not part of it).</summary>
    private static int WithoutTrailingDots(string text, int start, int end)
    {
        while (end > start && text[end - 1] == '.')
        {
            end--;
        }

        return end;
    }

    /// <summary>The values of secret environment variables, escaped or not, and their beginnings cut by an ellipsis.</summary>
    private void FindLiterals(string text, Spans found, bool cut)
    {
        if (_literals.Length == 0)
        {
            return;
        }

        _literalNeedles.ForEach(text, at =>
        {
            // Longest first: the longest value that starts here covers the shorter ones.
            foreach (string literal in _literals)
            {
                if (text.AsSpan(at).StartsWith(literal, StringComparison.Ordinal))
                {
                    found.Add(at, at + literal.Length);
                    break;
                }
            }

            return at + 1;
        });

        if (!cut)
        {
            return;
        }

        _literalStarts.ForEach(text, at =>
        {
            ReadOnlySpan<char> rest = text.AsSpan(at);
            foreach (string literal in _literals)
            {
                int common = rest.CommonPrefixLength(literal.AsSpan());
                if (common >= MinimumCutLength && common < literal.Length && EllipsisAt(text, at + common))
                {
                    found.Add(at, at + common);
                }
            }

            return at + 1;
        });
    }

    /// <summary>A secret name: it ends in <c>_key</c>/<c>-key</c>, or its letters and digits (lower case) end like a credential's name, or are <c>sig</c>.</summary>
    private static bool IsSecretName(ReadOnlySpan<char> name)
    {
        // Most names a run writes (JSON property names) end in three letters no credential's name ends in.
        if (name.Length < 3)
        {
            return false;
        }

        Span<char> tail = stackalloc char[3];
        for (int i = 0; i < 3; i++)
        {
            tail[i] = char.ToLowerInvariant(name[name.Length - 3 + i]);
        }

        if (tail is not ("key" or "ken" or "ion" or "ret" or "ord" or "swd" or "ial" or "als" or "ure" or "sig"))
        {
            return false;
        }

        if (name.EndsWith("_key", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-key", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[MaxNameLength];
        ReadOnlySpan<char> normalized = Normalize(name, buffer);
        if (normalized.SequenceEqual("sig"))
        {
            return true;
        }

        foreach (string end in SecretNameEnds)
        {
            if (normalized.EndsWith(end, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAuthorizationName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxNameLength];
        return Normalize(name, buffer).EndsWith("authorization", StringComparison.Ordinal);
    }

    /// <summary>The ASCII letters and digits of <paramref name="name"/>, in lower case.</summary>
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> name, Span<char> buffer)
    {
        int length = 0;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }

    /// <summary>
    /// A token68 run (<c>A-Z a-z 0-9 - . _ ~ + / =</c>) from <paramref name="start"/>, with <c>\u002B</c>-style JSON escapes,
    /// <c>\/</c> and URL escapes of <c>+ / =</c> counted as one character each: its end and its length in characters.
    /// </summary>
    private static (int End, int Length) Token(string text, int start)
    {
        int i = start;
        int length = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '=')
            {
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i += 2;
            }
            else if (c == '\\' && i + 5 < text.Length && text[i + 1] == 'u' && IsEscapedTokenChar(text.AsSpan(i + 2, 4)))
            {
                i += 6;
            }
            else if (c == '%' && i + 2 < text.Length && IsEscapedTokenChar(text.AsSpan(i + 1, 2)))
            {
                i += 3;
            }
            else
            {
                break;
            }

            length++;
        }

        return (i, length);
    }

    /// <summary>Whether hex digits (<c>002B</c> of <c>\u002B</c>, <c>2B</c> of <c>%2B</c>) escape <c>+</c>, <c>/</c> or <c>=</c>.</summary>
    private static bool IsEscapedTokenChar(ReadOnlySpan<char> hex)
    {
        ReadOnlySpan<char> code = hex.Length == 4 && hex.StartsWith("00", StringComparison.Ordinal) ? hex[2..] : hex;
        return code.Length == 2 && (code.Equals("2B", StringComparison.OrdinalIgnoreCase) || code.Equals("2F", StringComparison.OrdinalIgnoreCase) || code.Equals("3D", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a word starts at <paramref name="at"/>: the text starts there, or a non-word character, a JSON escape (<c>\n</c>, <c>\u00e9</c>) or a URL escape (<c>%20</c>) comes before.</summary>
    private static bool StartsWord(string text, int at)
    {
        if (at == 0 || !IsWordChar(text[at - 1]))
        {
            return true;
        }

        if (at >= 2 && text[at - 2] == '\\')
        {
            return true;
        }

        if (at >= 6 && text[at - 6] == '\\' && text[at - 5] == 'u' && text.AsSpan(at - 4, 4).IndexOfAnyExcept(HexDigits) < 0)
        {
            return true;
        }

        return at >= 3 && text[at - 3] == '%' && char.IsAsciiHexDigit(text[at - 2]) && char.IsAsciiHexDigit(text[at - 1]);
    }

    private static int SkipSpaces(string text, int i)
    {
        while (true)
        {
            if (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }
            else if (i + 2 < text.Length && text[i] == '%' && text[i + 1] == '2' && text[i + 2] == '0')
            {
                i += 3;
            }
            else
            {
                return i;
            }
        }
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool EllipsisAt(string text, int i) =>
        i < text.Length && (text[i] == '\u2026' || text.AsSpan(i).StartsWith("...", StringComparison.Ordinal));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Characters of a value after a name: anything but blanks, quotes, escapes and the delimiters of the usual formats.</summary>
    private static bool IsValueChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '`' or '\\' or ',' or ';' or '&' or '<' or '>' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '\u2026');

    private const string HexDigits = "0123456789abcdefABCDEF";

    private const string UpperAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private const string IdentifierChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.";

    /// <summary>The value, and for a value of several lines each line, trimmed.</summary>
    private static IEnumerable<string> ValueParts(string value)
    {
        string trimmed = value.Trim();
        yield return trimmed;
        if (trimmed.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            foreach (string line in trimmed.Split('\n'))
            {
                yield return line.Trim();
            }
        }
    }

    /// <summary>A value as EvalSpec may write it: raw, JSON-escaped (relaxed and default), HTML-encoded, URL-encoded, in a Markdown table, with line breaks as <c>\n</c>.</summary>
    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        foreach (JavaScriptEncoder encoder in new[] { JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Default })
        {
            if (JsonEscaped(value, encoder) is { } escaped)
            {
                yield return escaped;
            }
        }

        yield return WebUtility.HtmlEncode(value);
        yield return Uri.EscapeDataString(value);
        yield return value.Replace("|", "\\|", StringComparison.Ordinal);
        yield return value.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static string? JsonEscaped(string value, JavaScriptEncoder encoder)
    {
        try
        {
            return JsonEncodedText.Encode(value, encoder).Value;
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): no JSON writer can write it either.
            return null;
        }
    }

    /// <summary>
    /// Finds where any of a set of strings starts: in one vectorised pass (<c>SearchValues</c>) on .NET 9 and later, one pass
    /// per string before.
    /// </summary>
    private sealed class Needles
    {
#if NET9_0_OR_GREATER
        private readonly System.Buffers.SearchValues<string>? _search;

        public Needles(string[] values) =>
            _search = values.Length == 0 ? null : System.Buffers.SearchValues.Create(values, StringComparison.Ordinal);
#else
        private readonly string[] _values;

        public Needles(string[] values) => _values = values;
#endif

        /// <summary>
        /// Calls <paramref name="visit"/> with each position where one of the strings starts (the same position may come
        /// more than once); it returns where to look next, after the position.
        /// </summary>
        public void ForEach(string text, Func<int, int> visit)
        {
#if NET9_0_OR_GREATER
            if (_search is null)
            {
                return;
            }

            int from = 0;
            while (from < text.Length)
            {
                int found = text.AsSpan(from).IndexOfAny(_search);
                if (found < 0)
                {
                    return;
                }

                from = visit(from + found);
            }
#else
            foreach (string value in _values)
            {
                int from = 0;
                while (from < text.Length)
                {
                    int at = text.IndexOf(value, from, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    from = visit(at);
                }
            }
#endif
        }
    }

    /// <summary>A key recognised by its prefix and the length of the word characters after it.</summary>
    private sealed record KeyShape(string Prefix, int MinimumBody, bool Exact = false);

    /// <summary>The character ranges to redact, merged where they overlap or touch.</summary>
    private sealed class Spans
    {
        private List<(int Start, int End)>? _spans;

        public int Count => _spans?.Count ?? 0;

        public void Add(int start, int end)
        {
            if (end > start)
            {
                (_spans ??= new List<(int, int)>()).Add((start, end));
            }
        }

        public string Apply(string text)
        {
            List<(int Start, int End)> spans = _spans!;
            spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            var result = new StringBuilder(text.Length);
            int copied = 0;
            int i = 0;
            while (i < spans.Count)
            {
                (int start, int end) = spans[i++];
                while (i < spans.Count && spans[i].Start <= end)
                {
                    end = Math.Max(end, spans[i++].End);
                }

                result.Append(text, copied, start - copied).Append(Marker);
                copied = end;
            }

            return result.Append(text, copied, text.Length - copied).ToString();
        }
    }
}
