using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ServedListCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The stored copy of the list joins the EF Core model (issue 20: read through Storage/Rows, written
            // through EF Core). The table of the same shape made by the migration ServedListCache is a cache: it is
            // dropped and made again, so that the table is exactly what the model says.
            migrationBuilder.Sql("DROP TABLE IF EXISTS served_list_cache");
            migrationBuilder.CreateTable(
                name: "served_list_cache",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    list_version = table.Column<long>(type: "INTEGER", nullable: false),
                    format = table.Column<string>(type: "TEXT", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_served_list_cache", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "served_list_cache");
        }
    }
}
