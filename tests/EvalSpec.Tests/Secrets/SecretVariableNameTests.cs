using System.Collections.Generic;
using EvalSpec.Secrets;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Secrets;

/// <summary>
/// Found by a hostile review, and fixed: before, only variables whose names end in _KEY, _TOKEN, _SECRET or _PASSWORD
/// have their values redacted, so a key in the .NET configuration convention (OpenAI__ApiKey, and EvalSpec's own
/// EVALSPEC_APP__ section the README recommends for settings of your own) leaks when it has no known shape (Azure
/// OpenAI, Mistral, Together and most OpenAI-compatible providers), although the named-value rule already treats
/// names ending in "apikey" as credentials.
/// </summary>
public sealed class SecretVariableNameTests
{
    private const string AzureStyleKey = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("EVALSPEC_APP__OPENAI__APIKEY")]
    [InlineData("AzureOpenAI__ApiKey")]
    [InlineData("OPENAI_APIKEY")]
    public void A_key_in_a_variable_named_like_a_configuration_key_is_redacted(string variable)
    {
        var redactor = new SecretRedactor(new[] { KeyValuePair.Create(variable, (string?)AzureStyleKey) });

        redactor.Redact("Access denied: the key " + AzureStyleKey + " is not valid for this resource.").Should().NotContain(AzureStyleKey);
    }
}
