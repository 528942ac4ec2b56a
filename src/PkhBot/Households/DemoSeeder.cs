using Microsoft.EntityFrameworkCore;
using PkhBot.Data;

namespace PkhBot.Households;

/// <summary>Deterministic demo data shaped like Bojonegoro. (Placeholder: filled in by the foundation work.)</summary>
public sealed class DemoSeeder(PkhDbContext db)
{
    public const int DefaultHouseholds = 55_028;

    public async Task<bool> IsEmptyAsync(CancellationToken ct) => !await db.Households.AnyAsync(ct);

    public Task SeedAsync(int households, CancellationToken ct) => Task.CompletedTask;
}
