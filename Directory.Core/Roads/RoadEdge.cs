namespace Directory.Core.Roads;

/// <summary>
/// A stretch of road between two junctions (or ends) of the network, as the builder collects it.
/// </summary>
/// <param name="From">The first node.</param>
/// <param name="To">The second node.</param>
/// <param name="Metres">Its length along the way.</param>
/// <param name="CarForwardKmh">Speed by car from <paramref name="From"/> to <paramref name="To"/>; 0 where cars may not go that way.</param>
/// <param name="CarBackwardKmh">Speed by car from <paramref name="To"/> to <paramref name="From"/>; 0 where cars may not go that way.</param>
/// <param name="Foot">Whether people may walk it (in both directions).</param>
public readonly record struct RoadEdge(int From, int To, float Metres, byte CarForwardKmh, byte CarBackwardKmh, bool Foot);
