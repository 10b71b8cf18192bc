using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EvalSpec.Recording;

/// <summary>
/// The rows a test assembly has, as its last run saw them: <c>&lt;recordings&gt;/.evalspec/rows.&lt;assembly&gt;.&lt;tfm&gt;.json</c>
/// (git-ignored, next to the journals). Runs in Auto and Record mode write it at their end; a full Record run and
/// <c>evalspec clean --recordings</c> read the inventories of every test assembly that records into the folder, and treat a
/// row as gone only when none of them lists it.
/// </summary>
/// <param name="Assembly">The test assembly's name.</param>
/// <param name="TargetFramework">Its target framework (<c>net10.0</c>): each target framework's test process writes its own.</param>
/// <param name="AssemblyPath">Where the assembly was (to tell when it was rebuilt after the inventory was written).</param>
/// <param name="WrittenAt">When the inventory was written (UTC).</param>
/// <param name="Suites">The full names of its eval classes (each has a recordings file).</param>
/// <param name="Rows">The ids of all its rows.</param>
/// <param name="ProjectDirectory">
/// The test project's folder, whose sources define the rows (null in lists written before it was recorded: then the folder
/// above the assembly that holds a project file, else the folder that holds the recordings folder).
/// </param>
internal sealed record RecordingInventory(string Assembly, string TargetFramework, string AssemblyPath, DateTimeOffset WrittenAt, IReadOnlySet<string> Suites, IReadOnlySet<string> Rows, string? ProjectDirectory = null)
{
    /// <summary>The version of the inventory format.</summary>
    public const int Format = 1;

    private const string Prefix = "rows.";

    /// <summary>Where the inventory is written in <paramref name="recordingsDirectory"/>.</summary>
    public string PathIn(string recordingsDirectory) =>
        Path.Combine(RecordingJournal.Folder(recordingsDirectory), Prefix + Safe(Assembly) + "." + Safe(TargetFramework) + ".json");

    /// <summary>Writes the inventory (atomically: a temporary file, then a rename).</summary>
    public void Write(string recordingsDirectory)
    {
        RecordingJournal.EnsureFolder(recordingsDirectory);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteString("assembly", Assembly);
            writer.WriteString("targetFramework", TargetFramework);
            writer.WriteString("assemblyPath", AssemblyPath);
            if (ProjectDirectory is not null)
            {
                writer.WriteString("projectDirectory", ProjectDirectory);
            }

            writer.WriteString("writtenAt", WrittenAt.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteStartArray("suites");
            foreach (string suite in Suites.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(suite);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            foreach (string row in Rows.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(row);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        string path = PathIn(recordingsDirectory);
        string temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The inventories in <paramref name="recordingsDirectory"/>; one that cannot be read is skipped and named in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<RecordingInventory> ReadAll(string recordingsDirectory, List<string>? problems = null)
    {
        string folder = RecordingJournal.Folder(recordingsDirectory);
        if (!Directory.Exists(folder))
        {
            return Array.Empty<RecordingInventory>();
        }

        var inventories = new List<RecordingInventory>();
        foreach (string file in Directory.EnumerateFiles(folder, Prefix + "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
                JsonElement root = document.RootElement;
                if (root.GetProperty("format").GetInt32() != Format)
                {
                    problems?.Add($"{file}: not format {Format}");
                    continue;
                }

                inventories.Add(new RecordingInventory(
                    root.GetProperty("assembly").GetString()!,
                    root.GetProperty("targetFramework").GetString()!,
                    root.GetProperty("assemblyPath").GetString()!,
                    DateTimeOffset.Parse(root.GetProperty("writtenAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    root.GetProperty("suites").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal),
                    root.GetProperty("rows").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal),
                    root.TryGetProperty("projectDirectory", out JsonElement project) ? project.GetString() : null));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                problems?.Add($"{file}: {ex.Message}");
            }
        }

        return inventories;
    }

    /// <summary>
    /// Whether an entry's context is of a row none of <paramref name="inventories"/> lists (a case, variant, relation,
    /// method or class deleted from the code). Calls outside rows are never stale by this rule.
    /// </summary>
    public static bool OfMissingRow(string context, IReadOnlyCollection<RecordingInventory> inventories) =>
        RecordingContext.TrySplit(context, out string? rowId, out _) && !inventories.Any(i => i.Rows.Contains(rowId));

    private static string Safe(string name)
    {
        char[] invalid = Path.GetInvalidFileNameChars();
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(Array.IndexOf(invalid, c) >= 0 ? '_' : c);
        }

        return safe.ToString();
    }
}
