using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Prompts;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Paraphrasing;

public sealed class ParaphraseCommandTests : IAsyncLifetime, IDisposable
{
    private const string ApiKey = "sk-test-7c1e94b2d05f";
    private const string Model = "paraphraser-1";
    private const string Header = "# paraphrases of refund by paraphraser-1 on 2026-03-14, review before committing";

    // Mixed line endings and no final line break: whatever is there must stay byte for byte.
    private const string ExistingFile =
        "# Refund prompts\r\n" +
        "refund: What is the refund window for {product}?\r\n" +
        "refund-p1: How long do I have to return my {product}?\n" +
        "\n" +
        "refund-p3: Until when can I send back a {product}?\n" +
        "shipping: How long does shipping to {city} take?";

    private readonly TemporaryFolder _folder = new();
    private FakeOpenAIServer _server = null!;

    private static Dictionary<string, string> WithKey => new() { ["OPENAI_API_KEY"] = ApiKey };

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Paraphrases_are_appended_with_keys_after_the_highest_existing_one_and_the_existing_bytes_are_kept()
    {
        string file = WriteExistingFile();
        byte[] before = File.ReadAllBytes(file);
        ReplyWith("Within how many days can I return a {product}?", "What's the return period for a {product}?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        string expected = ExistingFile + "\n\n" + Header + "\n" +
            "refund-p4: Within how many days can I return a {product}?\n" +
            "refund-p5: What's the return period for a {product}?\n";
        File.ReadAllText(file).Should().Be(expected);
        File.ReadAllBytes(file).Take(before.Length).Should().Equal(before);
    }

    [Fact]
    public async Task The_written_file_is_read_by_the_source_generator_parser_without_errors()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?", "What's the return period for a {product}?");

        await ParaphraseAsync(file, "--from", "refund", "--count", "2");

        PromptFileLines spec = PromptFileParser.Parse(File.ReadAllText(file));
        spec.Errors.Should().BeEmpty();
        spec.Entries.Select(e => e.Key).Should().Equal("refund", "refund-p1", "refund-p3", "shipping", "refund-p4", "refund-p5");
        spec.Entries.Single(e => e.Key == "refund-p5").Template.Should().Be("What's the return period for a {product}?");
    }

    [Fact]
    public async Task A_missing_file_is_created_with_the_header_and_the_paraphrases_of_the_template()
    {
        string file = _folder.Combine("shipping.prompts");
        ReplyWith("How many days does delivery to {city} take?");

        CliResult result = await ParaphraseAsync(file, "--template", "How long does shipping to {city} take?", "--key", "ship", "--count", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(file).Should().Be(
            "# paraphrases of ship by paraphraser-1 on 2026-03-14, review before committing\n" +
            "ship-p1: How many days does delivery to {city} take?\n");
    }

    [Fact]
    public async Task What_was_written_is_printed_as_a_table_of_keys_and_templates()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "1");

        result.Output.Should().Contain("| Key").And.Contain("| Template");
        result.Output.Should().MatchRegex(@"\| refund-p4 +\| Within how many days can I return a \{product\}\? +\|");
    }

    [Fact]
    public async Task Paraphrases_that_drop_a_placeholder_are_rejected_with_the_reason()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?", "What is the refund window?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "2");

        result.Output.Should().Contain("What is the refund window?").And.Contain("changes the placeholders: drops {product}");
        PromptFileLines spec = PromptFileParser.Parse(File.ReadAllText(file));
        spec.Entries.Select(e => e.Template).Should().NotContain("What is the refund window?");
        spec.Entries.Should().ContainSingle(e => e.Key == "refund-p4");
    }

    [Fact]
    public async Task Paraphrases_that_add_rename_or_repeat_placeholders_are_rejected_with_the_reason()
    {
        string file = WriteExistingFile();
        ReplyWith(
            "What is the refund window for {product} in {country}?",
            "What is the refund window for {item}?",
            "What is the refund window for {product}, the {product}?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "3");

        result.Output.Should().Contain("adds {country}");
        result.Output.Should().Contain("drops {product}; adds {item}");
        result.Output.Should().Contain("uses {product} 2 times instead of once");
        File.ReadAllText(file).Should().Be(ExistingFile);
    }

    [Fact]
    public async Task Literal_braces_are_kept_doubled_and_a_single_brace_pair_counts_as_a_new_placeholder()
    {
        string file = _folder.Combine("json.prompts");
        ReplyWith("Reply with {{\"window\": days}} for a {product}.", "Reply with {\"window\": days} for a {product}.", "Reply with {window} for a {product}.");

        CliResult result = await ParaphraseAsync(file, "--template", "Answer as {{\"window\": days}} for {product}.", "--key", "json", "--count", "3");

        PromptFileParser.Parse(File.ReadAllText(file)).Entries.Select(e => e.Template)
            .Should().Equal("Reply with {{\"window\": days}} for a {product}.");
        result.Output.Should().Contain("not a valid template").And.Contain("adds {window}");
    }

    [Fact]
    public async Task Paraphrases_that_repeat_the_source_an_existing_entry_or_each_other_are_rejected_with_the_reason()
    {
        string file = WriteExistingFile();
        ReplyWith(
            "what is the refund window  for {product}?",
            "Until when can I send back a {product}?",
            "Within how many days can I return a {product}?",
            "WITHIN how many days can I return a {product}?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "4");

        result.Output.Should().Contain("same as the source template");
        result.Output.Should().Contain("same as the entry 'refund-p3' already in the file");
        result.Output.Should().Contain("same as paraphrase 3 of this reply");
        PromptFileParser.Parse(File.ReadAllText(file)).Entries.Where(e => e.Line > 6).Select(e => e.Key).Should().Equal("refund-p4");
    }

    [Fact]
    public async Task Paraphrases_of_several_paragraphs_are_rejected_with_the_reason()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?", "How long is the return window for a {product}?\n\nAnd can I get my money back?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "2");

        result.Output.Should().Contain("spans several paragraphs");
        File.ReadAllText(file).Should().NotContain("money back");
    }

    [Fact]
    public async Task A_paraphrase_wrapped_over_lines_is_written_as_one_line_with_its_whitespace_collapsed()
    {
        string file = WriteExistingFile();
        ReplyWith("  Within how many days\ncan I   return a\t{product}?  ");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(file).Should().EndWith("\nrefund-p4: Within how many days can I return a {product}?\n");
    }

    [Fact]
    public async Task Fewer_valid_paraphrases_than_asked_are_written_and_the_exit_code_says_how_many_were_rejected()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?", "What is the refund window?", "");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "3");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("1 of the 3 paraphrase(s) asked for passed validation and 1 was written; 2 rejected (1 placeholders changed, 1 empty)");
        File.ReadAllText(file).Should().Contain("refund-p4: Within how many days can I return a {product}?");
    }

    [Fact]
    public async Task A_missing_api_key_variable_fails_with_a_message_naming_it_and_calls_no_model()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?");

        CliResult result = await Cli.RunAsync(
            new Dictionary<string, string>(),
            "paraphrase", "--file", file, "--from", "refund", "--endpoint", _server.BaseAddress.ToString(), "--model", Model, "--api-key-env", "LOCAL_LLM_KEY");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("The environment variable LOCAL_LLM_KEY is not set").And.Contain("--api-key-env");
        _server.Requests.Should().BeEmpty();
        File.ReadAllText(file).Should().Be(ExistingFile);
    }

    [Fact]
    public async Task The_key_is_read_from_the_variable_named_by_api_key_env_and_sent_as_a_bearer_token()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?");

        await Cli.RunAsync(
            new Dictionary<string, string> { ["LOCAL_LLM_KEY"] = "local-key-123" },
            "paraphrase", "--file", file, "--from", "refund", "--count", "1", "--endpoint", _server.BaseAddress.ToString(), "--model", Model, "--api-key-env", "LOCAL_LLM_KEY");

        _server.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer local-key-123");
    }

    [Fact]
    public async Task An_http_500_from_the_model_fails_with_the_status_and_leaves_the_file_unchanged()
    {
        string file = WriteExistingFile();
        byte[] before = File.ReadAllBytes(file);
        _server.Responder = _ => ScriptedResponse.Error(500, "The model crashed while loading.", "server_error");

        CliResult result = await ParaphraseAsync(file, "--from", "refund");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("HTTP 500").And.Contain("The model crashed while loading.").And.Contain("unchanged");
        File.ReadAllBytes(file).Should().Equal(before);
    }

    [Fact]
    public async Task A_reply_that_is_not_json_fails_with_the_raw_text_and_leaves_the_file_unchanged()
    {
        string file = WriteExistingFile();
        _server.Responder = _ => ScriptedResponse.Completion("Sure! Here are some paraphrases: 1. How long...");

        CliResult result = await ParaphraseAsync(file, "--from", "refund");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("not valid JSON").And.Contain("Sure! Here are some paraphrases: 1. How long...");
        File.ReadAllText(file).Should().Be(ExistingFile);
    }

    [Fact]
    public async Task A_json_reply_without_a_paraphrases_array_fails_with_the_raw_text()
    {
        string file = WriteExistingFile();
        _server.Responder = _ => ScriptedResponse.Completion("""{"variants":["How long for a {product}?"]}""");

        CliResult result = await ParaphraseAsync(file, "--from", "refund");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no \"paraphrases\" array").And.Contain("""{"variants":["How long for a {product}?"]}""");
        File.ReadAllText(file).Should().Be(ExistingFile);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_the_output_even_when_the_server_echoes_it()
    {
        string file = WriteExistingFile();
        _server.Responder = _ => ScriptedResponse.Error(401, $"Incorrect API key provided: {ApiKey}.", "invalid_request_error", "invalid_api_key");

        CliResult failed = await ParaphraseAsync(file, "--from", "refund");
        ReplyWith("Within how many days can I return a {product}?");
        CliResult succeeded = await ParaphraseAsync(file, "--from", "refund", "--count", "1");

        _server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + ApiKey);
        failed.Error.Should().Contain("HTTP 401").And.Contain("Incorrect API key provided: ***");
        (failed.AllText + succeeded.AllText).Should().NotContain(ApiKey);
    }

    [Fact]
    public async Task Dry_run_prints_the_lines_and_writes_nothing()
    {
        string file = WriteExistingFile();
        string missing = _folder.Combine("new.prompts");
        ReplyWith("Within how many days can I return a {product}?");

        CliResult result = await ParaphraseAsync(file, "--from", "refund", "--count", "1", "--dry-run");
        CliResult forMissing = await ParaphraseAsync(missing, "--template", "Can I return a {product}?", "--key", "r", "--count", "1", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(Header + Environment.NewLine + "refund-p4: Within how many days can I return a {product}?");
        File.ReadAllText(file).Should().Be(ExistingFile);
        forMissing.ExitCode.Should().Be(0, forMissing.ToString());
        File.Exists(missing).Should().BeFalse();
    }

    [Fact]
    public async Task The_model_is_asked_with_structured_output_for_the_count_the_template_and_the_seed()
    {
        string file = WriteExistingFile();
        ReplyWith("Within how many days can I return a {product}?", "What's the return period for a {product}?");

        await ParaphraseAsync(file, "--from", "refund", "--count", "2", "--seed", "42");

        RecordedRequest request = _server.Requests.Should().ContainSingle().Subject;
        request.Model.Should().Be(Model);
        request.LastUserMessage.Should().Contain("Write 2 paraphrase(s)").And.Contain("What is the refund window for {product}?").And.Contain("{product}");
        request.LastUserMessage.Should().Contain("Until when can I send back a {product}?", "existing paraphrases are listed so the model does not repeat them");
        JsonElement body = request.Body!.Value;
        body.GetProperty("seed").GetInt64().Should().Be(42);
        JsonElement format = body.GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        format.GetProperty("json_schema").GetProperty("schema").GetProperty("required")[0].GetString().Should().Be("paraphrases");
    }

    [Fact]
    public async Task From_a_key_that_is_not_in_the_file_fails_naming_the_key_and_the_file()
    {
        string file = WriteExistingFile();

        CliResult result = await ParaphraseAsync(file, "--from", "returns");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--from 'returns'").And.Contain(file).And.Contain("refund, refund-p1, refund-p3, shipping");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_the_generator_would_reject_fails_naming_the_line_and_is_left_alone()
    {
        string file = _folder.Combine("broken.prompts");
        File.WriteAllText(file, "refund: What is the refund window for {product}?\nno colon here\n");

        CliResult result = await ParaphraseAsync(file, "--from", "refund");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("broken.prompts(2): a line must be 'key: template' (no colon found)");
        File.ReadAllText(file).Should().Be("refund: What is the refund window for {product}?\nno colon here\n");
        _server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "--template", "Can I return a {product}?" }, "--template needs --key")]
    [InlineData(new[] { "--from", "refund", "--template", "Can I return a {product}?" }, "Give either --from")]
    [InlineData(new[] { "--from", "refund", "--count", "0" }, "--count must be between 1 and 50 (got 0)")]
    [InlineData(new[] { "--template", "Can I return a {product?", "--key", "r" }, "--template is not a valid prompt template")]
    [InlineData(new[] { "--template", "Can I return a {product}?", "--key", "a/b" }, "--key 'a/b' must not contain '/'")]
    [InlineData(new[] { "--template", "Another wording for {product}", "--key", "refund" }, "--key 'refund' already names an entry")]
    public async Task Wrong_options_fail_with_exit_code_2_and_a_message_naming_the_option(string[] options, string message)
    {
        string file = WriteExistingFile();

        CliResult result = await ParaphraseAsync(file, options);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(message);
        _server.Requests.Should().BeEmpty();
    }

    private string WriteExistingFile()
    {
        string file = _folder.Combine("refund.prompts");
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes(ExistingFile));
        return file;
    }

    private void ReplyWith(params string[] paraphrases)
    {
        string json = JsonSerializer.Serialize(new { paraphrases });
        _server.Responder = _ => ScriptedResponse.Completion(json);
    }

    private Task<CliResult> ParaphraseAsync(string file, params string[] options) =>
        Cli.RunAsync(
            WithKey,
            ["paraphrase", "--file", file, "--endpoint", _server.BaseAddress.ToString(), "--model", Model, "--retries", "0", .. options]);
}
