using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// A <see cref="FakeOpenAIServer.Responder"/> for tool-calling agents: rules that answer a request from its last message.
/// When the last message is a user turn matching a pattern, reply with tool calls (or text); when the request ends with
/// tool results (one <c>tool</c> message per call) matching a pattern, reply with more tool calls or with text. So the
/// real <c>FunctionInvokingChatClient</c> over the real OpenAI client runs the loop against the server.
/// </summary>
/// <remarks>
/// Rules are tried in the order they were added; the first that matches answers. Patterns are .NET regular expressions
/// (culture-invariant, 1 s timeout) searched in the message text. A request no rule matches is answered with HTTP 500
/// naming its last message, so a script that misses a turn fails loudly. Thread-safe once built.
/// </remarks>
public sealed class ToolLoopScript
{
    /// <summary>The placeholder in a text reply that is replaced by the text of the request's trailing tool results.</summary>
    public const string ResultPlaceholder = "{result}";

    private readonly List<(string Role, Regex Pattern, Func<string, ScriptedResponse> Reply)> _rules = [];

    /// <summary>When the last message is a user turn matching <paramref name="pattern"/>, ask for <paramref name="calls"/>.</summary>
    /// <param name="pattern">A regular expression searched in the user turn's text.</param>
    /// <param name="calls">The tool calls to reply with.</param>
    /// <returns>This script.</returns>
    public ToolLoopScript WhenUser(string pattern, params ScriptedToolCall[] calls)
    {
        ScriptedResponse response = ScriptedResponse.ToolCalls(calls);
        return Add("user", pattern, _ => response);
    }

    /// <summary>When the last message is a user turn matching <paramref name="pattern"/>, reply with text.</summary>
    /// <param name="pattern">A regular expression searched in the user turn's text.</param>
    /// <param name="reply">The assistant's text.</param>
    /// <returns>This script.</returns>
    public ToolLoopScript WhenUserReply(string pattern, string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Add("user", pattern, _ => ScriptedResponse.Completion(reply));
    }

    /// <summary>When the request ends with tool results matching <paramref name="pattern"/>, ask for more <paramref name="calls"/>.</summary>
    /// <param name="pattern">A regular expression searched in the trailing tool results' text (joined by line feeds).</param>
    /// <param name="calls">The tool calls to reply with.</param>
    /// <returns>This script.</returns>
    public ToolLoopScript WhenToolResult(string pattern, params ScriptedToolCall[] calls)
    {
        ScriptedResponse response = ScriptedResponse.ToolCalls(calls);
        return Add("tool", pattern, _ => response);
    }

    /// <summary>
    /// When the request ends with tool results matching <paramref name="pattern"/>, reply with text, in which
    /// <see cref="ResultPlaceholder"/> is replaced by the results' text.
    /// </summary>
    /// <param name="pattern">A regular expression searched in the trailing tool results' text (joined by line feeds).</param>
    /// <param name="reply">The assistant's text.</param>
    /// <returns>This script.</returns>
    public ToolLoopScript WhenToolResultReply(string pattern, string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Add("tool", pattern, results => ScriptedResponse.Completion(reply.Replace(ResultPlaceholder, results, StringComparison.Ordinal)));
    }

    /// <summary>Answers one request by the first matching rule, or HTTP 500 naming the unmatched last message.</summary>
    /// <param name="request">The received request.</param>
    /// <returns>The response.</returns>
    public ScriptedResponse Respond(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<RecordedMessage> messages = request.Messages;
        if (messages.Count == 0)
        {
            return ScriptedResponse.Error(500, "ToolLoopScript: the request has no messages.", "fake_server_error");
        }

        string role = messages[^1].Role;
        string text = role == "tool"
            ? string.Join("\n", messages.Reverse().TakeWhile(m => m.Role == "tool").Reverse().Select(m => m.Text))
            : messages[^1].Text;
        foreach ((string ruleRole, Regex pattern, Func<string, ScriptedResponse> reply) in _rules)
        {
            if (ruleRole == role && pattern.IsMatch(text))
            {
                return reply(text);
            }
        }

        string shown = text.Length <= 200 ? text : text[..200] + "...";
        return ScriptedResponse.Error(500, $"ToolLoopScript: no rule answers a request whose last message is {role} \"{shown}\".", "fake_server_error");
    }

    private ToolLoopScript Add(string role, string pattern, Func<string, ScriptedResponse> reply)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _rules.Add((role, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), reply));
        return this;
    }
}
