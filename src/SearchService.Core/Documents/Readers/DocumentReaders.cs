namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Picks the reader for a file by its extension and guards what every reader needs guarding:
/// the file exists, and it is not larger than any conclusion could be (<see cref="MaxFileBytes"/>),
/// so a stray 50 MB log is refused at once instead of being scanned.
/// </summary>
public sealed class DocumentReaders
{
    /// <summary>The default size limit: conclusions are tens of kilobytes; 16 MiB leaves room for scanned PDFs.</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The .txt/.md, .docx and .pdf readers.</summary>
    public DocumentReaders()
        : this([new TextFileReader(), new DocxFileReader(), new PdfFileReader()])
    {
    }

    /// <summary>A custom set of readers; a later reader wins an extension.</summary>
    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                _byExtension[extension] = reader;
            }
        }
    }

    /// <summary>Files larger than this are refused.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The extensions some reader handles.</summary>
    public IEnumerable<string> Extensions => _byExtension.Keys;

    /// <summary>True when a reader handles <paramref name="path"/>'s extension.</summary>
    public bool CanRead(string path) => _byExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Reads <paramref name="path"/> as text.</summary>
    /// <exception cref="DocumentReadException">Missing, too large, unsupported or unreadable.</exception>
    public string Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new DocumentReadException(path, "file not found");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new DocumentReadException(path, $"file is {file.Length / (1024.0 * 1024.0):0.0} MiB, larger than the {MaxFileBytes / (1024.0 * 1024.0):0.#} MiB a document may be");
        }

        if (!_byExtension.TryGetValue(file.Extension, out var reader))
        {
            var known = string.Join(", ", _byExtension.Keys.Order(StringComparer.Ordinal));
            throw new DocumentReadException(path, $"unsupported file type '{file.Extension}' (supported: {known})");
        }

        return reader.Read(path);
    }
}
