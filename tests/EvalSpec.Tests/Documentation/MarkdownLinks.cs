using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace EvalSpec.Tests.Documentation;

/// <summary>
/// Resolves the relative links of Markdown files the way GitHub renders them (the same rules as tools/check-links.py,
/// which checks without a build): a link with no scheme must name a file or folder of the repository, resolved against
/// the folder of the file that contains it, and an anchor must be the GitHub anchor of a heading of the target Markdown
/// file (lower case, punctuation dropped, spaces as hyphens, -1, -2 ... for repeats) or an explicit id/name attribute.
/// Text in fenced code blocks and inline code is not a link.
/// </summary>
internal static class MarkdownLinks
{
    private static readonly Regex Fence = new(@"^\s*(`{3,}|~{3,})", RegexOptions.CultureInvariant);
    private static readonly Regex Heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex InlineLink = new(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)", RegexOptions.CultureInvariant);
    private static readonly Regex ReferenceDefinition = new(@"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+""[^""]*"")?\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex HtmlTarget = new(@"<(?:a|img)\s[^>]*?(?:href|src)=""([^""]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex HtmlId = new(@"\s(?:id|name)=""([^""]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex CodeSpan = new(@"(`+)(?:(?!\1).)+?\1", RegexOptions.CultureInvariant);
    private static readonly Regex Scheme = new(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant);

    /// <summary>Every broken relative link of <paramref name="files"/>, as "file:line: link: why" with paths relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> BrokenLinks(string root, IEnumerable<string> files)
    {
        root = Path.GetFullPath(root);
        var anchorsByFile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (string file in files.Select(Path.GetFullPath))
        {
            foreach ((int number, string line) in ProseLines(File.ReadAllLines(file)))
            {
                foreach (string target in Targets(line))
                {
                    if (Scheme.IsMatch(target))
                    {
                        continue;
                    }

                    int hash = target.IndexOf('#', StringComparison.Ordinal);
                    string filePart = hash < 0 ? target : target[..hash];
                    string anchor = hash < 0 ? string.Empty : target[(hash + 1)..];
                    string destination = filePart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(filePart)));
                    string where = $"{Relative(root, file)}:{number}: {target}";
                    if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && destination != root)
                    {
                        problems.Add($"{where}: points outside the repository");
                    }
                    else if (!File.Exists(destination) && !Directory.Exists(destination))
                    {
                        problems.Add($"{where}: {Relative(root, destination)} does not exist");
                    }
                    else if (anchor.Length > 0)
                    {
                        if (!destination.EndsWith(".md", StringComparison.Ordinal) || !File.Exists(destination))
                        {
                            problems.Add($"{where}: an anchor into a file that is not Markdown");
                        }
                        else
                        {
                            if (!anchorsByFile.TryGetValue(destination, out HashSet<string>? anchors))
                            {
                                anchors = Anchors(File.ReadAllLines(destination));
                                anchorsByFile[destination] = anchors;
                            }

                            if (!anchors.Contains(anchor))
                            {
                                problems.Add($"{where}: no heading with anchor #{anchor} in {Relative(root, destination)}");
                            }
                        }
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>The anchors GitHub gives the headings of a Markdown text, and its explicit id/name attributes.</summary>
    public static HashSet<string> Anchors(IEnumerable<string> lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((_, string line) in ProseLines(lines))
        {
            Match heading = Heading.Match(line);
            if (heading.Success)
            {
                string slug = Slug(heading.Groups[2].Value);
                int repeats = seen.GetValueOrDefault(slug);
                seen[slug] = repeats + 1;
                anchors.Add(repeats == 0 ? slug : $"{slug}-{repeats}");
            }

            foreach (Match id in HtmlId.Matches(line))
            {
                anchors.Add(id.Groups[1].Value);
            }
        }

        return anchors;
    }

    /// <summary>GitHub's anchor for a heading's text (inline code already removed by <see cref="ProseLines"/>).</summary>
    public static string Slug(string heading)
    {
        string text = Regex.Replace(heading, "<[^>]+>", string.Empty, RegexOptions.CultureInvariant);
        text = Regex.Replace(text, @"!?\[([^\]]*)\]\([^)]*\)", "$1", RegexOptions.CultureInvariant);
        text = text.Trim().ToLowerInvariant();
        text = Regex.Replace(text, @"[^\w\- ]", string.Empty, RegexOptions.CultureInvariant);
        return text.Replace(' ', '-');
    }

    /// <summary>
    /// The lines outside fenced code blocks, numbered from 1, as they are: a heading such as <c>### `[Eval]`</c> keeps
    /// its inline code for the anchor (links are looked for with inline code removed, see <see cref="Targets"/>).
    /// </summary>
    public static IEnumerable<(int Number, string Text)> ProseLines(IEnumerable<string> lines)
    {
        string? fence = null;
        int number = 0;
        foreach (string line in lines)
        {
            number++;
            Match open = Fence.Match(line);
            if (fence is null && open.Success)
            {
                fence = open.Groups[1].Value;
                continue;
            }

            if (fence is not null)
            {
                if (line.Trim() == fence)
                {
                    fence = null;
                }

                continue;
            }

            yield return (number, line);
        }
    }

    private static IEnumerable<string> Targets(string line)
    {
        string prose = CodeSpan.Replace(line, string.Empty);
        foreach (Match link in InlineLink.Matches(prose))
        {
            yield return link.Groups[1].Value;
        }

        Match definition = ReferenceDefinition.Match(prose);
        if (definition.Success)
        {
            yield return definition.Groups[1].Value;
        }

        foreach (Match html in HtmlTarget.Matches(prose))
        {
            yield return html.Groups[1].Value;
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
