using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>The layer of the 1 km population grid.</summary>
    public partial class PopulationGrid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Explicit SQL for the geometry table: see InitialGeography for why CreateTable cannot be used.
            migrationBuilder.Sql("""
                CREATE TABLE "bevoelkerung_1km" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_bevoelkerung_1km" PRIMARY KEY AUTOINCREMENT,
                    "cell_id" TEXT NOT NULL,
                    "einwohner_2011" INTEGER NOT NULL,
                    "ags" TEXT NOT NULL,
                    "geom" POINT NOT NULL
                );
                """);

            migrationBuilder.CreateIndex(
                name: "IX_bevoelkerung_1km_ags",
                table: "bevoelkerung_1km",
                column: "ags");

            GeoPackageLayers.RegisterLayer(migrationBuilder, "bevoelkerung_1km", "POINT", 25832,
                "Bevölkerung 1 km (Zensus 2011)", "Bewohnte 1-km-Zellen des Zensus 2011 mit Mittelpunkt in NRW, Einwohner 09.05.2011");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM gpkg_geometry_columns WHERE table_name = 'bevoelkerung_1km'");
            migrationBuilder.Sql("DELETE FROM gpkg_contents WHERE table_name = 'bevoelkerung_1km'");
            migrationBuilder.DropTable(
                name: "bevoelkerung_1km");
        }
    }
}
