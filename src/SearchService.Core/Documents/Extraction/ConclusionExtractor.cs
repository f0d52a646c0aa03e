using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Analysis;
using SearchService.Core.Documents.Gazetteer;
using SearchService.Core.Documents.Readers;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Turns a conclusion or notice into a <see cref="ConclusionDocument"/>: reads the header (issuing
/// committee, number, place and date), the heading (type, conference, term, period), the opening
/// paragraph (meeting date, committee as written), the citations, the sections and the signature.
/// Each field comes from the place the genre puts it; a field not found there stays null.
/// </summary>
/// <remarks>
/// The locality is looked up on the administrative map in force on the document's date (before or
/// since the reorganisation of 1 July 2025, <see cref="AdministrativeMaps"/>); an undated document
/// goes on the map its committee's kind belongs to (a "Đảng ủy xã / phường / đặc khu" on today's).
/// </remarks>
public sealed partial class ConclusionExtractor
{
    private const int HeaderSearchLines = 40;
    private const int MaxTitleLines = 8;
    private const int MaxTitleLineLength = 200;
    private const int PeriodSearchChars = 3000;

    private readonly LocalityGazetteer? _onlyMap;
    private readonly DocumentReaders _readers;

    /// <summary>An extractor with both administrative maps, each for its dates, and the standard readers.</summary>
    public ConclusionExtractor()
        : this(new DocumentReaders())
    {
    }

    /// <summary>An extractor with both administrative maps, each for its dates, and the given readers.</summary>
    public ConclusionExtractor(DocumentReaders readers)
    {
        _readers = readers;
    }

    /// <summary>An extractor placing every document on <paramref name="gazetteer"/> whatever its date.</summary>
    public ConclusionExtractor(LocalityGazetteer gazetteer, DocumentReaders readers)
    {
        _onlyMap = gazetteer;
        _readers = readers;
    }

    /// <summary>Reads and extracts a file; the id is the file name without its extension.</summary>
    /// <exception cref="DocumentReadException">The file cannot be read as text.</exception>
    public ConclusionDocument ExtractFile(string path) =>
        Extract(Path.GetFileNameWithoutExtension(path), _readers.Read(path));

    /// <summary>Extracts the record of a document's raw text (markdown and page-break artefacts allowed).</summary>
    public ConclusionDocument Extract(string id, string rawText)
    {
        var body = TextCleaner.Clean(rawText);
        var lines = body.Split('\n');
        var titleStart = FindTitleStart(lines);
        var headerEnd = titleStart >= 0 ? titleStart : Math.Min(lines.Length, HeaderSearchLines);
        var titleEnd = titleStart >= 0 ? FindTitleEnd(lines, titleStart) : 0;
        var titleLines = titleStart >= 0 ? lines[titleStart..titleEnd].Where(l => l.Length > 0).ToList() : [];
        var rawTitle = string.Join(' ', titleLines);
        var opening = titleStart >= 0 ? lines.Skip(titleEnd).FirstOrDefault(l => l.Length > 0) ?? "" : "";

        var header = ReadHeader(lines, headerEnd);
        var type = TypeOf(titleLines);
        var committee = FindCommittee(rawTitle) ?? FindCommittee(opening);
        var date = header.Date ?? VietnameseDates.FindFirst(opening);
        var map = _onlyMap ?? AdministrativeMaps.For(date) ?? MapOfKind(header, committee, rawTitle);
        var place = ResolvePlace(map, header, committee, rawTitle, body);
        var term = Group(TermPattern().Match(rawTitle)) ?? Group(TermPattern().Match(opening));
        var context = new IssuingContext(place?.Level, place?.Name, place?.Province, IsCity(map, place?.Province), header.Number);

        var bodyStart = titleStart >= 0 ? titleEnd : 0;
        return new ConclusionDocument
        {
            Id = id,
            Title = titleLines.Count == 0 ? null : JoinTitle(titleLines),
            Type = type,
            Number = header.Number,
            Committee = committee,
            Level = place?.Level,
            Locality = place?.Name,
            Province = place?.Province,
            CurrentProvince = place?.CurrentProvince,
            Term = term,
            TermYears = FindTermYears(term, rawTitle, body),
            Conference = FindConference(rawTitle) ?? FindConference(opening),
            Date = date,
            Period = FindPeriod(rawTitle, date) ?? FindWholeYear(rawTitle) ?? FindPeriod(Window(body, lines, bodyStart), date),
            References = ReferenceExtractor.Extract(body, context, header.NumberLine is { } range ? [range] : null),
            Signer = SignatureBlock.FindSigner(lines),
            Recipients = SignatureBlock.FindRecipients(lines),
            Sections = SectionSplitter.Split(lines, bodyStart),
            Body = body,
        };
    }

    private sealed record Header(string? Number, Range? NumberLine, DateOnly? Date, string? CommitteeLine, string? ParentProvince);

    private static Header ReadHeader(string[] lines, int end)
    {
        string? number = null;
        Range? numberLine = null;
        DateOnly? date = null;
        string? committeeLine = null;
        string? parent = null;
        var offset = 0;
        for (var i = 0; i < end && i < lines.Length; i++)
        {
            // A header laid out in two columns (pdftotext -layout: "ĐẢNG ỦY XÃ …      Mèo Vạc, ngày …")
            // is read column by column.
            foreach (var column in ColumnGap().Split(lines[i].Trim()))
            {
                var line = column.Trim();
                var number1 = NumberLinePattern().Match(line);
                if (number1.Success && numberLine is null)
                {
                    numberLine = new Range(offset, offset + lines[i].Length);
                    var value = number1.Groups[1].Value.Trim();
                    number = value.StartsWith('-') ? null : Group(CodeInNumberLine().Match(value));
                }
                else if (date is null && PlaceDateLine().Match(line) is { Success: true } placeDate)
                {
                    date = VietnameseDates.FindFirst(placeDate.Value);
                }
                else if (SentenceCase.IsAllCaps(line) && ParentLine().Match(line) is { Success: true } parentMatch)
                {
                    parent = parentMatch.Groups["name"].Value;
                }
                else if (SentenceCase.IsAllCaps(line) && CommitteeLine().IsMatch(line))
                {
                    committeeLine = line;
                }
            }

            offset += lines[i].Length + 1;
        }

        return new Header(number, numberLine, date, committeeLine, parent);
    }

    /// <summary>For an undated document: today's map for a commune, ward or special-zone committee, else the map before 2025.</summary>
    private static LocalityGazetteer MapOfKind(Header header, string? committee, string rawTitle)
    {
        var kind = header.CommitteeLine is { } line ? LocalityKinds.Parse(CommitteeLine().Match(line).Groups["kind"].Value) : null;
        kind ??= KindOfCommittee(committee) ?? KindOfCommittee(rawTitle);
        return kind is LocalityKind.Commune or LocalityKind.Ward or LocalityKind.SpecialZone ? LocalityGazetteer.Since2025 : LocalityGazetteer.Pre2025;
    }

    private static int? FindConference(string text)
    {
        var match = ConferencePattern().Match(text);
        return match.Success ? VietnameseOrdinals.ParseLeading(text[(match.Index + match.Length)..]) : null;
    }

    private static Locality? ResolvePlace(LocalityGazetteer map, Header header, string? committee, string rawTitle, string body)
    {
        var provinceHint = header.ParentProvince is null ? null : map.FindProvince(header.ParentProvince)?.Name;
        LocalityKind? kind = null;
        if (header.CommitteeLine is not null)
        {
            var match = CommitteeLine().Match(header.CommitteeLine);
            kind = LocalityKinds.Parse(match.Groups["kind"].Value);
            var name = match.Groups["name"].Value;
            if (kind is { } k && map.Resolve(k, name, provinceHint) is { } fromHeader)
            {
                return fromHeader;
            }

            // "ĐẢNG ỦY XÃ TÂN LẬP" without its "ĐẢNG BỘ TỈNH …" line: many communes share a name, and
            // the province the body names most often tells them apart.
            if (kind is { } again && provinceHint is null && ProvinceNamedInBody(map, body) is { } named
                && map.Resolve(again, name, named) is { } inNamedProvince)
            {
                return inNamedProvince;
            }
        }

        kind ??= KindOfCommittee(committee) ?? KindOfCommittee(rawTitle);
        if (kind is null)
        {
            return null;
        }

        if (kind == LocalityKind.Province && provinceHint is not null)
        {
            return map.FindProvince(provinceHint);
        }

        // The heading names the level ("ĐẢNG BỘ THỊ XÃ"); the body names the place ("thị xã Thuận Thành").
        var votes = new Dictionary<Locality, int>();
        var order = new List<Locality>();
        // Most mentions are of other kinds (a district's conclusion names its communes throughout):
        // their first letter turns them away before the kind word is folded and parsed.
        var initial = kind switch
        {
            LocalityKind.District => 'h',
            LocalityKind.UrbanDistrict => 'q',
            LocalityKind.Commune => 'x',
            LocalityKind.Ward => 'p',
            LocalityKind.SpecialZone => 'đ',
            _ => 't',
        };
        foreach (Match match in PlaceMention().Matches(body))
        {
            var kindWord = match.Groups["kind"].ValueSpan;
            if (char.ToLowerInvariant(kindWord[0]) != initial || LocalityKinds.Parse(kindWord.ToString()) != kind)
            {
                continue;
            }

            var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = Math.Min(4, words.Length); n >= 1; n--)
            {
                if (map.Resolve(kind.Value, string.Join(' ', words.Take(n)), provinceHint) is { } locality)
                {
                    if (!votes.TryAdd(locality, 1))
                    {
                        votes[locality]++;
                    }
                    else
                    {
                        order.Add(locality);
                    }

                    break;
                }
            }
        }

        return order.Count == 0 ? null : order.OrderByDescending(l => votes[l]).First();
    }

    /// <summary>The province or centrally-run city the body names most often ("tỉnh Tuyên Quang"), if any.</summary>
    private static string? ProvinceNamedInBody(LocalityGazetteer map, string body)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in PlaceMention().Matches(body))
        {
            if (LocalityKinds.Parse(match.Groups["kind"].Value) is not (LocalityKind.Province or LocalityKind.City))
            {
                continue;
            }

            var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = Math.Min(4, words.Length); n >= 1; n--)
            {
                if (map.FindProvince(string.Join(' ', words.Take(n))) is { } province)
                {
                    votes[province.Name] = votes.GetValueOrDefault(province.Name) + 1;
                    break;
                }
            }
        }

        return votes.Count == 0 ? null : votes.MaxBy(v => v.Value).Key;
    }

    private static bool IsCity(LocalityGazetteer map, string? province) =>
        province is not null && map.FindProvince(province)?.Level == AdministrativeLevel.CentrallyRunCity;

    private static LocalityKind? KindOfCommittee(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = KindInCommittee().Match(text);
        return match.Success ? LocalityKinds.Parse(match.Groups["kind"].Value) : null;
    }

    private static string? FindCommittee(string text)
    {
        var match = CommitteePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["unit"].Success)
        {
            return "Ban Chấp hành Đảng bộ " + match.Groups["unit"].Value.ToLowerInvariant();
        }

        var committee = match.Groups["committee"].Value;
        var words = committee.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = char.ToUpperInvariant(words[0][0]) + words[0][1..].ToLowerInvariant();
        return "Ban Thường vụ " + first + " " + string.Join(' ', words.Skip(1).Select(w => w.ToLowerInvariant()));
    }

    private static int FindTitleStart(string[] lines)
    {
        for (var i = 0; i < lines.Length && i < HeaderSearchLines; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && TitleOpening().IsMatch(line))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindTitleEnd(string[] lines, int start)
    {
        var taken = 0;
        var i = start;
        for (; i < lines.Length && taken < MaxTitleLines; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (i > start && (line.Length > MaxTitleLineLength || BodyOpening().IsMatch(line) || SectionStart().IsMatch(line)))
            {
                break;
            }

            taken++;
        }

        return i;
    }

    private static DocumentType TypeOf(List<string> titleLines)
    {
        if (titleLines.Count == 0)
        {
            return DocumentType.Other;
        }

        var folded = VietnameseAlphabet.FoldString(titleLines[0]);
        return folded switch
        {
            _ when folded.StartsWith("thong bao", StringComparison.Ordinal) => DocumentType.Notice,
            _ when folded.StartsWith("ket luan", StringComparison.Ordinal) => DocumentType.Conclusion,
            _ when folded.StartsWith("nghi quyet", StringComparison.Ordinal) => DocumentType.Resolution,
            _ when folded.StartsWith("chi thi", StringComparison.Ordinal) => DocumentType.Directive,
            _ => DocumentType.Other,
        };
    }

    private static string JoinTitle(List<string> titleLines)
    {
        var parts = new List<string>(titleLines.Count);
        for (var i = 0; i < titleLines.Count; i++)
        {
            var line = SentenceCase.Apply(titleLines[i].Trim(), capitalizeFirst: i == 0);
            if (i > 0 && line.StartsWith("Về ", StringComparison.Ordinal))
            {
                line = "v" + line[1..];
            }

            parts.Add(line);
        }

        return Whitespace().Replace(string.Join(' ', parts), " ").Trim();
    }

    private static string? FindTermYears(string? term, string rawTitle, string body)
    {
        if (term is null)
        {
            return null;
        }

        foreach (var text in new[] { rawTitle, body })
        {
            foreach (Match match in TermYearsPattern().Matches(text))
            {
                if (match.Groups["term"].Value == term)
                {
                    return match.Groups["from"].Value + "-" + match.Groups["to"].Value;
                }
            }
        }

        return null;
    }

    private static ReportingPeriod? FindPeriod(string text, DateOnly? date)
    {
        var months = MonthsOfYear().Match(text);
        if (months.Success)
        {
            var count = months.Groups["n"].Value.ToLowerInvariant() switch
            {
                "ba" => 3,
                "sáu" => 6,
                "chín" => 9,
                var digits => int.Parse(digits, CultureInfo.InvariantCulture),
            };
            var year = ParseInt(Group(months, "year"))
                ?? ParseInt(Group(YearAfter().Match(text, months.Index + months.Length)))
                ?? date?.Year;
            return year is { } y && count is > 0 and <= 12 ? new ReportingPeriod(y, count) : null;
        }

        foreach (Match quarter in FirstQuarter().Matches(text))
        {
            if (Reviews(text, quarter.Index))
            {
                return new ReportingPeriod(int.Parse(quarter.Groups["year"].Value, CultureInfo.InvariantCulture), 3);
            }
        }

        return null;
    }

    /// <summary>
    /// "về kết quả thực hiện nhiệm vụ năm 2023": a whole year, but only where the heading reviews it;
    /// a notice "về công tác chuẩn bị Tết năm 2026" names a year without reporting on one, and
    /// "kết quả năm 2024; nhiệm vụ năm 2025" reviews 2024.
    /// </summary>
    private static ReportingPeriod? FindWholeYear(string title)
    {
        foreach (Match match in WholeYear().Matches(title))
        {
            if (Reviews(title, match.Index))
            {
                return new ReportingPeriod(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), 12);
            }
        }

        return null;
    }

    /// <summary>
    /// True when the clause ending at <paramref name="index"/> reviews what it names ("kết quả …",
    /// "tình hình …", "tổng kết …"), rather than setting tasks for it ("nhiệm vụ quý I năm 2026").
    /// </summary>
    private static bool Reviews(string text, int index)
    {
        var clauseStart = 0;
        foreach (Match boundary in ClauseBoundary().Matches(text[..index]))
        {
            clauseStart = boundary.Index + boundary.Length;
        }

        return ReviewWords().IsMatch(text.AsSpan(clauseStart, index - clauseStart));
    }

    private static string Window(string body, string[] lines, int startLine)
    {
        var offset = 0;
        for (var i = 0; i < startLine && i < lines.Length; i++)
        {
            offset += lines[i].Length + 1;
        }

        offset = Math.Min(offset, body.Length);
        return body.Substring(offset, Math.Min(PeriodSearchChars, body.Length - offset));
    }

    private static string? Group(Match match, string name = "value") =>
        match.Success && match.Groups[name].Success ? match.Groups[name].Value : null;

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // Capitals, or a mixed-case heading that cannot be a sentence citing "Kết luận số …".
    [GeneratedRegex(@"^(?:KẾT LUẬN|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ)(?:\s|$)|^(?:Kết luận|Thông báo)\s+(?:[Hh]ội nghị|[Kk]ết luận|[Pp]hiên họp)[^.;:]{0,150}$")]
    private static partial Regex TitleOpening();

    [GeneratedRegex(@"^(?:Ngày\s+\d|Tại\s+[Hh]ội nghị|Thực hiện\s|Căn cứ\s|Trong\s+(?:hai\s+)?ngày|Vào\s+ngày|Sau khi\s)")]
    private static partial Regex BodyOpening();

    [GeneratedRegex(@"^(?:[IVX]{1,4}\s*[.\-–]\s|\d{1,2}\.\s)")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^Số\s*:?\s*(.*)$")]
    private static partial Regex NumberLinePattern();

    [GeneratedRegex(@"(?<value>\d+[-/][\p{L}\d/\-]+)")]
    private static partial Regex CodeInNumberLine();

    [GeneratedRegex(@"^[\p{L} .'-]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceDateLine();

    [GeneratedRegex(@"^ĐẢNG BỘ\s+(?:TỈNH|THÀNH PHỐ)\s+(?<name>[\p{L} -]+)$")]
    private static partial Regex ParentLine();

    [GeneratedRegex(@"^(?<kind>(?:TỈNH|THÀNH|THỊ|HUYỆN|QUẬN)\s+(?:ỦY|UỶ)|ĐẢNG\s+(?:ỦY|UỶ)\s+(?:XÃ|PHƯỜNG|ĐẶC\s+KHU))\s+(?<name>[\p{L} -]+(?:\s\d{1,2})?)$")]
    private static partial Regex CommitteeLine();

    [GeneratedRegex(@"Ban\s+Chấp\s+hành\s+Đảng\s+bộ\s+(?<unit>tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|đặc khu)(?!\p{L})|Ban\s+Thường\s+vụ\s+(?<committee>(?:Tỉnh|Thành|Thị|Huyện|Quận)\s+(?:ủy|uỷ)|Đảng\s+(?:ủy|uỷ)(?:\s+(?:xã|phường|đặc\s+khu)(?!\p{L}))?)", RegexOptions.IgnoreCase)]
    private static partial Regex CommitteePattern();

    [GeneratedRegex(@"(?:Đảng\s+bộ\s+|Hội\s+nghị\s+|Ban\s+Thường\s+vụ\s+|T/M\s+)(?<kind>tỉnh|thành phố|thị xã|huyện|quận|xã|phường|đặc khu|(?:tỉnh|thành|thị|huyện|quận)\s+(?:ủy|uỷ)|đảng\s+(?:ủy|uỷ)\s+(?:xã|phường|đặc\s+khu))(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex KindInCommittee();

    // Since 2025 a few wards carry a number ("phường Hà Giang 1").
    [GeneratedRegex(@"(?<kind>(?i:tỉnh|thành phố|thị xã|huyện|quận|xã|phường|đặc khu))\s+(?<name>\p{Lu}\p{Ll}*(?:[ \-]\p{Lu}\p{Ll}*){0,3}(?: \d{1,2}(?!\d))?)")]
    private static partial Regex PlaceMention();

    [GeneratedRegex(@"kh(?:óa|oá|oa)\s*(?<value>[IVXLC]{1,6})(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"kh(?:óa|oá|oa)\s*(?<term>[IVXLC]{1,6})\)?\s*,?\s*(?:\(\s*)?nhiệm\s+kỳ\s+(?<from>(?:19|20)\d{2})\s*[-–]\s*(?<to>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex TermYearsPattern();

    // The number itself (digits, Roman numerals or words) is read by VietnameseOrdinals after the match.
    // "Hội nghị lần thứ", "Hội nghị Thị ủy lần thứ", "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ".
    [GeneratedRegex(@"(?:hội\s+nghị(?:\s+(?:(?:tỉnh|thành|thị|huyện|quận)\s+(?:ủy|uỷ)|đảng\s+(?:ủy|uỷ)(?:\s+(?:xã|phường|đặc\s+khu))?|ban\s+chấp\s+hành\s+đảng\s+bộ(?:\s+(?:tỉnh|thành\s+phố|thị\s+xã|huyện|quận|xã|phường|đặc\s+khu))?(?:\s+kh(?:óa|oá)\s+[IVXLC]+)?))?\s+lần\s+thứ|phiên\s+họp\s+thứ|họp\s+phiên\s+thứ)\s+(?=[\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ConferencePattern();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>\d{1,2}|ba|sáu|chín)\s+tháng\s+đầu\s+năm(?:\s+(?<year>(?:19|20)\d{2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthsOfYear();

    [GeneratedRegex(@"\G[^.:]{0,160}?năm\s+(?<value>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex YearAfter();

    [GeneratedRegex(@"quý\s+I(?![IV])\s*(?:/|năm)\s*(?<year>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex FirstQuarter();

    // "năm 2023" alone, not the year of a month or a quarter ("tháng 12 năm 2025", "quý II năm 2026").
    [GeneratedRegex(@"(?<!tháng\s+(?:đầu|cuối)\s+)(?<!tháng\s+)(?<!tháng\s+\d{1,2}\s+)(?<!quý\s+[IV]{1,3}\s+)năm\s+(?<year>(?:19|20)\d{2})(?!\s*[-–]\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex WholeYear();

    [GeneratedRegex(@"kết\s+quả|tình\s+hình|tổng\s+kết|sơ\s+kết|kiểm\s+điểm|đánh\s+giá", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewWords();

    // Where a heading's clause ends: "; ", a line, a sentence, or "và"/"," before the tasks ahead
    // ("kết quả tháng 12 năm 2025 và nhiệm vụ quý I năm 2026").
    [GeneratedRegex(@";|\n|\.\s|(?:\s+và|,)\s+(?=(?:nhiệm\s+vụ|phương\s+hướng|mục\s+tiêu|giải\s+pháp|kế\s+hoạch)(?!\p{L}))", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\t+|\s{3,}")]
    private static partial Regex ColumnGap();
}
