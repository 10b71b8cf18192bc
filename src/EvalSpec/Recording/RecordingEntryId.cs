namespace EvalSpec.Recording;

/// <summary>The identity of a recording: the n-th (<paramref name="Occurrence"/>) call with request hash <paramref name="Hash"/> in context <paramref name="Context"/>.</summary>
internal readonly record struct RecordingEntryId(string Context, string Hash, int Occurrence);
