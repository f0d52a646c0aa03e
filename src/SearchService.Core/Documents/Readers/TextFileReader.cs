namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Reads .txt and .md files. Markdown markers are not removed here but by the extractor's text
/// cleaner, because documents converted to .txt carry the same markers (headings, bold) as .md ones.
/// </summary>
public sealed class TextFileReader : IDocumentReader
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md", ".markdown"];

    /// <inheritdoc/>
    public string Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, e.Message, e);
        }

        return TextDecoder.Decode(bytes, path);
    }
}
