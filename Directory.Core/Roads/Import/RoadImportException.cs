namespace Directory.Core.Roads.Import;

/// <summary>A problem with a road file: nothing was written. The message is for people (German).</summary>
public sealed class RoadImportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How far a road import is: the phase ("ways", "nodes", "graph") and the objects read in it.</summary>
public readonly record struct RoadImportProgress(string Phase, long Done);
