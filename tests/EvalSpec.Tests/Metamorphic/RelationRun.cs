using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using EvalSpec.Metamorphic;

namespace EvalSpec.Tests.Metamorphic;

/// <summary>One application of a relation: its follow-up input and the notes it left.</summary>
internal sealed record RelationRun(string Output, IReadOnlyDictionary<string, string> Notes, TimeSpan Elapsed)
{
    public static RelationRun Of(IMetamorphicRelation relation, string input, string rowId = "row", IReadOnlyList<string>? otherPrompts = null)
    {
        var context = new MetamorphicContext(rowId, otherPrompts);
        var clock = Stopwatch.StartNew();
        string output = relation.Transform(input, context);
        TimeSpan elapsed = clock.Elapsed;
        return new RelationRun(output, new Dictionary<string, string>(context.Notes), elapsed);
    }

    /// <summary>Applies the relation once per row id of <see cref="RowIdSet.Fifty"/>.</summary>
    public static RelationRun[] ForEachRow(IMetamorphicRelation relation, string input, IReadOnlyList<string>? otherPrompts = null) =>
        RowIdSet.Fifty.Select(id => Of(relation, input, id, otherPrompts)).ToArray();

    /// <summary>The note as "key=value" lines, for comparing two runs.</summary>
    public string NotesText => string.Join("\n", Notes.Select(note => note.Key + "=" + note.Value));
}
