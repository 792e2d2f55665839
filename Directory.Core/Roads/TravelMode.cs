namespace Directory.Core.Roads;

/// <summary>How people travel on the road network.</summary>
public enum TravelMode
{
    /// <summary>By car: roads open to cars, at their speed, one-way streets respected.</summary>
    Car,

    /// <summary>On foot: ways open to walkers, at <see cref="RoadNetwork.WalkingKmh"/>, in both directions.</summary>
    Foot,
}
