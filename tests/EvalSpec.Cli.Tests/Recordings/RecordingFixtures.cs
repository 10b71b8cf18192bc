using System.IO;
using System.Linq;
using System.Text.Json;
using EvalSpec.Recording;

namespace EvalSpec.Cli.Tests.Recordings;

/// <summary>Entries and readers shared by the <c>evalspec clean --recordings</c> tests.</summary>
internal static class RecordingFixtures
{
    /// <summary>A recorded chat answer "ok" of the system under test, under <paramref name="context"/>.</summary>
    public static RecordingEntry Entry(string context)
    {
        JsonElement answer = JsonDocument.Parse("""{"messages":[{"role":"assistant","contents":[{"$type":"text","text":"ok"}]}]}""").RootElement.Clone();
        return new RecordingEntry(context, "sut", "chat", new string('a', 64), 0, JsonDocument.Parse("{}").RootElement.Clone(), answer);
    }

    /// <summary>The contexts of every entry of a recordings file, in file order.</summary>
    public static string[] Contexts(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("context").GetString()!).ToArray();
    }
}
