namespace EvalSpec.Conversations;

/// <summary>Which turns of a conversation case a metamorphic relation transforms. System and assistant turns are never changed.</summary>
public enum ConversationScope
{
    /// <summary>Every user turn, each transformed on its own (with its own seed, derived from the row id and the turn's position).</summary>
    EachUserTurn,

    /// <summary>Only the last user turn, the one the system under test answers (relations that add something once: a distractor, an injection).</summary>
    LastUserTurn,

    /// <summary>
    /// Every user turn, transformed together as one text (turns joined by blank lines), so that a choice made once holds
    /// in every turn: a name swapped for the same name throughout.
    /// </summary>
    AllUserTurnsTogether,

    /// <summary>The relation does not apply to conversations; its conversation rows are reported as not applicable.</summary>
    None,
}
