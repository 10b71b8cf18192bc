using System;
using System.Text;

namespace EvalSpec.Snapshots;

/// <summary>Snapshot files are UTF-8 without a byte order mark, with LF line ends.</summary>
internal static class SnapshotText
{
    /// <summary>Writes without a byte order mark; reads strictly, so that a file in another encoding is reported, not misread.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>CRLF and lone CR become LF: received content is always written with LF.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
}
