using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvalSpec.Recording;

/// <summary>
/// The instances of <see cref="RecordingsJsonContext"/>: the recordings file's layout (indented by two spaces, LF, non-ASCII
/// text unescaped), the journal line's (compact, same escaping; also what every reader uses), and the one an entry's
/// version is hashed in (compact, default escaping: journals on disk name versions hashed that way). Each allows the depth
/// the JSON writer that wrote these files before they had a contract allowed (1000), so that no answer that was written then
/// fails to be written now.
/// </summary>
internal static class RecordingsJson
{
    private const int MaxDepth = 1000;

    /// <summary>A recordings file. Before .NET 9 the indentation's line ending is the platform's: <see cref="RecordingFile"/> makes it LF.</summary>
    public static readonly RecordingsJsonContext File = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    });

    /// <summary>A journal line; and reading files and lines.</summary>
    public static readonly RecordingsJsonContext Line = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth });

    /// <summary>
    /// What <see cref="RecordingFile.VersionOf"/> hashes: an entry as compact JSON with the default escaping. Never change
    /// it: a journal left by a killed run names the version of the entry it was recorded over in these terms.
    /// </summary>
    public static readonly RecordingsJsonContext Version = new(new JsonSerializerOptions { MaxDepth = MaxDepth });
}
