using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
{
    /// <inheritdoc />
    public partial class ServedListCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A cache of the snapshot's list, read and written with plain SQL (in the EF Core model since ServedListCopy), so it is
            // not part of the EF Core model; only this migration knows its columns.
            migrationBuilder.CreateTable(
                name: "served_list_cache",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    list_version = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_served_list_cache", x => x.id));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "served_list_cache");
        }
    }
}
