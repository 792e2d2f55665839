namespace Directory.Core.Managers.Lists;

/// <summary>
/// The file as a whole cannot be read as a list (missing, too large, not a spreadsheet, no header row). The message
/// is German, for staff; nothing has been written.
/// </summary>
public sealed class ListFileException(string message) : Exception(message);
