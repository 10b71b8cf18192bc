using System.Collections.Generic;
using System.Net;
using EvalSpec.Secrets;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Secrets;

/// <summary>
/// Found by a hostile review, and fixed: before, report.html is redacted after rendering, and the renderer HTML-encodes
/// quotes, so a credential in JSON (<c>{"api_key": "..."}</c>, caught in results.jsonl and report.md) is not recognised in
/// report.html: <c>{&amp;quot;api_key&amp;quot;: &amp;quot;...&amp;quot;}</c>. The runtime renders from a results.jsonl it
/// redacted already, but <c>evalspec report</c> of a run folder written before redaction existed (which the README says is
/// redacted too) writes the key into report.html.
/// </summary>
public sealed class HtmlEncodedSecretTests
{
    [Fact]
    public void A_json_credential_is_redacted_in_html_encoded_text()
    {
        var redactor = new SecretRedactor(new KeyValuePair<string, string?>[0]);
        string html = WebUtility.HtmlEncode("""The bot answered {"api_key": "abcdefgh12345678"}""");

        redactor.Redact(html).Should().NotContain("abcdefgh12345678", "plain text ({0}) is redacted", redactor.Redact("""{"api_key": "abcdefgh12345678"}"""));
    }
}
