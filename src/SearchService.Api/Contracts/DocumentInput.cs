namespace SearchService.Api.Contracts;

/// <summary>A document sent as JSON (also one line of a bulk NDJSON body).</summary>
/// <param name="Id">The id; by default the file name without extension, else one derived from the text.</param>
/// <param name="Text">The document's full text (plain text or markdown).</param>
/// <param name="FileName">The file it came from, if any (gives the default id).</param>
public sealed record DocumentInput(string? Id, string? Text, string? FileName);
