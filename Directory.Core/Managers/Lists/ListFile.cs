using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// A list as the importer reads it: its name (for messages and the history), its length and a way to open its
/// content as often as reading needs (format detection, encoding, rows). From a path (the CLI) or from bytes held
/// in memory (the staff upload), so that an uploaded list with personal data is never written to a file.
/// </summary>
/// <param name="Name">The file name as staff know it, e.g. <c>Liste 2026.xlsx</c>.</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="Open">Opens the content from its start; a seekable, read-only stream.</param>
public sealed record ListFile(string Name, long Length, Func<Stream> Open)
{
    /// <summary>The file at <paramref name="path"/>; throws <see cref="ListFileException"/> when there is none.</summary>
    public static ListFile FromPath(string path)
    {
        if (!File.Exists(path))
        {
            throw new ListFileException(string.Format(ListTexts.FileMissing, path));
        }

        return new ListFile(Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path));
    }

    /// <summary>Content held in memory under <paramref name="name"/>.</summary>
    public static ListFile FromBytes(string name, byte[] content) =>
        new(name, content.Length, () => new MemoryStream(content, writable: false));
}
