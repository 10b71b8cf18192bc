using System;
using System.Collections.Generic;

namespace EvalSpec.Tests.Metamorphic;

/// <summary>
/// Key adjacency derived from the geometry of a QWERTY keyboard: the home row is offset half a key to the
/// right of the top row, the bottom row a whole key. Keys touch when they are one key apart in a row, or half
/// a key apart in adjacent rows.
/// </summary>
internal static class QwertyKeyboard
{
    private static readonly string[] Rows = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };
    private static readonly double[] RowOffsets = { 0.0, 0.5, 1.0 };

    public static bool AreNeighbours(char a, char b)
    {
        (int rowA, double xA)? keyA = Locate(char.ToLowerInvariant(a));
        (int rowB, double xB)? keyB = Locate(char.ToLowerInvariant(b));
        if (keyA is null || keyB is null)
        {
            return false;
        }

        int rows = Math.Abs(keyA.Value.rowA - keyB.Value.rowB);
        double distance = Math.Abs(keyA.Value.xA - keyB.Value.xB);
        return (rows == 0 && distance == 1.0) || (rows == 1 && distance == 0.5);
    }

    public static bool IsKey(char c) => Locate(char.ToLowerInvariant(c)) is not null;

    public static IEnumerable<char> Letters => "abcdefghijklmnopqrstuvwxyz";

    private static (int Row, double X)? Locate(char c)
    {
        for (int row = 0; row < Rows.Length; row++)
        {
            int index = Rows[row].IndexOf(c, StringComparison.Ordinal);
            if (index >= 0)
            {
                return (row, index + RowOffsets[row]);
            }
        }

        return null;
    }
}
