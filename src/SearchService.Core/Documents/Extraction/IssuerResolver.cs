using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Analysis;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Names the body that issued a cited document, from the code's issuer letters, the words around
/// the citation ("… của Ban Thường vụ Tỉnh ủy") and the citing document's own place. Returns null
/// where these do not settle it: "TU" cited by a town may be the town's Thị ủy or the province's
/// Tỉnh ủy, and only the text can say which.
/// </summary>
public static partial class IssuerResolver
{
    /// <summary>Resolves one citation.</summary>
    /// <param name="issuer">The code's issuer letters ("TU", "TW", "QH15"), null for a bare mention.</param>
    /// <param name="code">The full code, to recognise the document's own number.</param>
    /// <param name="before">Text just before the citation.</param>
    /// <param name="after">Text just after the citation (and its date).</param>
    /// <param name="context">The citing document.</param>
    public static string? Resolve(string? issuer, string? code, string before, string after, IssuingContext context)
    {
        var spoken = FromWords(before, after, context);
        switch (issuer)
        {
            case null:
                return spoken?.Body;
            case "TW":
                return "Trung ương";
            case "TTg":
                return "Thủ tướng Chính phủ";
            case "CP":
                return "Chính phủ";
        }

        var congress = Congress().Match(issuer);
        if (congress.Success)
        {
            return "Quốc hội khóa " + ToRoman(int.Parse(congress.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (code is not null && code == context.OwnNumber)
        {
            return context.OwnCommittee;
        }

        switch (issuer)
        {
            case "TU":
                if (spoken is { Letters: "TU" })
                {
                    return spoken.Value.Body;
                }

                return context.Level switch
                {
                    AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity => context.ProvincialCommittee,
                    AdministrativeLevel.District or AdministrativeLevel.UrbanDistrict => context.ProvincialCommittee,
                    AdministrativeLevel.Commune or AdministrativeLevel.Ward or AdministrativeLevel.SpecialZone => context.ProvincialCommittee,
                    _ => null, // a city or town inside a province issues "TU" codes of its own
                };
            case "HU":
                return spoken is { Letters: "HU" } ? spoken.Value.Body
                    : context.Level == AdministrativeLevel.District ? context.OwnCommittee : null;
            case "QU":
                return spoken is { Letters: "QU" } ? spoken.Value.Body
                    : context.Level == AdministrativeLevel.UrbanDistrict ? context.OwnCommittee : null;
            case "ĐU":
                // Every Đảng ủy issues "ĐU" codes (of a commune, a ward, a special zone, but also of an
                // agency's Party committee): only the citing commune-level committee's own are settled.
                return spoken is { Letters: "ĐU" } ? spoken.Value.Body
                    : IsCommuneLevel(context.Level) ? context.OwnCommittee : null;
            default:
                return spoken is { Letters: null } ? spoken.Value.Body : null;
        }
    }

    /// <summary>The body the surrounding words name, with the code letters it would issue under.</summary>
    private static (string? Body, string? Letters)? FromWords(string before, string after, IssuingContext context)
    {
        var of = OfBody().Match(after);
        string? phrase = of.Success ? of.Groups[1].Value : null;
        if (phrase is null)
        {
            var by = BodyBefore().Match(before);
            phrase = by.Success ? by.Groups[1].Value : null;
        }

        if (phrase is null)
        {
            return null;
        }

        var folded = VietnameseAlphabet.FoldString(phrase);
        if (folded.Contains("trung uong", StringComparison.Ordinal) || folded.Contains("bo chinh tri", StringComparison.Ordinal) || folded.Contains("ban bi thu", StringComparison.Ordinal))
        {
            return ("Trung ương", null);
        }

        if (folded.Contains("thu tuong", StringComparison.Ordinal))
        {
            return ("Thủ tướng Chính phủ", null);
        }

        if (folded.Contains("chinh phu", StringComparison.Ordinal))
        {
            return ("Chính phủ", null);
        }

        // "của Tỉnh ủy Bình Định (cũ)", "Thành ủy Quy Nhơn (cũ)": a committee named with its place is
        // that place's, on either map (merged provinces go on citing their predecessors' documents).
        // The kind word must fit: "Thành ủy Bắc Giang" is the city's, not the province's.
        if (NamedCommittee().Match(phrase) is { Success: true } named && Named(named.Groups["kind"].Value, named.Groups["name"].Value) is { } place)
        {
            var letters = place.Level switch
            {
                AdministrativeLevel.District => "HU",
                AdministrativeLevel.UrbanDistrict => "QU",
                _ => "TU",
            };
            return (CommitteeNames.Of(place.Level, place.Name), letters);
        }

        if (folded.Contains("tinh uy", StringComparison.Ordinal) || folded.Contains("dang bo tinh", StringComparison.Ordinal))
        {
            return (context.ProvinceIsCity ? null : context.ProvincialCommittee, "TU");
        }

        if (folded.Contains("thanh uy", StringComparison.Ordinal) || folded.Contains("dang bo thanh pho", StringComparison.Ordinal))
        {
            var body = context.Level == AdministrativeLevel.ProvincialCity ? context.OwnCommittee
                : context.ProvinceIsCity ? context.ProvincialCommittee : null;
            return (body, "TU");
        }

        if (folded.Contains("thi uy", StringComparison.Ordinal) || folded.Contains("dang bo thi xa", StringComparison.Ordinal))
        {
            return (context.Level == AdministrativeLevel.Town ? context.OwnCommittee : null, "TU");
        }

        if (folded.Contains("huyen uy", StringComparison.Ordinal) || folded.Contains("dang bo huyen", StringComparison.Ordinal))
        {
            return (context.Level == AdministrativeLevel.District ? context.OwnCommittee : null, "HU");
        }

        if (folded.Contains("quan uy", StringComparison.Ordinal) || folded.Contains("dang bo quan", StringComparison.Ordinal))
        {
            return (context.Level == AdministrativeLevel.UrbanDistrict ? context.OwnCommittee : null, "QU");
        }

        if (CommuneCommittee().IsMatch(folded))
        {
            return (IsCommuneLevel(context.Level) ? context.OwnCommittee : null, "ĐU");
        }

        return null;
    }

    /// <summary>The place a committee's kind word and the leading words after it name ("Thành ủy", "Quy Nhơn (cũ)"), longest name first.</summary>
    private static Gazetteer.Locality? Named(string kindWord, string words)
    {
        if (Gazetteer.LocalityKinds.Parse(kindWord) is not { } kind)
        {
            return null;
        }

        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(4, parts.Length); n >= 1; n--)
        {
            var name = string.Join(' ', parts.Take(n));
            if ((Gazetteer.LocalityGazetteer.Since2025.Resolve(kind, name) ?? Gazetteer.LocalityGazetteer.Pre2025.Resolve(kind, name)) is { } place)
            {
                return place;
            }
        }

        return null;
    }

    private static bool IsCommuneLevel(AdministrativeLevel? level) =>
        level is AdministrativeLevel.Commune or AdministrativeLevel.Ward or AdministrativeLevel.SpecialZone;

    private static string ToRoman(int n)
    {
        ReadOnlySpan<(int Value, string Numeral)> table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var text = "";
        foreach (var (value, numeral) in table)
        {
            while (n >= value)
            {
                text += numeral;
                n -= value;
            }
        }

        return text;
    }

    [GeneratedRegex(@"(?<kind>(?:Tỉnh|Thành|Thị|Huyện|Quận)\s+[ủu][ỷy])\s+(?<name>\p{Lu}\p{Ll}*(?:[ \-]+\p{Lu}\p{Ll}*){0,3})")]
    private static partial Regex NamedCommittee();

    // Folded: "Đảng ủy xã", "Ban Thường vụ Đảng ủy phường", "Đảng bộ đặc khu".
    [GeneratedRegex(@"dang (?:uy|bo) (?:xa|phuong|dac khu)(?![a-z])")]
    private static partial Regex CommuneCommittee();

    [GeneratedRegex(@"^QH(\d{1,2})$")]
    private static partial Regex Congress();

    // "… của Ban Thường vụ Tỉnh ủy", "… của Hội nghị Tỉnh ủy lần thứ 17", "… của Bộ Chính trị".
    [GeneratedRegex(@"^\s*(?:\([^)]{0,40}\)\s*)?(?:về\s+[^,;.]{0,0})?(?:của|do)\s+([^,;.()]{3,60})", RegexOptions.IgnoreCase)]
    private static partial Regex OfBody();

    // "… đã được Thị ủy xác định tại Kế hoạch số …".
    [GeneratedRegex(@"((?:Tỉnh|Thành|Thị|Huyện|Quận)\s+[ủu][ỷy])\s+(?:đã\s+)?(?:xác định|ban hành|đề ra)\s+(?:tại|trong)\s+[^,;.]{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex BodyBefore();
}
