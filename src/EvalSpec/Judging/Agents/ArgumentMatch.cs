namespace EvalSpec.Judging;

/// <summary>The result of an <see cref="ArgumentMatcher"/> on one tool call's arguments.</summary>
/// <param name="Matched">Whether the arguments satisfy the matcher.</param>
/// <param name="Detail">What was found, for the verdict's reason: <c>id was "A-18"</c>, <c>no argument "id"</c>.</param>
public readonly record struct ArgumentMatch(bool Matched, string Detail);
