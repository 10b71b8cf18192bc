using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSpec.Secrets;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Secrets;

public sealed class SecretRedactorTests
{
    private const string OpenAIKey = "sk-proj-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5Hh";
    private const string EnvironmentSecret = "correct horse \"battery\" <staple> & | 7";

    private static readonly SecretRedactor NoVariables = new(Array.Empty<KeyValuePair<string, string?>>());

    private static readonly SecretRedactor WithVariables = new(new Dictionary<string, string?>
    {
        ["AZURE_OPENAI_KEY"] = EnvironmentSecret,
        ["EVALSPEC_X"] = "1",
        ["SHORT_TOKEN"] = "1234567",
        ["HOME"] = "/home/someone/long-path",
    });

    private static string Redact(string text) => NoVariables.Redact(text);

    [Theory]
    [InlineData("sk-proj-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5Hh", "OpenAI project key")]
    [InlineData("sk-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5HhJj2Kk4", "OpenAI legacy key")]
    [InlineData("sk-svcacct-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6", "OpenAI service account key")]
    [InlineData("sk-ant-api03-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5Hh-AbCdEf", "Anthropic key")]
    [InlineData("sk-fixture-canary-4242", "the fixture's canary")]
    [InlineData("sk_live_51Hq4Lm9Xc2Vb7Nn1Aa0Ss8", "Stripe secret key")]
    [InlineData("ghp_Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5HhJj2K", "GitHub personal access token")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv", "GitHub fine-grained token")]
    [InlineData("glpat-Zq4Lm9Xc2Vb7Nn1Aa0Ss", "GitLab token")]
    [InlineData("xoxb-1234567890-abcdefghij", "Slack bot token")]
    [InlineData("AIzaSyD-0123456789abcdefghijklmnopqrstu", "Google API key")]
    [InlineData("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", "Hugging Face token")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "AWS access key id")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "JSON Web Token")]
    public void Keys_of_known_shapes_are_redacted_wherever_they_stand(string key, string what)
    {
        foreach (string text in new[] { key, $"Incorrect API key provided: {key}.", $"({key})", $"\"{key}\"", $"line\n{key}\nline", $"é{key}é", $"key={key}&x=1" })
        {
            string redacted = Redact(text);
            redacted.Should().NotContain(key, what).And.Contain(SecretRedactor.Marker, what);
        }
    }

    [Theory]
    [InlineData("task-force-members-agreed-on-it")]
    [InlineData("sk-short")]
    [InlineData("risk-assessment-framework-documents")]
    [InlineData("the skeleton key")]
    [InlineData("AKIAIOSFODNN7EXAMPL")]
    [InlineData("AKIAIOSFODNN7EXAMPLEX")]
    [InlineData("ｓｋ-proj-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5Hh")]
    [InlineData("The bearer of bad news.")]
    [InlineData("Bearer tokens are sent in a header.")]
    [InlineData("{\"inputTokens\": 1234567890, \"outputTokenCount\": 99999999}")]
    [InlineData("{\"token\": 123456789, \"password\": null, \"apiKey\": true}")]
    [InlineData("{\"variantKey\": \"formal-long-variant\", \"key\": \"casual-variant-key\"}")]
    [InlineData("The secret: tea")]
    [InlineData("RecordedSuite.SupportEvals.RefundWindow/laptop/formal/identity")]
    [InlineData("hash 3f2504e04f8911d39a0c0305e82c33013f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("if (token == expectedTokenValue) { }")]
    [InlineData("string apiKey = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!;")]
    [InlineData("var token = request.Headers.Authorization;")]
    [InlineData("api_key = os.environ[\"OPENAI_API_KEY\"]")]
    [InlineData("token: GetAccessTokenFromVault()")]
    [InlineData("await client.GetResponseAsync(question, cancellationToken: cancellationToken);")]
    [InlineData("Verify(signature: caller.Signature, credentials: DefaultCredentials)")]
    public void Text_without_secrets_is_returned_unchanged(string text)
    {
        Redact(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.DEF-ghi_jkl~mno+pqr/stu=", "Authorization: Bearer [REDACTED]")]
    [InlineData("authorization: bearer abcdefgh", "authorization: bearer [REDACTED]")]
    [InlineData("Incorrect API key provided: Bearer sk-proj-Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5Hh.", "Incorrect API key provided: Bearer [REDACTED].")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic [REDACTED]")]
    [InlineData("Proxy-Authorization: Digest username-and-response", "Proxy-Authorization: Digest [REDACTED]")]
    [InlineData("{\"Authorization\":\"Bearer abcdefghijk\"}", "{\"Authorization\":\"Bearer [REDACTED]\"}")]
    [InlineData("header Authorization=Bearer%20abcdefghijk", "header Authorization=Bearer%20[REDACTED]")]
    [InlineData("Bearer abcdefg", "Bearer abcdefg")]
    public void Authorization_header_values_are_redacted_keeping_the_scheme(string text, string expected)
    {
        Redact(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("api-key: 0123456789abcdef", "api-key: [REDACTED]")]
    [InlineData("x-api-key:0123456789abcdef", "x-api-key:[REDACTED]")]
    [InlineData("Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef", "Ocp-Apim-Subscription-Key: [REDACTED]")]
    [InlineData("{\"api_key\": \"abcdefgh12\", \"model\": \"gpt-4o\"}", "{\"api_key\": \"[REDACTED]\", \"model\": \"gpt-4o\"}")]
    [InlineData("{'apiKey': 'abcdefgh12'}", "{'apiKey': '[REDACTED]'}")]
    [InlineData("GET /v1?api_key=abcdefgh12&q=refund", "GET /v1?api_key=[REDACTED]&q=refund")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=YWJjZGVmZ2hpamtsbW5vcA==;EndpointSuffix=core.windows.net", "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=[REDACTED];EndpointSuffix=core.windows.net")]
    [InlineData("OPENAI_API_KEY=abcdefgh12 dotnet test", "OPENAI_API_KEY=[REDACTED] dotnet test")]
    [InlineData("MY_SERVICE_KEY=abcdefgh12", "MY_SERVICE_KEY=[REDACTED]")]
    [InlineData("password=hunter2hunter2;", "password=[REDACTED];")]
    [InlineData("client_secret: s3cr3t-value!", "client_secret: [REDACTED]")]
    [InlineData("\"access_token\":\"ya29.a0AfH6SMBx\"", "\"access_token\":\"[REDACTED]\"")]
    [InlineData("https://shop.blob.core.windows.net/c?sv=2022&sig=AbCdEfGh%2B12345%3D", "https://shop.blob.core.windows.net/c?sv=2022&sig=[REDACTED]")]
    [InlineData("password=hunter2", "password=hunter2")]
    [InlineData("password = \"hunter2hunter2\";", "password = \"[REDACTED]\";")]
    [InlineData("api_key = 'abcdefgh12'", "api_key = '[REDACTED]'")]
    public void Values_of_credential_names_are_redacted(string text, string expected)
    {
        Redact(text).Should().Be(expected);
    }

    [Fact]
    public void Keys_inside_JSON_strings_are_found_after_escapes_and_the_JSON_stays_valid()
    {
        var reply = new Dictionary<string, string>
        {
            ["error"] = "Incorrect API key provided:\n" + OpenAIKey + "\tfor \"Bearer abc+def/ghi=\" and {\"api_key\": \"abcdefgh12\"}",
        };

        foreach (JavaScriptEncoder encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            string json = JsonSerializer.Serialize(reply, new JsonSerializerOptions { Encoder = encoder });
            json.Should().Contain("\\n" + OpenAIKey, "the key follows a JSON escape");

            string redacted = Redact(json);

            string error = JsonDocument.Parse(redacted).RootElement.GetProperty("error").GetString()!;
            error.Should().NotContain(OpenAIKey).And.NotContain("abc+def").And.NotContain("abcdefgh12");
            error.Should().Be("Incorrect API key provided:\n[REDACTED]\tfor \"Bearer [REDACTED]\" and {\"api_key\": \"[REDACTED]\"}");
        }
    }

    [Fact]
    public void Values_of_secret_environment_variables_are_redacted_raw_and_escaped()
    {
        string[] written =
        {
            "the key is " + EnvironmentSecret + ".",
            JsonSerializer.Serialize(new { message = EnvironmentSecret }),
            JsonSerializer.Serialize(new { message = EnvironmentSecret }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            "<td>" + WebUtility.HtmlEncode(EnvironmentSecret) + "</td>",
            "https://example.test/?k=" + Uri.EscapeDataString(EnvironmentSecret),
            "| row | " + EnvironmentSecret.Replace("|", "\\|", StringComparison.Ordinal) + " |",
        };

        foreach (string text in written)
        {
            string redacted = WithVariables.Redact(text);
            redacted.Should().Contain(SecretRedactor.Marker, text).And.NotContain("horse", text).And.NotContain("staple", text);
        }

        WithVariables.SecretVariables.Should().Equal("AZURE_OPENAI_KEY");
    }

    [Fact]
    public void Short_values_and_variables_of_other_names_are_not_secrets()
    {
        string text = "EVALSPEC_X=1, 1234567 items in /home/someone/long-path";

        WithVariables.Redact(text).Should().BeSameAs(text);
        SecretRedactor.IsSecretVariable("OPENAI_API_KEY").Should().BeTrue();
        SecretRedactor.IsSecretVariable("GITHUB_TOKEN").Should().BeTrue();
        SecretRedactor.IsSecretVariable("client_secret").Should().BeTrue();
        SecretRedactor.IsSecretVariable("DB_PASSWORD").Should().BeTrue();
        SecretRedactor.IsSecretVariable("_KEY").Should().BeFalse();
        SecretRedactor.IsSecretVariable("KEYBOARD_LAYOUT").Should().BeFalse();
        SecretRedactor.IsSecretVariable("TOKEN_COUNT").Should().BeFalse();
    }

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_redacted()
    {
        var redactor = new SecretRedactor(new Dictionary<string, string?>
        {
            ["SIGNING_KEY"] = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n",
        });

        string redacted = redactor.Redact("loaded\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nand \"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7\"");

        redacted.Should().NotContain("MIIEvQ").And.NotContain("BKcwgg");
    }

    [Fact]
    public void A_secret_cut_short_by_an_ellipsis_is_redacted_as_far_as_it_goes()
    {
        Redact("Incorrect API key provided: sk-proj-Zq4L... (3000 chars, full text in results.jsonl)")
            .Should().Be("Incorrect API key provided: [REDACTED]... (3000 chars, full text in results.jsonl)");
        Redact("\"Authorization: Bearer Zq4\u2026\"").Should().Be("\"Authorization: Bearer [REDACTED]\u2026\"");
        Redact("api_key=abc...").Should().Be("api_key=[REDACTED]...");
        WithVariables.Redact("it said: correct horse \"bat\u2026").Should().Be("it said: [REDACTED]\u2026");
        WithVariables.Redact("it said: corr\u2026").Should().Be("it said: [REDACTED]\u2026");
        WithVariables.Redact("it said: cor\u2026").Should().Be("it said: cor\u2026", "three characters say nothing");
    }

    [Fact]
    public void Keys_at_the_very_start_and_end_of_the_text_are_redacted()
    {
        Redact(OpenAIKey).Should().Be(SecretRedactor.Marker);
        Redact(OpenAIKey + " " + OpenAIKey).Should().Be("[REDACTED] [REDACTED]");
        Redact("Bearer " + OpenAIKey).Should().Be("Bearer [REDACTED]");
        WithVariables.Redact(EnvironmentSecret).Should().Be(SecretRedactor.Marker);
    }

    [Fact]
    public void A_key_split_across_lines_is_redacted_in_the_part_that_still_looks_like_a_key()
    {
        // Documented as not covered: the tail on the next line is no key by itself.
        string redacted = Redact("sk-proj-Zq4Lm9Xc2Vb7Nn1Aa\n0Ss8Dd3Ff6Gg5Hh");

        redacted.Should().Be("[REDACTED]\n0Ss8Dd3Ff6Gg5Hh");
    }

    [Fact]
    public void Unicode_around_a_key_is_kept_intact()
    {
        string text = "😀 clé: " + OpenAIKey + " — naïve 日本語 \uD83D\uDE00";

        Redact(text).Should().Be("😀 clé: [REDACTED] — naïve 日本語 \uD83D\uDE00");
    }

    [Fact]
    public void Long_hostile_inputs_are_redacted_exactly()
    {
        // Near misses that a backtracking pattern would retry at every position (timing is measured in bench/, not here).
        string[] hostile =
        {
            string.Concat(Enumerable.Repeat("sk-abc ", 100_000)),
            string.Concat(Enumerable.Repeat("Bearer ", 50_000)),
            string.Concat(Enumerable.Repeat("\"token\":", 50_000)),
            string.Concat(Enumerable.Repeat("a=", 200_000)),
            "Bearer " + new string(' ', 300_000) + "x",
            string.Concat(Enumerable.Repeat("eyJ", 100_000)),
            string.Concat(Enumerable.Repeat("api_key=", 50_000)) + "abcdefgh12",
        };

        foreach (string text in hostile)
        {
            string redacted = Redact(text);
            if (text.EndsWith("abcdefgh12", StringComparison.Ordinal))
            {
                redacted.Should().Be("api_key=[REDACTED]", "the value of the first name runs to the end");
            }
            else
            {
                redacted.Should().BeSameAs(text);
            }
        }

        string manyKeys = string.Join(" ", Enumerable.Repeat(OpenAIKey, 50_000));
        Redact(manyKeys).Should().Be(string.Join(" ", Enumerable.Repeat(SecretRedactor.Marker, 50_000)));
    }

    [Fact]
    public void Redacting_is_idempotent_and_removes_every_planted_secret_in_generated_text()
    {
        string[] secrets = { OpenAIKey, "ghp_Zq4Lm9Xc2Vb7Nn1Aa0Ss8Dd3Ff6Gg5HhJj2K", "AKIAIOSFODNN7EXAMPLE", EnvironmentSecret };
        string[] filler =
        {
            " ", "\n", "\t", "\"", "'", ":", "=", "\\n", "\\\"", "&", ";", "…", "...", "sk-", "Bearer ", "bearer", "api_key", "token", "password",
            "Authorization: ", "[REDACTED]", "é", "😀", "%20", "\\u002B", "abc", "XYZ", "0123", "-", "_", ".", "{", "}", "|",
            "Basic ", "eyJhbGciOiJIUzI1NiJ9", "AccountKey", "\\u0022", "%2B", "corr", "_key", "ghp_", "AKIA",
        };

        for (int seed = 0; seed < 5000; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var planted = new List<string>();
            int parts = random.Next(1, 30);
            for (int i = 0; i < parts; i++)
            {
                if (random.Next(6) == 0)
                {
                    string secret = secrets[random.Next(secrets.Length)];
                    planted.Add(secret);

                    // A secret stands as a word: what precedes it must not extend it (a letter before "sk-" makes another word).
                    text.Append(' ').Append(secret).Append(' ');
                }
                else
                {
                    text.Append(filler[random.Next(filler.Length)]);
                }
            }

            string input = text.ToString();
            string once = WithVariables.Redact(input);
            string twice = WithVariables.Redact(once);

            twice.Should().Be(once, $"redacting is idempotent (seed {seed}: {input})");
            foreach (string secret in planted)
            {
                once.Should().NotContain(secret, $"seed {seed}: {input}");
            }
        }
    }

    [Fact]
    public void Redacting_JSON_with_planted_secrets_keeps_it_valid_JSON_with_the_same_structure()
    {
        string[] values = { OpenAIKey, "Bearer abcdefghijk", "api_key=abcdefgh12", EnvironmentSecret, "plain \"quoted\" text", "line\nbreak", "😀 é", "1234567" };
        for (int seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            var document = new Dictionary<string, object>();
            for (int i = 0; i < random.Next(1, 8); i++)
            {
                string value = string.Join(random.Next(2) == 0 ? " " : "\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => values[random.Next(values.Length)]));
                document[random.Next(3) switch { 0 => "n" + i + "_api_key", 1 => "n" + i + "_token", _ => "text" + i }] = random.Next(4) == 0 ? random.Next() : value;
            }

            var options = new JsonSerializerOptions { Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = random.Next(2) == 0 };
            string json = JsonSerializer.Serialize(document, options);

            string redacted = WithVariables.Redact(json);

            using JsonDocument parsed = JsonDocument.Parse(redacted);
            parsed.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(document.Keys, $"seed {seed}");
            foreach (JsonProperty property in parsed.RootElement.EnumerateObject())
            {
                string text = property.Value.ToString();
                text.Should().NotContain(OpenAIKey).And.NotContain("abcdefghijk").And.NotContain("abcdefgh12").And.NotContain("horse", $"seed {seed}: {json}");
            }
        }
    }

    [Fact]
    public void The_same_text_gives_the_same_bytes_every_time()
    {
        string text = $"Output: api_key={OpenAIKey}; Authorization: Bearer {OpenAIKey}";

        string first = Redact(text);

        Redact(text).Should().Be(first);
        new SecretRedactor(Array.Empty<KeyValuePair<string, string?>>()).Redact(text).Should().Be(first);
        first.Should().Be("Output: api_key=[REDACTED]; Authorization: Bearer [REDACTED]");
    }
}
