namespace EvalSpec.Conversations;

/// <summary>
/// Implemented by a metamorphic relation that says which turns of a conversation case it transforms. A relation
/// that does not implement it transforms every user turn on its own (<see cref="ConversationScope.EachUserTurn"/>).
/// </summary>
public interface IConversationRelation
{
    /// <summary>Which user turns the relation transforms.</summary>
    ConversationScope Scope { get; }
}
