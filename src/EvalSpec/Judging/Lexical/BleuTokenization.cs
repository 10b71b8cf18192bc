namespace EvalSpec.Judging;

/// <summary>How <see cref="Bleu"/> splits texts into tokens.</summary>
public enum BleuTokenization
{
    /// <summary>
    /// sacrebleu's default <c>13a</c> tokenizer, equivalent to mteval-v13a.pl used by WMT: un-escapes
    /// <c>&amp;quot; &amp;amp; &amp;lt; &amp;gt;</c>, splits off punctuation and symbols, splits periods and commas
    /// except between digits (<c>3.5</c> and <c>1,000</c> stay whole) and a dash after a digit, then splits on white space.
    /// </summary>
    Mteval13a = 0,

    /// <summary>
    /// Split on white space only, like Python's <c>str.split()</c>: sacrebleu's <c>none</c> tokenizer, and what
    /// NLTK's examples do before calling <c>sentence_bleu</c>. Punctuation stays attached to words.
    /// </summary>
    Whitespace = 1,
}
