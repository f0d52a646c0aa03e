using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Codec;

/// <summary>
/// One commit: the live segments and the deletes generation of each. File <c>segments_N</c>:
/// header("Commit", 1), generation (VLong), next segment counter (VLong), segment count (VInt),
/// per segment its name (string), doc count (VInt), deletes generation (VLong) and deleted count
/// (VInt); user data count (VInt) and key/value strings; footer. Written as
/// <c>pending_segments_N</c>, synced, then renamed, and the directory synced: a crash leaves
/// either the whole new commit or only the old one.
/// </summary>
public sealed record CommitPoint(long Generation, long SegmentCounter, IReadOnlyList<CommitPoint.Segment> Segments, IReadOnlyDictionary<string, string> UserData)
{
    private const string Codec = "Commit";

    /// <summary>A segment as a commit sees it.</summary>
    public sealed record Segment(string Name, int DocCount, long DeletesGeneration, int DeletedCount);

    /// <summary>The empty index, before any commit.</summary>
    public static CommitPoint Empty { get; } = new(0, 0, [], new Dictionary<string, string>());

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

            output.WriteVInt(UserData.Count);
            foreach (var (key, value) in UserData.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteString(key);
                output.WriteString(value);
            }

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

        var userData = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = input.ReadVInt();
        for (var i = 0; i < pairs; i++)
        {
            userData[input.ReadString()] = input.ReadString();
        }

        return new CommitPoint(generation, counter, segments, userData);
    }

    /// <summary>
    /// The newest commit whose file and segment files verify; older ones are tried when the
    /// newest is damaged. Null for a directory without commits. Throws when commits exist but
    /// none can be read, naming the newest one's problem.
    /// </summary>
    /// <remarks>
    /// A reader races the writer: between listing the directory and opening a commit's files, the
    /// writer may commit again and delete them. When every listed commit fails but a newer one has
    /// appeared meanwhile, the search starts over with the new listing instead of reporting damage.
    /// </remarks>
    public static CommitPoint? ReadLatest(IndexDirectory directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            var generations = Generations(directory);
            Exception? firstError = null;
            foreach (var generation in generations)
            {
                try
                {
                    return ReadVerified(directory, generation);
                }
                catch (Exception e) when (e is IOException)
                {
                    firstError ??= e;
                }
            }

            if (firstError is null)
            {
                return null;
            }

            if (attempt < MaxRetries && Generations(directory).FirstOrDefault() > generations[0])
            {
                continue;
            }

            throw new CorruptIndexException(IndexFileNames.CommitFile(generations[0]), $"no readable commit in the index: {firstError.Message}");
        }
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

    private static CommitPoint ReadVerified(IndexDirectory directory, long generation)
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
