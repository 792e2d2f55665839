using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class PopulationCellConfiguration : IEntityTypeConfiguration<PopulationCell>
{
    public void Configure(EntityTypeBuilder<PopulationCell> builder)
    {
        builder.ToTable(GeoPackageLayers.PopulationGrid);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("fid");
        builder.Property(c => c.CellId).HasColumnName("cell_id");
        builder.Property(c => c.Population).HasColumnName("einwohner");
        builder.Property(c => c.Children).HasColumnName("unter_15");
        builder.Property(c => c.Ags).HasColumnName("ags").HasMaxLength(8);
        builder.HasIndex(c => c.Ags);
        builder.Property(c => c.Location).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("POINT")
            .HasConversion(new GeoPackageGeometryConverter<Point>(), GeoPackageGeometryConverter<Point>.Comparer);
    }
}
