namespace Directory.Core.Managers;

/// <summary>How a list changes the directory.</summary>
public enum ListImportMode
{
    /// <summary>The list is the master list: entries not in it are removed.</summary>
    Replace,

    /// <summary>The list adds and updates; nothing is removed (--merge).</summary>
    Merge,
}
