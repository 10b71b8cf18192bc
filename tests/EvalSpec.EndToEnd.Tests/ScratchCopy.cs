using System;
using System.IO;
using System.Linq;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// A copy of a fixture under tests/fixtures/.work (ignored by git), for tests that write next to the sources as a user's
/// workflow does (recordings, snapshots). Inside the repository, so the repository's build and package settings apply.
/// </summary>
internal static class ScratchCopy
{
    public static string Of(string fixture) => Of(Path.Combine("tests", "fixtures", fixture), NewFolder());

    /// <summary>
    /// Copies the repository folders <paramref name="repositoryFolders"/> side by side into one scratch folder (so
    /// relative project references between them still resolve); returns the copy of each, in order.
    /// </summary>
    public static string[] OfFolders(params string[] repositoryFolders)
    {
        string parent = NewFolder();
        return repositoryFolders.Select(folder => Of(folder, parent)).ToArray();
    }

    private static string NewFolder() => Path.Combine(DotNet.RepoRoot, "tests", "fixtures", ".work", Guid.NewGuid().ToString("n")[..12]);

    private static string Of(string repositoryFolder, string parent)
    {
        string source = Path.Combine(DotNet.RepoRoot, repositoryFolder);
        string target = Path.Combine(parent, Path.GetFileName(repositoryFolder));
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            string first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj" or "TestResults" or "recordings" || relative.Contains(".received.", StringComparison.Ordinal) || relative.Contains(".verified.", StringComparison.Ordinal))
            {
                continue;
            }

            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public static void Delete(string copy)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
        catch (IOException)
        {
            // A build server process may still hold a file; the folder is ignored by git and reused by nobody.
        }
    }
}
