namespace PkhBot.Privacy;

/// <summary>Files with personal data are created readable and writable by their owner only (0600) on Unix.</summary>
public static class OwnerOnlyFile
{
    public static FileStream Create(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
