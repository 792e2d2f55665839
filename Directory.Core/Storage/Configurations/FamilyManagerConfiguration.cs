using Directory.Core.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class FamilyManagerConfiguration : IEntityTypeConfiguration<FamilyManager>
{
    public void Configure(EntityTypeBuilder<FamilyManager> builder)
    {
        builder.ToTable(GeoPackageLayers.FamilyManagers);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("fid");
        builder.Property(m => m.CertificateNumber).HasColumnName("zertifikatsnummer");
        builder.HasIndex(m => m.CertificateNumber).IsUnique();
        builder.Property(m => m.Surname).HasColumnName("nachname");
        builder.Property(m => m.FirstName).HasColumnName("vorname");
        builder.Property(m => m.Title).HasColumnName("titel");
        builder.Property(m => m.AreaKey).HasColumnName("gebiet");
        builder.HasIndex(m => m.AreaKey);
        builder.Property(m => m.Organisation).HasColumnName("organisation");
        builder.Property(m => m.Street).HasColumnName("strasse");
        builder.Property(m => m.Postcode).HasColumnName("plz");
        builder.Property(m => m.Town).HasColumnName("ort");
        builder.Property(m => m.Email).HasColumnName("email");
        builder.Property(m => m.Phone).HasColumnName("telefon");
        builder.Property(m => m.Website).HasColumnName("website");
        builder.Property(m => m.CertifiedOn).HasColumnName("zertifiziert_am").HasColumnType("DATE");
        builder.Property(m => m.Status).HasColumnName("status")
            .HasConversion(s => s == ManagerStatus.Active ? "aktiv" : "inaktiv", s => s == "aktiv" ? ManagerStatus.Active : ManagerStatus.Inactive);
        builder.Property(m => m.PublicationConsent).HasColumnName("veroeffentlichen");
        builder.Property(m => m.FamilyContact).HasColumnName("ansprechpartner_familien");
        builder.Property(m => m.LastCheckedOn).HasColumnName("geprueft_am").HasColumnType("DATE");
        builder.Property(m => m.LocationSource).HasColumnName("lage_quelle")
            .HasConversion(
                s => s == LocationSource.Coordinates ? "koordinaten" : s == LocationSource.Postcode ? "postleitzahl" : "gebiet",
                s => s == "koordinaten" ? LocationSource.Coordinates : s == "postleitzahl" ? LocationSource.Postcode : LocationSource.Area);
        builder.Ignore(m => m.IsApproximate);
        builder.Ignore(m => m.IsPublic);
        builder.Property(m => m.Location).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("POINT")
            .HasConversion(new GeoPackageGeometryConverter<Point>(), GeoPackageGeometryConverter<Point>.Comparer);
    }
}
