namespace SearchService.Core.Analysis;

/// <summary>
/// What a token is. Stacked tokens (folded copies, pairs, synonyms, code parts) carry their own
/// type so the search side can weigh an exact match above a folded or synonym match.
/// </summary>
public enum TokenType
{
    /// <summary>A Vietnamese syllable ("nông", "thôn").</summary>
    Syllable,

    /// <summary>A word that is not a Vietnamese syllable: foreign words, letters with digits ("covid", "f0").</summary>
    Word,

    /// <summary>An abbreviation written as one word ("UBND", "KT-XH", "GPMB").</summary>
    Abbreviation,

    /// <summary>A Roman numeral, as in a term ("khóa XVIII") or a section number ("II.").</summary>
    Roman,

    /// <summary>A number as Vietnamese writes it ("11.225,4", "21,4%", "1.625", "1/2000").</summary>
    Number,

    /// <summary>A day/month/year date as written ("05/7/2023").</summary>
    Date,

    /// <summary>A document code kept whole ("18-NQ/TU", "06/QĐ-TTg", "35/2021/QH15").</summary>
    Code,

    /// <summary>One part of a document code, stacked on the code ("18", "nq", "tu").</summary>
    CodePart,

    /// <summary>Two adjacent syllables joined by '_' ("giải_phóng"), stacked on the second.</summary>
    Pair,

    /// <summary>
    /// Two syllables side by side across punctuation or a break ("nại¦tố" in "khiếu nại, tố cáo"),
    /// stacked on the second: not a word (plain-word queries never use it), but with
    /// <see cref="Pair"/> it tells where syllables stand together at all, so a phrase typed without
    /// its comma finds the text with it as cheaply as one without.
    /// </summary>
    BrokenPair,

    /// <summary>The accent-folded copy of a token ("nông" gives "nong"), stacked on it.</summary>
    Folded,

    /// <summary>An abbreviation stacked on the spelled-out phrase it stands for ("gpmb" on "giải phóng mặt bằng").</summary>
    Synonym,
}
