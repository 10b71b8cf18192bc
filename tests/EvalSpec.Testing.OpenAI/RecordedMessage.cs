namespace EvalSpec.Testing.OpenAI;

/// <summary>One entry of the <c>messages</c> array of a received chat completion request.</summary>
/// <param name="Role">The message's <c>role</c> (<c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c>, <c>tool</c>).</param>
/// <param name="Text">
/// The message's text: its <c>content</c> when that is a string, or the <c>text</c> of its text parts joined by
/// line feeds when it is an array of parts; empty when it has neither.
/// </param>
public sealed record RecordedMessage(string Role, string Text);
