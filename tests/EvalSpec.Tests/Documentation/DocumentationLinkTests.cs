using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Documentation;

/// <summary>
/// The README is the front page and the reference is docs/: a section moved or renamed there must not leave a link
/// behind that GitHub renders as a dead end. (tools/check-links.py does the same check without a build.)
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_relative_link_and_anchor_of_the_README_and_docs_resolves()
    {
        string[] files = new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .ToArray();
        files.Should().Contain(f => f.EndsWith(Path.Combine("docs", "judges.md"), StringComparison.Ordinal), "the reference lives in docs/");

        MarkdownLinks.BrokenLinks(Root, files).Should().BeEmpty();
    }

    [Fact]
    public void The_README_links_every_page_of_the_reference()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        string[] pages = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md")
            .Select(p => "docs/" + Path.GetFileName(p))
            .ToArray();

        pages.Should().OnlyContain(page => readme.Contains("](" + page, StringComparison.Ordinal), "a page of docs/ no link leads to is never found");
    }

    [Fact]
    public void No_markdown_file_of_the_repository_holds_merge_conflict_markers()
    {
        // A conflict resolved in code but not in the README was once committed: GitHub renders the markers as text.
        string[] markers = ["<<<<<<< ", ">>>>>>> ", "|||||||"];
        string[] conflicted = Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "node_modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(line => markers.Any(m => line.StartsWith(m, StringComparison.Ordinal))))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToArray();

        conflicted.Should().BeEmpty("a merge left conflict markers in these files");
    }

    [Fact]
    public void Broken_files_and_anchors_are_reported_and_links_in_code_are_not_links()
    {
        string folder = Path.Combine(Path.GetTempPath(), "evalspec-doclinks-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path.Combine(folder, "docs", "report"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "docs", "report", "rows.png"), "png");
            File.WriteAllText(Path.Combine(folder, "docs", "judges.md"), "# Judges and panels\n\n## Judges\n\n### `[Eval]` and panels\n\n## Judges\n");
            File.WriteAllText(Path.Combine(folder, "README.md"), string.Join('\n',
                "# Front",
                "[ok](docs/judges.md#judges) [repeat](docs/judges.md#judges-1) [code heading](docs/judges.md#eval-and-panels)",
                "![ok](docs/report/rows.png) [self](#front) [web](https://example.com/missing.md)",
                "[no file](docs/agents.md) [no anchor](docs/judges.md#llm-judges) [moved picture](report/rows.png)",
                "[outside](../elsewhere.md) `[inline](docs/nothing.md)`",
                "```md",
                "[fenced](docs/nothing.md)",
                "```",
                "[ref]: docs/gone.md"));

            var broken = MarkdownLinks.BrokenLinks(folder, new[] { Path.Combine(folder, "README.md"), Path.Combine(folder, "docs", "judges.md") });

            broken.Should().BeEquivalentTo(
                "README.md:4: docs/agents.md: docs/agents.md does not exist",
                "README.md:4: docs/judges.md#llm-judges: no heading with anchor #llm-judges in docs/judges.md",
                "README.md:4: report/rows.png: report/rows.png does not exist",
                "README.md:5: ../elsewhere.md: points outside the repository",
                "README.md:9: docs/gone.md: docs/gone.md does not exist");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Writing evals", "writing-evals")]
    [InlineData("`[Eval]`", "eval")]
    [InlineData("The `evalspec` tool", "the-evalspec-tool")]
    [InlineData("Judge cascades: trust or escalate", "judge-cascades-trust-or-escalate")]
    [InlineData("Microsoft.Extensions.AI.Evaluation interop", "microsoftextensionsaievaluation-interop")]
    [InlineData("How a judge's answer is read", "how-a-judges-answer-is-read")]
    [InlineData("Build-time diagnostics", "build-time-diagnostics")]
    [InlineData("Files you commit: formats, schemas and safe writes", "files-you-commit-formats-schemas-and-safe-writes")]
    public void Headings_get_the_anchors_GitHub_gives_them(string heading, string anchor)
    {
        MarkdownLinks.Slug(heading).Should().Be(anchor);
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvalSpec.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EvalSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
