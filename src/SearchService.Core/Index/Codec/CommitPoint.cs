using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Codec;

/// <summary>
/// One commit: the live segments and the deletes generation of each. File <c>segments_N</c>:
/// header("Commit", 1), generation (VLong), next segment counter (VLong), segment count (VInt),
/// per segment its name (string), doc count (VInt), deletes generation (VLong) and deleted count
/// (VInt); a count of key/value string pairs (VInt; always 0 since nothing writes commit
/// metadata, pairs an older writer left are read past); footer. Written as
/// <c>pending_segments_N</c>, synced, then renamed, and the directory synced: a crash leaves
/// either the whole new commit or only the old one.
/// </summary>
public sealed record CommitPoint(long Generation, long SegmentCounter, IReadOnlyList<CommitPoint.Segment> Segments)
{
    private const string Codec = "Commit";

    /// <summary>A segment as a commit sees it.</summary>
    public sealed record Segment(string Name, int DocCount, long DeletesGeneration, int DeletedCount);

    /// <summary>The empty index, before any commit.</summary>
    public static CommitPoint Empty { get; } = new(0, 0, []);

    /// <summary>The commit's file name.</summary>
    public string FileName => IndexFileNames.CommitFile(Generation);

    /// <summary>Every file this commit needs, itself included.</summary>
    public IEnumerable<string> Files()
    {
        yield return FileName;
        foreach (var segment in Segments)
        {
            foreach (var extension in IndexFileNames.SegmentExtensions)
            {
                yield return IndexFileNames.SegmentFile(segment.Name, extension);
            }

            if (segment.DeletesGeneration > 0)
            {
                yield return IndexFileNames.DeletesFile(segment.Name, segment.DeletesGeneration);
            }
        }
    }

    /// <summary>Writes this commit durably (its segment files must already be synced).</summary>
    public void Write(IndexDirectory directory)
    {
        var pending = "pending_" + FileName;
        directory.Delete(pending);
        using (var output = directory.CreateOutput(pending))
        {
            CodecFile.WriteHeader(output, Codec, 1);
            output.WriteVLong(Generation);
            output.WriteVLong(SegmentCounter);
            output.WriteVInt(Segments.Count);
            foreach (var s in Segments)
            {
                output.WriteString(s.Name);
                output.WriteVInt(s.DocCount);
                output.WriteVLong(s.DeletesGeneration);
                output.WriteVInt(s.DeletedCount);
            }

            output.WriteVInt(0); // no key/value pairs (the slot keeps the file's layout)

            CodecFile.WriteFooter(output);
            output.Flush(toDisk: true);
        }

        directory.RenameDurably(pending, FileName);
    }

    /// <summary>Reads and verifies <c>segments_N</c> of <paramref name="generation"/>.</summary>
    public static CommitPoint Read(IndexDirectory directory, long generation)
    {
        using var owner = new InputOwner(directory.OpenInput(IndexFileNames.CommitFile(generation)));
        var input = owner.Input;
        CodecFile.VerifyChecksum(input);
        CodecFile.ReadHeader(input, Codec, 1, 1);
        var actual = input.ReadVLong();
        if (actual != generation)
        {
            throw new CorruptIndexException(input.Name, $"holds generation {actual}");
        }

        var counter = input.ReadVLong();
        var segments = new Segment[input.ReadVInt()];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = new Segment(input.ReadString(), input.ReadVInt(), input.ReadVLong(), input.ReadVInt());
        }

        var pairs = input.ReadVInt();
        for (var i = 0; i < pairs * 2; i++)
        {
            _ = input.ReadString();
        }

        return new CommitPoint(generation, counter, segments);
    }

    /// <summary>
    /// The newest commit, verified: its file and the footers of every file it lists. Null for a
    /// directory without commits. Throws <see cref="CorruptIndexException"/> naming the damaged or
    /// missing file when the newest commit cannot be read.
    /// </summary>
    /// <remarks>
    /// There is no silent fallback to an older commit: a commit file is written under another name,
    /// synced and renamed, so a crash never leaves a half-written <c>segments_N</c>, and a newest
    /// commit that does not verify means damage the user must hear of (and a writer opening the
    /// older commit would delete the newer commit's files as unreferenced). Going back to the last
    /// commit that verifies is <see cref="Check.IndexRecovery.RollbackToLastGood"/>, asked for
    /// explicitly. A reader does race the writer, though: between listing the directory and opening
    /// a commit's files, the writer may commit again and delete them; when the newest commit fails
    /// and a newer one has appeared meanwhile, the search starts over with the new listing.
    /// </remarks>
    public static CommitPoint? ReadLatest(IndexDirectory directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            var newest = NewestGeneration(directory);
            if (newest == 0)
            {
                return null;
            }

            try
            {
                return ReadVerified(directory, newest);
            }
            catch (IOException) when (attempt < MaxRetries && NewestGeneration(directory) > newest)
            {
                // Superseded while reading: take the newer commit.
            }
            catch (CorruptIndexException)
            {
                throw;
            }
            catch (FileNotFoundException e)
            {
                throw new CorruptIndexException(e.FileName ?? IndexFileNames.CommitFile(newest), $"missing: the newest commit {IndexFileNames.CommitFile(newest)} lists it");
            }
            catch (IOException e)
            {
                throw new CorruptIndexException(IndexFileNames.CommitFile(newest), $"the newest commit cannot be read: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Every commit generation in the directory, newest first, each with the error that stops it
    /// from verifying (null when it verifies). For <see cref="Check.IndexRecovery"/> and reports.
    /// </summary>
    public static IReadOnlyList<(long Generation, IOException? Error)> VerifyAll(IndexDirectory directory)
    {
        var result = new List<(long, IOException?)>();
        foreach (var generation in Generations(directory))
        {
            try
            {
                _ = ReadVerified(directory, generation);
                result.Add((generation, null));
            }
            catch (IOException e)
            {
                result.Add((generation, e));
            }
        }

        return result;
    }

    /// <summary>
    /// The newest commit older than <paramref name="generation"/> whose own file reads, or null:
    /// the writer keeps its files so a damaged newest commit can be rolled back.
    /// </summary>
    public static CommitPoint? ReadPrevious(IndexDirectory directory, long generation)
    {
        foreach (var older in Generations(directory).Where(g => g < generation))
        {
            try
            {
                return Read(directory, older);
            }
            catch (IOException)
            {
                // Damaged or already gone: try the one before.
            }
        }

        return null;
    }

    /// <summary>The newest commit generation in the directory now, or 0.</summary>
    public static long NewestGeneration(IndexDirectory directory) => Generations(directory).FirstOrDefault();

    /// <summary>How often a reader starts over after losing a race with the writer's clean-up.</summary>
    internal const int MaxRetries = 20;

    private static List<long> Generations(IndexDirectory directory) => directory.ListAll()
        .Select(IndexFileNames.ParseCommitGeneration)
        .Where(g => g > 0)
        .OrderDescending()
        .ToList();

    /// <summary>Reads commit <paramref name="generation"/> and checks the footer of every file it lists.</summary>
    public static CommitPoint ReadVerified(IndexDirectory directory, long generation)
    {
        var commit = Read(directory, generation);
        foreach (var file in commit.Files().Skip(1))
        {
            using var owner = new InputOwner(directory.OpenInput(file));
            CodecFile.CheckFooter(owner.Input);
        }

        foreach (var segment in commit.Segments)
        {
            _ = SegmentInfo.Read(directory, segment.Name);
        }

        return commit;
    }
}
