using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>The per-test outcomes of a TRX file written by `dotnet test --logger trx`.</summary>
internal sealed class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private TrxReport(IReadOnlyDictionary<string, TrxResult> results)
    {
        Results = results;
    }

    /// <summary>Results by test display name.</summary>
    public IReadOnlyDictionary<string, TrxResult> Results { get; }

    public static TrxReport Load(string directory)
    {
        string file = Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories).Single();
        XDocument document = XDocument.Load(file);
        Dictionary<string, TrxResult> results = document.Descendants(Ns + "UnitTestResult").ToDictionary(
            r => (string)r.Attribute("testName")!,
            r => new TrxResult(
                (string)r.Attribute("outcome")!,
                (string?)r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message") ?? string.Empty));
        return new TrxReport(results);
    }
}

/// <summary>One test's outcome ("Passed", "Failed", "NotExecuted") and failure message.</summary>
internal sealed record TrxResult(string Outcome, string Message);
