using System;
using System.IO;
using Spectre.Console;

namespace EvalSpec.Cli;

/// <summary>Creates the Spectre.Console console a command writes its results to.</summary>
internal static class OutputConsole
{
    // Wide enough that a table of prompt templates is never wrapped in a log file; a terminal keeps its own width.
    private const int PlainWidth = 4096;

    public static IAnsiConsole Create(TextWriter output, CliEnvironment environment)
    {
        bool ansi = environment.UseAnsi;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!ansi)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="work"/> behind a spinner with <paramref name="status"/> on a terminal; in plain output (CI, a
    /// file) it just runs, so logs hold only results.
    /// </summary>
    public static T WithStatus<T>(TextWriter output, CliEnvironment environment, string status, Func<T> work)
    {
        if (!environment.UseAnsi)
        {
            return work();
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        return console.Status().Spinner(Spinner.Known.Dots).Start(status, _ => work());
    }

    /// <summary>A table in the style of the output: box lines on a terminal, Markdown in plain text (pastes into an issue).</summary>
    public static Table CreateTable(CliEnvironment environment) =>
        new Table().Border(environment.UseAnsi ? TableBorder.Rounded : TableBorder.Markdown);

    /// <summary>
    /// Writes <paramref name="table"/>. In plain text the Markdown border's empty top and bottom lines and the padding
    /// at line ends are left out, so a log or a file holds just the table.
    /// </summary>
    public static void WriteTable(IAnsiConsole console, Table table, CliEnvironment environment)
    {
        if (environment.UseAnsi)
        {
            console.Write(table);
            return;
        }

        using var rendered = new StringWriter();
        Create(rendered, environment).Write(table);
        foreach (string line in rendered.ToString().Split('\n'))
        {
            string trimmed = line.TrimEnd();
            if (trimmed.Length > 0)
            {
                console.WriteLine(trimmed);
            }
        }
    }
}
