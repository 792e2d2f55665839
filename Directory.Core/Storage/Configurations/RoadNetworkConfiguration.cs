using Directory.Core.Roads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class RoadNetworkRecordConfiguration : IEntityTypeConfiguration<RoadNetworkRecord>
{
    public void Configure(EntityTypeBuilder<RoadNetworkRecord> builder)
    {
        builder.ToTable(GeoPackageLayers.RoadNetwork);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("fid").ValueGeneratedNever();
        builder.Property(r => r.Source).HasColumnName("quelle");
        builder.Property(r => r.ImportedAt).HasColumnName("importiert_am").HasColumnType("DATETIME");
        builder.Property(r => r.Nodes).HasColumnName("knoten");
        builder.Property(r => r.Edges).HasColumnName("kanten");
        builder.Property(r => r.Format).HasColumnName("format");
        builder.Property(r => r.Extent).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("POLYGON")
            .HasConversion(new GeoPackageGeometryConverter<Polygon>(), GeoPackageGeometryConverter<Polygon>.Comparer);
    }
}

internal sealed class RoadNetworkPartConfiguration : IEntityTypeConfiguration<RoadNetworkPart>
{
    public void Configure(EntityTypeBuilder<RoadNetworkPart> builder)
    {
        builder.ToTable(GeoPackageLayers.RoadNetworkParts);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("teil").ValueGeneratedNever();
        builder.Property(p => p.Data).HasColumnName("daten");
    }
}
