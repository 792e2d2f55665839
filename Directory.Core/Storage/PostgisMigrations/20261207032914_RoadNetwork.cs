using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
{
    /// <inheritdoc />
    public partial class RoadNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strassennetz",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false),
                    quelle = table.Column<string>(type: "text", nullable: false),
                    importiert_am = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    knoten = table.Column<int>(type: "integer", nullable: false),
                    kanten = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Polygon>(type: "geometry(Polygon, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strassennetz", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "strassennetz_teile",
                columns: table => new
                {
                    teil = table.Column<int>(type: "integer", nullable: false),
                    daten = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strassennetz_teile", x => x.teil);
                });

            migrationBuilder.CreateIndex(
                name: "IX_strassennetz_geom",
                table: "strassennetz",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strassennetz");

            migrationBuilder.DropTable(
                name: "strassennetz_teile");
        }
    }
}
