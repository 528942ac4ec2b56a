namespace PkhBot.Privacy;

/// <summary>
/// Files that hold personal data (the SQLite database with its -wal and -shm, the Quartz file, exports) are readable
/// and writable by their owner only (0600) on Unix, whatever the umask: other local users of the machine read nothing.
/// On Windows the folder's ACL decides; these calls then do nothing special.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A new (or emptied) file for writing, 0600 from the moment it exists.</summary>
    public static FileStream Create(string path)
    {
        var stream = new FileStream(path, OperatingSystem.IsWindows()
            ? new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write }
            : new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = Mode });
        // An existing file kept its old mode: Create truncated it, this narrows it.
        Restrict(path);
        return stream;
    }

    /// <summary>Creates an empty 0600 file where none exists; narrows an existing one to 0600. Never changes content.</summary>
    public static void Secure(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            try
            {
                using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode });
                return;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Someone else created it meanwhile: narrow theirs below.
            }
        }
        Restrict(path);
    }

    /// <summary>Narrows a file to 0600 if it exists (SQLite's -wal and -shm, created by SQLite itself).</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        if (File.GetUnixFileMode(path) != Mode) File.SetUnixFileMode(path, Mode);
    }

    /// <summary>
    /// A SQLite database file and its companions. SQLite gives a new -wal and -shm the database file's own mode, so
    /// a database created 0600 keeps them 0600; existing ones (from before this rule) are narrowed here.
    /// </summary>
    public static void SecureSqlite(string? dataSource)
    {
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var path = Path.GetFullPath(dataSource);
        if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir)) return;
        Secure(path);
        Restrict(path + "-wal");
        Restrict(path + "-shm");
        Restrict(path + "-journal");
    }
}
