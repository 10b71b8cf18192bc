using System;
using System.Collections.Generic;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// What makes a conversation case usable, for [Conversation] attributes and JSONL <c>turns</c> alike: roles
/// <c>system</c>, <c>user</c> or <c>assistant</c> (any case, stored in lower case), text in every turn, at least one
/// user turn, and a user turn last (the one the system under test answers).
/// </summary>
internal static class ConversationRules
{
    public const string TurnsColumn = "turns";

    private static readonly string[] Roles = { "system", "user", "assistant" };

    /// <summary>The role in lower case, or null when it is not one of the three.</summary>
    public static string? NormalizeRole(string role)
    {
        string lower = role.Trim().ToLowerInvariant();
        return Array.IndexOf(Roles, lower) >= 0 ? lower : null;
    }

    /// <summary>Why one turn is not usable, or null.</summary>
    public static string? CheckTurn(string role, string content)
    {
        if (NormalizeRole(role) is null)
        {
            return "the role '" + role + "' is not one of system, user, assistant";
        }

        return content.Trim().Length == 0 ? "the " + role.Trim().ToLowerInvariant() + " turn has no text" : null;
    }

    /// <summary>Why a list of (valid) roles is not a usable conversation, or null.</summary>
    public static string? CheckOrder(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return "a conversation needs at least one turn, and its last turn must be the user's";
        }

        return roles[roles.Count - 1] != "user"
            ? "the last turn is the " + roles[roles.Count - 1] + "'s; a conversation case ends with the user turn the system under test answers (drop the final " + roles[roles.Count - 1] + " turn, or put the expected answer in 'expected')"
            : null;
    }

    /// <summary>"conversation-" and a hash of every turn and argument, so that a change to any turn names a new case.</summary>
    public static string CaseId(IReadOnlyList<string> turnPairs, IReadOnlyList<string> argumentTexts) =>
        "conversation-" + KeyNaming.Hash(string.Join("\u001f", turnPairs) + "\u001e" + string.Join("\u001f", argumentTexts));
}
