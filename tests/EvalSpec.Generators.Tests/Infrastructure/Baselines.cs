using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit.Sdk;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the checked-in baselines in <c>Baselines/&lt;test name&gt;/&lt;hint name&gt;</c>.
/// Set <c>EVALSPECDEV_UPDATE_BASELINES=1</c> to (re)write them instead, then review the git diff by eye.
/// </summary>
internal static class Baselines
{
    public const string UpdateVariable = "EVALSPECDEV_UPDATE_BASELINES";

    private const string ReceivedMarker = ".received";
    private const int MaxDiffLines = 80;

    public static string Directory { get; } = Path.Combine(ProjectDirectory(), "Baselines");

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true" or "True";

    /// <summary>Asserts that the folder of <paramref name="testName"/> holds exactly <paramref name="files"/>, text for text.</summary>
    public static void Verify(string testName, IEnumerable<(string HintName, string Text)> files)
    {
        string folder = Path.Combine(Directory, testName);
        var actual = files.ToDictionary(f => f.HintName, f => Normalize(f.Text), StringComparer.Ordinal);
        if (Updating)
        {
            Write(folder, actual);
            return;
        }

        var failures = new List<string>();
        string[] existing = System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.Contains(ReceivedMarker, StringComparison.Ordinal)).ToArray()
            : Array.Empty<string>();

        foreach (string orphan in existing.Except(actual.Keys, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
        {
            failures.Add($"Baseline '{orphan}' exists but no such file was generated (renamed hint name or dropped output?).");
        }

        foreach ((string hintName, string text) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, hintName);
            string received = ReceivedPath(path);
            if (!File.Exists(path))
            {
                failures.Add($"No baseline for generated file '{hintName}' (expected at {path}).");
                WriteText(received, text);
                continue;
            }

            string expected = Normalize(File.ReadAllText(path));
            if (expected == text)
            {
                File.Delete(received);
                continue;
            }

            WriteText(received, text);
            failures.Add($"'{hintName}' differs from its baseline ('-' baseline line, '+' generated line; full text in {received}):\n{Diff(expected, text)}");
        }

        if (failures.Count > 0)
        {
            throw new XunitException(
                $"Generated code of '{testName}' does not match the baselines in {folder}.\n\n" +
                string.Join("\n\n", failures) +
                $"\n\nIf the change is intended, rerun with {UpdateVariable}=1 and review the baseline diff.");
        }
    }

    /// <summary>A line diff with a little context, '-' for the baseline and '+' for the generated text.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');

        // Longest common subsequence table over lines; generated files are small enough for O(n*m).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                edits.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                edits.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        const int context = 2;
        var shown = new StringBuilder();
        int lines = 0;
        int lastShown = -1;
        for (int k = 0; k < edits.Count && lines < MaxDiffLines; k++)
        {
            bool nearChange = edits.Skip(Math.Max(0, k - context)).Take((2 * context) + 1).Any(e => e.Kind != ' ');
            if (!nearChange)
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                shown.Append("  ...\n");
            }

            (char kind, int line, string text) = edits[k];
            shown.Append(kind).Append(' ').Append(line.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").Append(Visible(text)).Append('\n');
            lastShown = k;
            lines++;
        }

        if (lines >= MaxDiffLines)
        {
            shown.Append("  ... (diff truncated)\n");
        }

        return shown.ToString();
    }

    private static void Write(string folder, Dictionary<string, string> files)
    {
        if (System.IO.Directory.Exists(folder))
        {
            foreach (string stale in System.IO.Directory.GetFiles(folder))
            {
                File.Delete(stale);
            }
        }

        foreach ((string hintName, string text) in files)
        {
            WriteText(Path.Combine(folder, hintName), text);
        }
    }

    private static void WriteText(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string ReceivedPath(string baselinePath) =>
        Path.Combine(Path.GetDirectoryName(baselinePath)!, Path.GetFileNameWithoutExtension(baselinePath) + ReceivedMarker + Path.GetExtension(baselinePath));

    // Baselines are LF; a checkout that converted them to CRLF should not fail every test.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    // Trailing whitespace and tabs are invisible in a failure message.
    private static string Visible(string line) => line.Replace("\t", "\\t", StringComparison.Ordinal) + (line.EndsWith(' ') ? "\u00B6" : string.Empty);

    private static string ProjectDirectory() =>
        typeof(Baselines).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EvalSpec.Generators.Tests.ProjectDirectory").Value
        ?? throw new InvalidOperationException("The test assembly does not record its project directory.");
}
