using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Processes under a process, from Linux's /proc: `dotnet test` starts vstest.console, which starts the test host
/// (`dotnet exec ... testhost.dll`) that runs the tests and writes the files.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The first descendant of <paramref name="root"/> whose command line contains <paramref name="commandLine"/>, or null.</summary>
    public static int? FindDescendant(int root, string commandLine)
    {
        Dictionary<int, List<int>> children = Children();
        var pending = new Queue<int>(children.GetValueOrDefault(root) ?? new List<int>());
        while (pending.Count > 0)
        {
            int pid = pending.Dequeue();
            if (CommandLine(pid).Contains(commandLine, StringComparison.Ordinal))
            {
                return pid;
            }

            foreach (int child in children.GetValueOrDefault(pid) ?? new List<int>())
            {
                pending.Enqueue(child);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="pid"/> is a running (not zombie) process.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGKILL (kill -9) to <paramref name="pid"/>, if it still runs.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static Dictionary<int, List<int>> Children()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                int parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out List<int>? list))
                {
                    children[parent] = list = new List<int>();
                }

                list.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The process ended while /proc was read.
            }
        }

        return children;
    }
}
