namespace Directory.Import;

/// <summary>
/// Files the CLI writes with personal data (exports with non-public entries, import reports): readable and writable
/// by their owner only on Unix (mode 600 when the file is new), whatever the umask says.
/// </summary>
internal static class PrivateFile
{
    /// <summary>Creates or replaces the file at <paramref name="path"/> for writing.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its mode on FileMode.Create; a replaced export must not stay readable by others.
            File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return stream;
    }
}
