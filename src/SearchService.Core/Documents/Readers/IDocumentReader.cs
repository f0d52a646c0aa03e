namespace SearchService.Core.Documents.Readers;

/// <summary>Turns one file format into plain text (lines, paragraphs separated by blank lines).</summary>
public interface IDocumentReader
{
    /// <summary>The file extensions this reader handles, lower case with the dot (".txt").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads the file's text; throws <see cref="DocumentReadException"/> naming the file when it cannot.</summary>
    string Read(string path);
}
