using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FamilyContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ansprechpartner_familien",
                table: "familienmanager",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a column in place; EF Core would rebuild the table, and its rebuild of the GeoPackage
            // geometry column calls SpatiaLite's AddGeometryColumn, which this store does not load.
            migrationBuilder.Sql("ALTER TABLE familienmanager DROP COLUMN ansprechpartner_familien;");
        }
    }
}
