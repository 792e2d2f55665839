// The platform's own start-up: host, Kestrel, routing and one JSON answer, nothing read from a database.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/api/managers/nearby", () => TypedResults.Json(new { baseline = true }));
app.Run();
