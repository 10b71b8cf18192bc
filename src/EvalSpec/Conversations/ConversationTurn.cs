namespace EvalSpec.Conversations;

/// <summary>One turn of a conversation case: its role (<c>system</c>, <c>user</c> or <c>assistant</c>) and its text.</summary>
internal sealed record ConversationTurn(string Role, string Content)
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    /// <summary>The turns of a case descriptor's alternating role/content array.</summary>
    public static ConversationTurn[] FromPairs(string[] pairs)
    {
        if (pairs.Length % 2 != 0)
        {
            throw new System.ArgumentException("A conversation is given as role/content pairs; the array has an odd length. Rebuild the test project.", nameof(pairs));
        }

        var turns = new ConversationTurn[pairs.Length / 2];
        for (int i = 0; i < turns.Length; i++)
        {
            turns[i] = new ConversationTurn(pairs[2 * i], pairs[(2 * i) + 1]);
        }

        return turns;
    }
}
