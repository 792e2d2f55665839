using Directory.Core.Roads;

namespace Directory.Core.Tests.Roads;

public sealed class RoadProfileTests
{
    private static RoadAccess Classify(params (string Key, string Value)[] tags) =>
        RoadProfile.Classify(key => tags.FirstOrDefault(t => t.Key == key).Value);

    [Fact]
    public void SpeedsComeFromMaxspeedOrTheRoadClass()
    {
        Assert.Equal(new RoadAccess(30, 30, true), Classify(("highway", "residential")));
        Assert.Equal(new RoadAccess(50, 50, true), Classify(("highway", "residential"), ("maxspeed", "50")));
        Assert.Equal(new RoadAccess(100, 100, true), Classify(("highway", "secondary"), ("maxspeed", "DE:rural")));
        Assert.Equal(new RoadAccess(48, 48, true), Classify(("highway", "tertiary"), ("maxspeed", "30 mph")));
        Assert.Equal(new RoadAccess(120, 0, false), Classify(("highway", "motorway"), ("maxspeed", "none")));
        Assert.Equal(new RoadAccess(130, 0, false), Classify(("highway", "motorway"), ("maxspeed", "160")));
        Assert.Equal(new RoadAccess(60, 60, true), Classify(("highway", "secondary"), ("maxspeed", "nonsense")));
    }

    [Fact]
    public void OneWayStreetsAndRoundaboutsGoOneWayForCarsOnly()
    {
        Assert.Equal(new RoadAccess(30, 0, true), Classify(("highway", "residential"), ("oneway", "yes")));
        Assert.Equal(new RoadAccess(0, 30, true), Classify(("highway", "residential"), ("oneway", "-1")));
        Assert.Equal(new RoadAccess(50, 0, true), Classify(("highway", "tertiary"), ("junction", "roundabout")));
        Assert.Equal(new RoadAccess(120, 120, false), Classify(("highway", "motorway"), ("oneway", "no")));
    }

    [Fact]
    public void FootwaysAreForWalkersAndAccessTagsCloseOrOpenWays()
    {
        Assert.Equal(new RoadAccess(0, 0, true), Classify(("highway", "footway")));
        Assert.Equal(new RoadAccess(0, 0, true), Classify(("highway", "steps")));
        Assert.Equal(new RoadAccess(0, 0, true), Classify(("highway", "pedestrian"), ("area", "yes")));
        Assert.Equal(new RoadAccess(0, 0, false), Classify(("highway", "cycleway")));
        Assert.Equal(new RoadAccess(0, 0, true), Classify(("highway", "cycleway"), ("foot", "designated")));
        Assert.Equal(new RoadAccess(0, 0, false), Classify(("highway", "service"), ("access", "private")));
        Assert.Equal(new RoadAccess(15, 15, false), Classify(("highway", "service"), ("access", "private"), ("motor_vehicle", "yes")));
        Assert.Equal(new RoadAccess(70, 70, false), Classify(("highway", "primary"), ("foot", "no")));
        Assert.Equal(new RoadAccess(0, 0, false), Classify(("highway", "construction")));
        Assert.False(Classify(("building", "yes")).IsRoad);
    }
}
