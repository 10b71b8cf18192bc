using System;
using System.Collections.Generic;
using System.Net.Http;
using EvalSpec.Execution;
using EvalSpec.Secrets;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Secrets;

/// <summary>What a row reports to the test framework (the messages, types and stack traces of its exception chain) holds no secret.</summary>
public sealed class RowExceptionRedactionTests
{
    private const string Key = "sk-proj-ExceptionCanary0123456789abcdef";
    private static readonly SecretRedactor Redactor = new(Array.Empty<KeyValuePair<string, string?>>());

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    [Fact]
    public void A_failed_row_carrying_the_eval_methods_exception_is_reported_with_the_key_redacted_and_its_types_kept()
    {
        Exception provider = Thrown(new HttpRequestException("Incorrect API key provided: Bearer " + Key + "."));
        var row = new EvalRowFailedException("Eval row FAILED: Shop.Evals.Answer/x/plain/identity\nReason: the eval method threw HttpRequestException: Incorrect API key provided: Bearer " + Key + ".", provider);

        Exception? redacted = RowExceptionRedaction.Redact(row, Redactor);

        redacted.Should().BeOfType<EvalRowFailedException>();
        redacted!.Message.Should().NotContain(Key).And.Contain("Incorrect API key provided: Bearer [REDACTED].");
        RedactedException inner = redacted.InnerException.Should().BeOfType<RedactedException>().Subject;
        inner.OriginalType.Should().Be("System.Net.Http.HttpRequestException");
        inner.Message.Should().Be("System.Net.Http.HttpRequestException: Incorrect API key provided: Bearer [REDACTED].");
        inner.StackTrace.Should().Be(provider.StackTrace).And.Contain(nameof(Thrown));
    }

    [Fact]
    public void An_exception_chain_without_secrets_is_reported_as_it_is()
    {
        var row = new EvalRowInconclusiveException("Eval row INCONCLUSIVE: quorum not met", Thrown(new TimeoutException("timed out after 20 s")));

        RowExceptionRedaction.Redact(row, Redactor).Should().BeNull();
    }

    [Fact]
    public void Only_the_exceptions_that_hold_a_secret_are_replaced()
    {
        Exception clean = Thrown(new InvalidOperationException("the socket closed"));
        var wrapped = new AggregateException("Calls failed: api_key=abcdefgh12", clean);
        var row = new EvalRowInconclusiveException("Eval row INCONCLUSIVE", wrapped);

        Exception redacted = RowExceptionRedaction.Redact(row, Redactor)!;

        redacted.Should().BeOfType<EvalRowInconclusiveException>().Which.Message.Should().Be("Eval row INCONCLUSIVE");
        redacted.InnerException.Should().BeOfType<RedactedException>().Which.Message.Should().StartWith("System.AggregateException: Calls failed: api_key=[REDACTED]");
        redacted.InnerException!.InnerException.Should().BeSameAs(clean);
    }

    [Fact]
    public void Known_failures_skipped_rows_and_configuration_errors_keep_their_types()
    {
        RowExceptionRedaction.Redact(new EvalRowKnownFailureException("Known failure: Bearer " + Key), Redactor)
            .Should().BeOfType<EvalRowKnownFailureException>().Which.Message.Should().Be("Known failure: Bearer [REDACTED]");
        RowExceptionRedaction.Redact(new EvalRowSkippedException("Not applicable: " + Key), Redactor)
            .Should().BeOfType<EvalRowSkippedException>().Which.Message.Should().Be("Not applicable: [REDACTED]");
        RowExceptionRedaction.Redact(new EvalConfigurationException("Startup threw: password=" + Key), Redactor)
            .Should().BeOfType<EvalConfigurationException>().Which.Message.Should().Be("Startup threw: password=[REDACTED]");
    }
}
