using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Prompts;
using Microsoft.Extensions.AI;
using OpenAI;
using Spectre.Console;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// <c>evalspec paraphrase</c>: asks a chat model for paraphrases of a prompt template and appends the ones that keep
/// its placeholders to a <c>.prompts</c> file, for a person to review and commit. Generating is a separate step on
/// purpose: a test run only reads the committed file, so it never depends on a model's mood that day.
/// </summary>
internal static class ParaphraseCommand
{
    private const int MaxCount = 50;

    public static Command Create(CommandContext context)
    {
        var file = new Option<string>("--file") { Description = "The .prompts file to append to (created when missing).", Required = true, HelpName = "path" };
        var from = new Option<string?>("--from") { Description = "Paraphrase the entry with this key in --file; new keys are <key>-p1, <key>-p2, ...", HelpName = "key" };
        var template = new Option<string?>("--template") { Description = "Paraphrase this template instead of an entry of the file (needs --key).", HelpName = "text" };
        var key = new Option<string?>("--key") { Description = "Base key for the paraphrases of --template: they are written as <key>-p1, <key>-p2, ...", HelpName = "base key" };
        var count = new Option<int>("--count") { Description = "How many paraphrases to ask for.", DefaultValueFactory = _ => 5, HelpName = "n" };
        var endpoint = new Option<string?>("--endpoint") { Description = "Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:1234/v1 (default: the OpenAI API).", HelpName = "url" };
        var model = new Option<string>("--model") { Description = "The model id.", Required = true, HelpName = "id" };
        var apiKeyVariable = new Option<string>("--api-key-env") { Description = "The environment variable holding the API key.", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "variable" };
        var seed = new Option<int?>("--seed") { Description = "Sampling seed, for providers that honour one (ChatOptions.Seed).", HelpName = "int" };
        var retries = new Option<int>("--retries") { Description = "How often the client retries rate limits, 5xx answers and dropped connections.", DefaultValueFactory = _ => 2, HelpName = "n" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the lines that would be appended instead of writing them." };

        var command = new Command("paraphrase", "Generate paraphrases of a prompt template with a chat model and append them to a .prompts file for review.")
        {
            file, from, template, key, count, endpoint, model, apiKeyVariable, seed, retries, dryRun,
        };

        command.Validators.Add(result =>
        {
            bool hasFrom = result.GetResult(from) is not null;
            bool hasTemplate = result.GetResult(template) is not null;
            if (hasFrom == hasTemplate)
            {
                result.AddError("Give either --from <key> (an entry of --file) or --template <text> with --key <base key>.");
            }
            else if (hasTemplate && result.GetResult(key) is null)
            {
                result.AddError("--template needs --key <base key>: the paraphrases are written as <base key>-p1, <base key>-p2, ...");
            }
            else if (hasFrom && result.GetResult(key) is not null)
            {
                result.AddError("--key goes with --template; with --from the entry's key is the base key.");
            }

        });

        // Option validators run only for options on the command line, so the defaults are never checked.
        count.Validators.Add(result =>
        {
            int n = result.GetValueOrDefault<int>();
            if (n < 1 || n > MaxCount)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--count must be between 1 and {MaxCount} (got {n})."));
            }
        });
        retries.Validators.Add(result =>
        {
            int r = result.GetValueOrDefault<int>();
            if (r < 0 || r > 10)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--retries must be between 0 and 10 (got {r})."));
            }
        });
        endpoint.Validators.Add(result =>
        {
            string? url = result.GetValueOrDefault<string?>();
            if (url is not null && !IsHttpUrl(url))
            {
                result.AddError($"--endpoint '{url}' is not an http or https URL; give the API's base URL, e.g. http://127.0.0.1:1234/v1.");
            }
        });
        model.Validators.Add(result =>
        {
            string? id = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(id) || id.Any(char.IsControl))
            {
                result.AddError("--model must be a model id: not empty, without line breaks or control characters.");
            }
        });

        command.SetAction((parsed, cancellationToken) =>
        {
            string? url = parsed.GetValue(endpoint);
            var settings = new ParaphraseSettings(
                parsed.GetValue(file)!,
                parsed.GetValue(from),
                parsed.GetValue(template),
                parsed.GetValue(key),
                parsed.GetValue(count),
                url is null ? null : new Uri(url, UriKind.Absolute),
                parsed.GetValue(model)!,
                parsed.GetValue(apiKeyVariable)!,
                parsed.GetValue(seed),
                parsed.GetValue(retries),
                parsed.GetValue(dryRun));
            return RunAsync(settings, context, cancellationToken);
        });

        return command;
    }

    public static async Task<int> RunAsync(ParaphraseSettings settings, CommandContext context, CancellationToken cancellationToken)
    {
        PromptFile file = PromptFile.Load(settings.File);
        (string baseKey, string sourceTemplate) = ResolveSource(file, settings);
        TemplatePlaceholders placeholders = TemplatePlaceholders.TryRead(sourceTemplate, out string? templateError)
            ?? throw new CliInputException(settings.From is null
                ? $"--template is not a valid prompt template: {templateError}."
                : $"The entry '{baseKey}' of {settings.File} is not a valid prompt template: {templateError}.");
        string apiKey = ReadApiKey(settings, context.Environment);

        string endpointName = settings.Endpoint?.ToString() ?? "the OpenAI API";
        using IChatClient client = new OpenAI.Chat.ChatClient(
            settings.Model,
            new ApiKeyCredential(apiKey),
            new OpenAIClientOptions { Endpoint = settings.Endpoint, RetryPolicy = new ClientRetryPolicy(settings.Retries) }).AsIChatClient();

        string[] avoid = file.Entries
            .Where(e => e.Key != baseKey && e.Key.StartsWith(baseKey + "-p", StringComparison.Ordinal))
            .Select(e => e.Template)
            .ToArray();
        var request = new ParaphraseRequest(sourceTemplate, placeholders, settings.Count, avoid, settings.Seed);

        IReadOnlyList<string> replies;
        try
        {
            replies = await ParaphraseGenerator.GenerateAsync(client, request, endpointName, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelCallException ex)
        {
            await context.Error.WriteLineAsync(Redact("evalspec paraphrase: " + ex.Message, apiKey)).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"Nothing was written; {settings.File} is unchanged.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        IReadOnlyList<ParaphraseCandidate> candidates = ParaphraseValidator.Validate(sourceTemplate, placeholders, file.Entries, replies, settings.Count);
        ParaphraseCandidate[] accepted = candidates.Where(c => c.IsAccepted).ToArray();
        ParaphraseCandidate[] rejected = candidates.Where(c => !c.IsAccepted).ToArray();

        int next = file.HighestParaphraseNumber(baseKey) + 1;
        var written = accepted.Select((c, i) => new PromptFileEntry(string.Create(CultureInfo.InvariantCulture, $"{baseKey}-p{next + i}"), c.Template, 0)).ToArray();

        IAnsiConsole console = OutputConsole.Create(context.Output, context.Environment);
        if (written.Length > 0)
        {
            string date = context.Environment.Time.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var lines = new List<string> { $"# paraphrases of {baseKey} by {settings.Model} on {date}, review before committing" };
            lines.AddRange(written.Select(e => $"{e.Key}: {e.Template}"));
            if (settings.DryRun)
            {
                console.WriteLine($"Dry run: {settings.File} is not changed. These lines would be appended:");
                foreach (string line in lines)
                {
                    console.WriteLine(line);
                }
            }
            else
            {
                file.Append(file.TextToAppend(lines));
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Appended {written.Length} paraphrase(s) of '{baseKey}' to {settings.File}; review them before committing:"));
                Table table = OutputConsole.CreateTable(context.Environment).AddColumn("Key").AddColumn("Template");
                foreach (PromptFileEntry entry in written)
                {
                    table.AddRow(new Text(entry.Key), new Text(entry.Template));
                }

                OutputConsole.WriteTable(console, table, context.Environment);
            }
        }

        if (rejected.Length > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rejected {rejected.Length} paraphrase(s) of the model's reply (not written):"));
            Table table = OutputConsole.CreateTable(context.Environment).AddColumn("#").AddColumn("Paraphrase").AddColumn("Reason");
            foreach (ParaphraseCandidate candidate in rejected)
            {
                string shown = candidate.Template.Length == 0 ? "(empty)" : candidate.Template;
                table.AddRow(new Text(candidate.Position.ToString(CultureInfo.InvariantCulture)), new Text(shown), new Text(candidate.Rejection!));
            }

            OutputConsole.WriteTable(console, table, context.Environment);
        }

        if (written.Length >= settings.Count)
        {
            return ExitCodes.Success;
        }

        await context.Error.WriteLineAsync(Shortfall(settings, replies.Count, written.Length, rejected)).ConfigureAwait(false);
        return ExitCodes.Failure;
    }

    private static (string BaseKey, string Template) ResolveSource(PromptFile file, ParaphraseSettings settings)
    {
        if (settings.From is { } from)
        {
            if (!file.Exists)
            {
                throw new CliInputException($"--file {settings.File} does not exist, so --from '{from}' names no entry; give the template with --template <text> --key <base key>.");
            }

            PromptFileEntry entry = file.Find(from) ?? throw new CliInputException(
                $"--from '{from}': {settings.File} has no entry with that key (its keys: {(file.Entries.Count == 0 ? "none" : string.Join(", ", file.Entries.Select(e => e.Key)))}).");
            return (entry.Key, entry.Template);
        }

        string key = settings.Key!;
        string? keyProblem = KeyProblem(key);
        if (keyProblem is not null)
        {
            throw new CliInputException($"--key '{key}' {keyProblem}.");
        }

        string template = settings.Template!;
        if (template.Contains('\n', StringComparison.Ordinal) || template.Contains('\r', StringComparison.Ordinal))
        {
            throw new CliInputException("--template must be one line: a .prompts entry is a single line.");
        }

        template = template.Trim();
        if (template.Length == 0)
        {
            throw new CliInputException("--template must not be empty.");
        }

        if (file.Find(key) is { } existing
            && !string.Equals(ParaphraseValidator.CollapseWhitespace(existing.Template), ParaphraseValidator.CollapseWhitespace(template), StringComparison.Ordinal))
        {
            throw new CliInputException(
                $"--key '{key}' already names an entry of {settings.File} with another template (\"{existing.Template}\"): use --from {key} to paraphrase that entry, or choose another --key.");
        }

        return (key, template);
    }

    /// <summary>Why a base key cannot be used, or null: the generator's rules, plus what a paraphrase key must still satisfy.</summary>
    private static string? KeyProblem(string key)
    {
        if (key.Length == 0 || key.Trim().Length != key.Length)
        {
            return "must be non-empty, without spaces at the ends";
        }

        if (key.Contains('/', StringComparison.Ordinal) || key.Contains(':', StringComparison.Ordinal))
        {
            return "must not contain '/' or ':' (a .prompts key ends at the first colon, and '/' separates the parts of a row id)";
        }

        if (key.StartsWith('#') || key.Any(char.IsControl))
        {
            return "must not start with '#' (a comment line) or contain control characters";
        }

        return null;
    }

    private static string ReadApiKey(ParaphraseSettings settings, CliEnvironment environment)
    {
        string variable = settings.ApiKeyVariable;
        if (string.IsNullOrWhiteSpace(variable))
        {
            throw new CliInputException("--api-key-env must name an environment variable.");
        }

        string? key = environment.GetVariable(variable);
        if (string.IsNullOrEmpty(key))
        {
            throw new CliInputException(
                $"The environment variable {variable} is not set. Set it to the API key of {(settings.Endpoint is null ? "the OpenAI API" : "the endpoint")}" +
                " (a local server that ignores keys accepts any value), or name another variable with --api-key-env.");
        }

        return key;
    }

    private static string Shortfall(ParaphraseSettings settings, int replied, int written, ParaphraseCandidate[] rejected)
    {
        string outcome = written == 0
            ? "nothing was written"
            : string.Create(CultureInfo.InvariantCulture, $"{written} {(settings.DryRun ? "would be" : written == 1 ? "was" : "were")} written");
        string reasons = rejected.Length == 0
            ? string.Empty
            : " (" + string.Join(", ", rejected.GroupBy(c => c.RejectionKind).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"))) + ")";
        string fewer = replied < settings.Count ? string.Create(CultureInfo.InvariantCulture, $" The model returned only {replied}.") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"evalspec paraphrase: {written} of the {settings.Count} paraphrase(s) asked for passed validation and {outcome}; {rejected.Length} rejected{reasons}, see the reasons above.{fewer} Run the command again for more.");
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Never show the key, even when a server echoes it back in an error body.</summary>
    private static string Redact(string text, string apiKey) =>
        apiKey.Length >= 6 ? text.Replace(apiKey, "***", StringComparison.Ordinal) : text;
}
