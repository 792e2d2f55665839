using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>
    /// The GeoPackage metadata tables and the four geography layers.
    /// </summary>
    /// <remarks>
    /// The layers are created with explicit SQL instead of <c>CreateTable</c>: EF Core Sqlite treats a column typed
    /// <c>MULTIPOLYGON</c> or <c>POINT</c> as a SpatiaLite column and emits <c>InitSpatialMetaData()</c> and
    /// <c>AddGeometryColumn()</c>, functions that plain SQLite does not have. A GeoPackage wants an ordinary column
    /// whose declared type is the geometry type name, which is what the SQL below declares. The model snapshot is
    /// unchanged, so later migrations diff against the right model.
    /// </remarks>
    public partial class InitialGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            GeoPackageLayers.CreateMetadataTables(migrationBuilder);

            migrationBuilder.Sql("""
                CREATE TABLE "gemeinden" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_gemeinden" PRIMARY KEY AUTOINCREMENT,
                    "ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "type" TEXT NOT NULL,
                    "kreis_ags" TEXT NOT NULL,
                    "regbez_ags" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "population_date" DATE NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "point_x" REAL NOT NULL,
                    "point_y" REAL NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "kreise" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_kreise" PRIMARY KEY AUTOINCREMENT,
                    "kreis_ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "type" TEXT NOT NULL,
                    "seat" TEXT NOT NULL,
                    "regbez_ags" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "municipality_count" INTEGER NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "regierungsbezirke" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_regierungsbezirke" PRIMARY KEY AUTOINCREMENT,
                    "regbez_ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "seat" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "municipality_count" INTEGER NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                );
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "postleitzahlen" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_postleitzahlen" PRIMARY KEY AUTOINCREMENT,
                    "plz" TEXT NOT NULL,
                    "place" TEXT NOT NULL,
                    "ags" TEXT NOT NULL,
                    "geom" POINT NOT NULL
                );
                """);

            migrationBuilder.CreateIndex(name: "IX_gemeinden_ags", table: "gemeinden", column: "ags", unique: true);
            migrationBuilder.CreateIndex(name: "IX_kreise_kreis_ags", table: "kreise", column: "kreis_ags", unique: true);
            migrationBuilder.CreateIndex(name: "IX_regierungsbezirke_regbez_ags", table: "regierungsbezirke", column: "regbez_ags", unique: true);
            migrationBuilder.CreateIndex(name: "IX_postleitzahlen_plz", table: "postleitzahlen", column: "plz");

            GeoPackageLayers.RegisterLayer(migrationBuilder, "gemeinden", "MULTIPOLYGON", 25832,
                "Gemeinden NRW", "Die 396 Gemeinden Nordrhein-Westfalens (DVG2, GV100AD)");
            GeoPackageLayers.RegisterLayer(migrationBuilder, "kreise", "MULTIPOLYGON", 25832,
                "Kreise NRW", "Die 31 Kreise und 22 kreisfreien Städte Nordrhein-Westfalens (DVG2)");
            GeoPackageLayers.RegisterLayer(migrationBuilder, "regierungsbezirke", "MULTIPOLYGON", 25832,
                "Regierungsbezirke NRW", "Die 5 Regierungsbezirke Nordrhein-Westfalens (DVG2)");
            GeoPackageLayers.RegisterLayer(migrationBuilder, "postleitzahlen", "POINT", 25832,
                "Postleitzahlen NRW", "Orte mit Postleitzahl (GeoNames), zugeordnet zu ihrer Gemeinde");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "gpkg_geometry_columns");
            migrationBuilder.DropTable(name: "gpkg_contents");
            migrationBuilder.DropTable(name: "gpkg_spatial_ref_sys");
            migrationBuilder.DropTable(name: "gemeinden");
            migrationBuilder.DropTable(name: "kreise");
            migrationBuilder.DropTable(name: "postleitzahlen");
            migrationBuilder.DropTable(name: "regierungsbezirke");
        }
    }
}
