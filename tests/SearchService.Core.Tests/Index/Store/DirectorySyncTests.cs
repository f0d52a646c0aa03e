using SearchService.Core.Index.Store;

namespace SearchService.Core.Tests.Index.Store;

/// <summary>
/// The folder sync that makes a commit's rename durable: it must succeed on a real folder and
/// fail loudly (not silently) when the folder cannot be synced, since a commit reported durable
/// after a failed sync could vanish on power loss.
/// </summary>
public sealed class DirectorySyncTests
{
    // The service runs on Linux (the Dockerfile, CI); there the sync is a libc call.
    [Fact]
    public void A_real_folder_syncs_and_a_missing_one_is_an_error_naming_it()
    {
        using var scratch = new TempFolder("ss-dirsync");
        DirectorySync.Fsync(scratch.Path);

        var missing = scratch.File("gone-ñ");
        var error = Assert.Throws<IOException>(() => DirectorySync.Fsync(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", error.Message, StringComparison.Ordinal);
    }
}
