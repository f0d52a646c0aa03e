namespace SearchService.Core.Index.Store;

/// <summary>
/// An index file is intact but written in a format version this build does not read (written by
/// a newer release, or by one too old to be read any more). A <see cref="CorruptIndexException"/>
/// so everything that refuses a damaged index refuses this one too, naming the file; the message
/// names the version found and the versions read, so nobody mistakes it for damage.
/// </summary>
public sealed class IndexFormatVersionException : CorruptIndexException
{
    /// <summary>Creates the exception for <paramref name="fileName"/> of kind <paramref name="kind"/> holding <paramref name="version"/>.</summary>
    public IndexFormatVersionException(string fileName, string kind, int version, int minVersion, int maxVersion)
        : base(
            fileName,
            $"format version {version} not supported (this build reads {Range(minVersion, maxVersion)})",
            $"index file '{fileName}' ({kind}) has format version {version}; this build reads {kind} format {Range(minVersion, maxVersion)}. "
            + (version > maxVersion
                ? "It was written by a newer release: run that release, or re-index the documents into a new folder with this one."
                : "It was written by a release too old to be read: re-index the documents into a new folder."))
    {
        Kind = kind;
        Version = version;
        MinVersion = minVersion;
        MaxVersion = maxVersion;
    }

    /// <summary>The file kind in the header ("Positions", "Postings" …).</summary>
    public string Kind { get; }

    /// <summary>The format version the file holds.</summary>
    public int Version { get; }

    /// <summary>The oldest version of this kind the build reads.</summary>
    public int MinVersion { get; }

    /// <summary>The newest version of this kind the build reads (and the one it writes).</summary>
    public int MaxVersion { get; }

    private static string Range(int min, int max) => min == max ? $"version {min}" : $"versions {min} to {max}";
}
