namespace TicketTriage;

/// <summary>A ticket's triage: its category (billing, shipping, technical, account) and priority (low, normal, high, urgent).</summary>
/// <param name="Category">The category, in lower case; <c>unknown</c> when the model's answer could not be read.</param>
/// <param name="Priority">The priority, in lower case; <c>unknown</c> when the model's answer could not be read.</param>
public sealed record Triage(string Category, string Priority)
{
    /// <summary>"category / priority", as the evals compare it.</summary>
    public override string ToString() => Category + " / " + Priority;
}
