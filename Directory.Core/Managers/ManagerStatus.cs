namespace Directory.Core.Managers;

/// <summary>Whether a family manager currently works as one (stored as <c>aktiv</c> / <c>inaktiv</c>).</summary>
public enum ManagerStatus
{
    /// <summary>aktiv</summary>
    Active,

    /// <summary>inaktiv</summary>
    Inactive,
}
